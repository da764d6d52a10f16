// /ombudsman/cases/:reference: one Ombudsman case, its outcome, orders and failure orders.
import { Link, useLocation, useParams } from 'react-router-dom';
import { getItems } from '../../api';
import {
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  TableHead,
  Tag,
  usePageTitle,
  WarningText,
  DateText,
} from '../../components/ui';
import { useLoad } from '../../data';
import { formatDate } from '../../format';
import { DATE_LABELS } from './caseForm';
import { loadOmbudsmanCase } from './CaseFormPage';
import { CASE_DATE_FIELDS, type FailureOrder, type OmbudsmanCase } from './model';
import { useCanManage } from './NotAllowed';
import { ComplaintLinks, RemedyTable } from './parts';
import {
  CHFO_OUTCOME_LABELS,
  CHFO_TYPE_LABELS,
  DECISION_LABELS,
  FINDING_LABELS,
  OMBUDSMAN_LABELS,
  statusColour,
  statusText,
} from './wording';

function Outcome({ c }: { c: OmbudsmanCase }) {
  if (c.ombudsman === 'housing_ombudsman') {
    if (c.findings.length === 0)
      return (
        <p className="govuk-body" id="outcome">
          No findings recorded yet.
        </p>
      );
    return (
      <table className="govuk-table" id="outcome">
        <caption className="govuk-table__caption govuk-table__caption--s">
          Findings for each element
        </caption>
        <TableHead headings={['Element of the complaint', 'Finding']} />
        <tbody className="govuk-table__body">
          {c.findings.map((finding, index) => (
            <tr className="govuk-table__row" key={index}>
              <td className="govuk-table__cell">{finding.element}</td>
              <td className="govuk-table__cell">{FINDING_LABELS[finding.finding]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <SummaryList
      id="outcome"
      rows={[
        {
          key: 'Decision',
          value: c.lgsco_decision ? DECISION_LABELS[c.lgsco_decision] : 'Not decided yet',
        },
        {
          key: 'Satisfactory remedy already given by the council',
          value: c.satisfactory_remedy_by_council ? 'Yes' : 'No',
        },
      ]}
    />
  );
}

function FailureOrders({ orders }: { orders: FailureOrder[] }) {
  if (orders.length === 0) return <p className="govuk-body">None.</p>;
  return (
    <ul className="govuk-list" id="case-failure-orders">
      {orders.map((order) => (
        <li key={order.reference}>
          <Link className="govuk-link" to={`/ombudsman/failure-orders/${order.reference}`}>
            {order.reference}
          </Link>
          : {CHFO_TYPE_LABELS[order.type]}, due <DateText iso={order.due_on} />,{' '}
          {CHFO_OUTCOME_LABELS[order.outcome].toLowerCase()}
          {order.overdue && (
            <>
              {' '}
              <Tag colour="red">Overdue</Tag>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function CaseView({ c }: { c: OmbudsmanCase }) {
  const done = (useLocation().state as { done?: string } | null)?.done;
  const canManage = useCanManage();
  const orders = useLoad(
    () => getItems<FailureOrder>('/ombudsman/failure-orders'),
    'failure-orders',
  );
  const ordersOfCase = orders.data?.filter((order) => order.ombudsman_case === c.reference);
  return (
    <>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">{c.reference}</span>
      <h1 className="govuk-heading-l">
        {OMBUDSMAN_LABELS[c.ombudsman]} case
        {c.ombudsman_reference ? ` ${c.ombudsman_reference}` : ''}
      </h1>
      <p className="govuk-body redress-wide-tags" id="ombudsman-case-status">
        <Tag colour={statusColour(c)}>{statusText(c)}</Tag>
      </p>
      {c.information_overdue && (
        <WarningText>
          The information the Ombudsman asked for is overdue: it was due on{' '}
          {formatDate(c.information_due_on)}.
        </WarningText>
      )}
      {c.remedy_overdue && (
        <WarningText>An order or recommendation is past its due date.</WarningText>
      )}
      {canManage && (
        <div className="govuk-button-group" id="ombudsman-case-actions">
          <Link
            className="govuk-button"
            role="button"
            draggable="false"
            data-module="govuk-button"
            to={`/ombudsman/cases/${c.reference}/edit`}
          >
            Edit case
          </Link>
          <Link
            className="govuk-button govuk-button--secondary"
            role="button"
            draggable="false"
            data-module="govuk-button"
            to={`/ombudsman/failure-orders/new?case=${c.reference}`}
          >
            Record a failure order
          </Link>
        </div>
      )}
      <h2 className="govuk-heading-m">Details</h2>
      <SummaryList
        id="ombudsman-case-details"
        rows={[
          { key: 'Ombudsman', value: OMBUDSMAN_LABELS[c.ombudsman] },
          { key: 'Their reference', value: c.ombudsman_reference || 'Not known' },
          {
            key: 'Complaints',
            value: <ComplaintLinks complaints={c.complaints} />,
            id: 'ombudsman-case-complaints',
          },
          {
            key: 'Summary',
            value: <span className="redress-note-text">{c.summary || 'None'}</span>,
          },
          ...CASE_DATE_FIELDS.map((field) => ({
            key: DATE_LABELS[field],
            value: <DateText iso={c[field]} />,
            id: `date-${field}`,
          })),
        ]}
      />
      <h2 className="govuk-heading-m">Outcome</h2>
      <Outcome c={c} />
      <h2 className="govuk-heading-m">Orders and recommendations</h2>
      {c.remedies.length === 0 ? (
        <p className="govuk-body">None recorded.</p>
      ) : (
        <RemedyTable remedies={c.remedies} id="remedies-table" />
      )}
      <h2 className="govuk-heading-m">Complaint Handling Failure Orders</h2>
      {orders.error && <LoadFailed message={orders.error} />}
      {ordersOfCase && <FailureOrders orders={ordersOfCase} />}
    </>
  );
}

export function CaseViewPage() {
  const { reference = '' } = useParams();
  usePageTitle(`Ombudsman case ${reference}`);
  const location = useLocation();
  const loaded = useLoad(() => loadOmbudsmanCase(reference), `${reference}/${location.key}`);
  return (
    <>
      <Link to="/ombudsman" className="govuk-back-link">
        Ombudsman cases
      </Link>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && <CaseView c={loaded.data.c} />}
    </>
  );
}
