// /ombudsman: every Ombudsman case the user may see, filtered as the API allows.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { ApiError, getItems, query } from '../../api';
import { DownloadLinks } from '../../components/DownloadLinks';
import { ErrorSummary } from '../../components/ErrorSummary';
import { FormErrors, Select, TextInput } from '../../components/fields';
import {
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  Tag,
  usePageTitle,
} from '../../components/ui';
import { useLoad } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import type { FieldError } from '../../types';
import type { OmbudsmanCase } from './model';
import { ComplaintLinks } from './parts';
import {
  financialYearLabel,
  inListOrder,
  listDates,
  OMBUDSMAN_SHORT_LABELS,
  optionsOf,
  outcomeText,
  statusColour,
  statusText,
} from './wording';

const FILTERS = ['ombudsman', 'complaint', 'decided_in'] as const;

function SectionLinks({
  canManage,
  canReadLetters,
}: {
  canManage: boolean;
  canReadLetters: boolean;
}) {
  return (
    <ul className="govuk-list" id="ombudsman-sections">
      {canManage && (
        <li>
          <Link className="govuk-link" to="/ombudsman/new">
            Record an Ombudsman case
          </Link>
        </li>
      )}
      <li>
        <Link className="govuk-link" to="/ombudsman/failure-orders">
          Complaint Handling Failure Orders
        </Link>
      </li>
      {canReadLetters && (
        <li>
          <Link className="govuk-link" to="/ombudsman/lgsco-letters">
            LGSCO annual letters and reconciliation
          </Link>
        </li>
      )}
    </ul>
  );
}

function Filters({ onApply }: { onApply: (values: Record<string, string>) => void }) {
  const [params] = useSearchParams();
  const [values, setValues] = useState<Record<string, string>>(
    Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? ''])),
  );
  const set = (name: string) => (value: string) => setValues({ ...values, [name]: value });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(values);
  };
  return (
    <form
      noValidate
      onSubmit={submit}
      className="redress-filters"
      aria-label="Filter Ombudsman cases"
    >
      <Select
        name="ombudsman"
        label="Ombudsman"
        placeholder="Both"
        value={values.ombudsman ?? ''}
        onChange={set('ombudsman')}
        options={optionsOf(OMBUDSMAN_SHORT_LABELS)}
      />
      <TextInput
        name="complaint"
        label="About complaint (reference)"
        spellCheck={false}
        value={values.complaint ?? ''}
        onChange={set('complaint')}
      />
      <TextInput
        name="decided_in"
        label="Decided in financial year"
        hint="Its first year, for example 2022 for April 2022 to March 2023"
        inputMode="numeric"
        value={values.decided_in ?? ''}
        onChange={set('decided_in')}
      />
      <div className="govuk-button-group">
        <button
          type="submit"
          className="govuk-button govuk-button--secondary"
          data-module="govuk-button"
        >
          Apply filters
        </button>
      </div>
    </form>
  );
}

function ListDates({ c }: { c: OmbudsmanCase }) {
  const dates = listDates(c);
  if (dates.length === 0) return <>None yet</>;
  return (
    <ul className="govuk-list govuk-body-s redress-compact-list">
      {dates.map((date) => (
        <li key={date.label}>
          {date.label}:{' '}
          <span className="redress-nowrap">
            <DateText iso={date.iso} />
          </span>
        </li>
      ))}
    </ul>
  );
}

function CaseTable({ cases, caption }: { cases: OmbudsmanCase[]; caption: string }) {
  return (
    <div className="redress-table-scroll">
      <table className="govuk-table redress-dense-table" id="ombudsman-cases">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <TableHead
          headings={[
            'Case',
            'Ombudsman and their reference',
            'Complaints',
            'Key dates',
            'Status',
            'Outcome',
          ]}
        />
        <tbody className="govuk-table__body">
          {inListOrder(cases).map((c) => (
            <tr className="govuk-table__row" key={c.reference}>
              <td className="govuk-table__cell redress-nowrap">
                <Link className="govuk-link" to={`/ombudsman/cases/${c.reference}`}>
                  {c.reference}
                </Link>
              </td>
              <td className="govuk-table__cell">
                {OMBUDSMAN_SHORT_LABELS[c.ombudsman]}
                <br />
                {c.ombudsman_reference || 'Reference not known'}
              </td>
              <td className="govuk-table__cell">
                <ComplaintLinks complaints={c.complaints} />
              </td>
              <td className="govuk-table__cell">
                <ListDates c={c} />
              </td>
              <td className="govuk-table__cell redress-wide-tags">
                <Tag colour={statusColour(c)}>{statusText(c)}</Tag>
              </td>
              <td className="govuk-table__cell">
                {c.final_decision_on ? outcomeText(c) : 'Not decided'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CaseListPage() {
  usePageTitle('Ombudsman cases');
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const filters = Object.fromEntries(FILTERS.map((name) => [name, params.get(name) ?? '']));
  const path = `/ombudsman/cases${query(filters)}`;
  const [failure, setFailure] = useState<FieldError[]>([]);
  const loaded = useLoad(async () => {
    try {
      const items = await getItems<OmbudsmanCase>(path);
      setFailure([]);
      return items;
    } catch (error) {
      // A filter the API refuses shows against its box.
      if (error instanceof ApiError) setFailure(error.fieldErrors('ombudsman'));
      throw error;
    }
  }, path);
  const yearText =
    filters.decided_in && /^\d{4}$/.test(filters.decided_in)
      ? ` decided in ${financialYearLabel(Number(filters.decided_in))}`
      : '';
  return (
    <>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <h1 className="govuk-heading-l">Ombudsman cases</h1>
      <p className="govuk-body">
        Cases with the Housing Ombudsman and the Local Government and Social Care Ombudsman, their
        outcomes, and the orders and recommendations the council must carry out.
      </p>
      <SectionLinks
        canManage={allows(user, 'manage_ombudsman')}
        canReadLetters={allows(user, 'view_reports')}
      />
      <FormErrors.Provider value={failure}>
        <ErrorSummary errors={failure} />
        <Filters
          key={path}
          onApply={(values) =>
            setParams(
              Object.fromEntries(
                Object.entries(values)
                  .filter(([, v]) => v.trim())
                  .map(([k, v]) => [k, v.trim()]),
              ),
            )
          }
        />
      </FormErrors.Provider>
      <DownloadLinks list="ombudsman-cases" what="these Ombudsman cases" filters={filters} />
      {loaded.error && failure.length === 0 && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data?.length === 0 && (
        <p className="govuk-body" id="no-ombudsman-cases">
          No Ombudsman cases{yearText} match.
        </p>
      )}
      {loaded.data && loaded.data.length > 0 && (
        <CaseTable
          cases={loaded.data}
          caption={`${loaded.data.length} ${loaded.data.length === 1 ? 'case' : 'cases'}${yearText}`}
        />
      )}
    </>
  );
}
