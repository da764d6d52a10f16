// Small pieces shared by the Ombudsman pages and a complaint's Ombudsman history.
import { Link } from 'react-router-dom';
import { DateText, TableHead, Tag } from '../../components/ui';
import { DATE_SHORT_LABELS } from './caseForm';
import {
  CASE_DATE_FIELDS,
  type Compliance,
  type OmbudsmanCase,
  type OmbudsmanRemedy,
} from './model';
import {
  COMPLIANCE_COLOURS,
  COMPLIANCE_LABELS,
  REMEDY_KIND_LABELS,
  REMEDY_TYPE_LABELS,
} from './wording';

export function ComplaintLinks({ complaints }: { complaints: string[] }) {
  if (complaints.length === 0) return <>None</>;
  return (
    <>
      {complaints.map((reference, index) => (
        <span key={reference}>
          {index > 0 && ', '}
          <Link className="govuk-link" to={`/cases/${reference}`}>
            {reference}
          </Link>
        </span>
      ))}
    </>
  );
}

// The dates a case has so far, each named, as a compact list.
export function CaseDates({ c }: { c: OmbudsmanCase }) {
  const present = CASE_DATE_FIELDS.filter((field) => c[field]);
  if (present.length === 0) return <>None yet</>;
  return (
    <ul className="govuk-list govuk-body-s redress-compact-list">
      {present.map((field) => (
        <li key={field}>
          {DATE_SHORT_LABELS[field]}:{' '}
          <span className="redress-nowrap">
            <DateText iso={c[field]} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export function ComplianceTag({ compliance }: { compliance: Compliance }) {
  return <Tag colour={COMPLIANCE_COLOURS[compliance]}>{COMPLIANCE_LABELS[compliance]}</Tag>;
}

export function RemedyTable({ remedies, id }: { remedies: OmbudsmanRemedy[]; id: string }) {
  return (
    <div className="redress-table-scroll">
      <table className="govuk-table redress-dense-table" id={id}>
        <caption className="govuk-visually-hidden">Orders and recommendations</caption>
        <TableHead headings={['What', 'Kind', 'Due', 'Completed', 'Evidence', 'Compliance']} />
        <tbody className="govuk-table__body">
          {remedies.map((remedy, index) => (
            <tr className="govuk-table__row" key={index}>
              <td className="govuk-table__cell redress-note-text">{remedy.description}</td>
              <td className="govuk-table__cell">
                {REMEDY_KIND_LABELS[remedy.kind]}: {REMEDY_TYPE_LABELS[remedy.type].toLowerCase()}
              </td>
              <td className="govuk-table__cell redress-nowrap">
                <DateText iso={remedy.due_on} />
              </td>
              <td className="govuk-table__cell">
                {remedy.completed_on ? <DateText iso={remedy.completed_on} /> : 'Not yet'}
              </td>
              <td className="govuk-table__cell redress-note-text">
                {remedy.evidence || 'None recorded'}
              </td>
              <td className="govuk-table__cell redress-wide-tags">
                <ComplianceTag compliance={remedy.compliance} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
