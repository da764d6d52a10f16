// The dashboard's "Ombudsman and learning: overdue" panel: late information for the Ombudsman,
// late orders and recommendations, failure orders past due and overdue learning actions.
import { Link } from 'react-router-dom';
import { get } from '../../api';
import { DateText, LoadFailed, TableHead } from '../../components/ui';
import { useLoad } from '../../data';
import type { OverdueDashboard } from './model';
import { daysOverdueText, OVERDUE_KIND_LABELS, overdueLink, overdueWhat } from './wording';
import { daysBetween } from './dates';

interface Row {
  key: string;
  kind: string;
  reference: string;
  link: string;
  what: string;
  due_on: string;
  late: string;
}

function rowsOf(dashboard: OverdueDashboard): Row[] {
  const ombudsman = dashboard.ombudsman.map((item) => ({
    key: `${item.kind}-${item.reference}-${item.remedy_index ?? ''}`,
    kind: OVERDUE_KIND_LABELS[item.kind] ?? item.kind,
    reference: item.reference,
    link: overdueLink(item),
    what: overdueWhat(item),
    due_on: item.due_on,
    late: daysOverdueText(item.days_overdue),
  }));
  const learning = dashboard.learning_actions.map((action) => ({
    key: `learning-${action.reference}`,
    kind: 'Learning action',
    reference: action.reference,
    link: `/learning/${action.reference}`,
    what: action.action,
    due_on: action.due_on,
    late: daysOverdueText(daysBetween(action.due_on, dashboard.as_at)),
  }));
  return [...ombudsman, ...learning];
}

export function OverduePanel() {
  const loaded = useLoad(() => get<OverdueDashboard>('/ombudsman/overdue'), 'ombudsman-overdue');
  const rows = loaded.data ? rowsOf(loaded.data) : [];
  return (
    <section aria-labelledby="ombudsman-overdue-title" id="ombudsman-overdue">
      <h2 className="govuk-heading-m" id="ombudsman-overdue-title">
        Ombudsman and learning: overdue
      </h2>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {loaded.data && rows.length === 0 && <p className="govuk-body">Nothing overdue.</p>}
      {rows.length > 0 && (
        <div className="redress-table-scroll">
          <table className="govuk-table">
            <caption className="govuk-visually-hidden">
              Overdue Ombudsman items and learning actions
            </caption>
            <TableHead headings={['What', 'Record', 'Due', 'How late']} />
            <tbody className="govuk-table__body">
              {rows.map((row) => (
                <tr className="govuk-table__row" key={row.key}>
                  <td className="govuk-table__cell">
                    <span className="govuk-body-s redress-overdue-kind">{row.kind}</span>
                    <br />
                    {row.what}
                  </td>
                  <td className="govuk-table__cell redress-nowrap">
                    <Link className="govuk-link" to={row.link}>
                      {row.reference}
                    </Link>
                  </td>
                  <td className="govuk-table__cell">
                    <DateText iso={row.due_on} />
                  </td>
                  <td className="govuk-table__cell redress-wide-tags">
                    <strong className="govuk-tag govuk-tag--red">{row.late}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
