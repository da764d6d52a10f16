// /learning: the lessons-learned view for the senior officers' review meetings: every action the
// filters select, overdue first, then open, completed and cancelled, each with what was learnt,
// where it came from, its owner, due date and evidence.
import { useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { getItems, query } from '../../api';
import { DownloadLinks } from '../../components/DownloadLinks';
import { Select, TextInput, type Option } from '../../components/fields';
import {
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  TableHead,
  usePageTitle,
} from '../../components/ui';
import { useLoad, useReference, userName, type Reference } from '../../data';
import { allows } from '../../permissions';
import { useSession } from '../../session';
import {
  financialYearLabel,
  financialYearOf,
  recentFinancialYears,
} from '../self-assessment/assessment';
import { todayIso } from '../../format';
import {
  groupActions,
  LEARNING_FILTER_KEYS,
  LEARNING_SOURCE_LABELS,
  LEARNING_STATUS_LABELS,
  type LearningAction,
  type LearningGroup,
} from './learning';
import { DueText, LearningStatusTags, SourceText } from './parts';

function labelled(labels: Record<string, string>): Option[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

function Filters({
  search,
  reference,
}: {
  search: URLSearchParams;
  reference: Reference | undefined;
}) {
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<string, string>>(() =>
    Object.fromEntries(LEARNING_FILTER_KEYS.map((key) => [key, search.get(key) ?? ''])),
  );
  const set = (key: string) => (value: string) => setValues((old) => ({ ...old, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/learning${query(values)}`);
  };
  const owners = (reference?.users ?? []).map((user) => ({
    value: user.username,
    label: user.display_name,
  }));
  const years = recentFinancialYears(financialYearOf(todayIso())).map((year) => ({
    value: String(year),
    label: financialYearLabel(year),
  }));
  return (
    <form noValidate onSubmit={apply} role="search" aria-label="Filter learning actions">
      <div className="redress-filters">
        <Select
          name="status"
          label="Status"
          value={values.status ?? ''}
          onChange={set('status')}
          options={labelled(LEARNING_STATUS_LABELS)}
          placeholder="Any"
        />
        <Select
          name="overdue"
          label="Overdue"
          value={values.overdue ?? ''}
          onChange={set('overdue')}
          options={[{ value: 'true', label: 'Only overdue actions' }]}
          placeholder="Any"
        />
        <Select
          name="source"
          label="Raised from"
          value={values.source ?? ''}
          onChange={set('source')}
          options={labelled(LEARNING_SOURCE_LABELS)}
          placeholder="Any"
        />
        <Select
          name="owner"
          label="Owner"
          value={values.owner ?? ''}
          onChange={set('owner')}
          options={owners}
          placeholder="Anyone"
        />
        <Select
          name="due_in"
          label="Due in the financial year"
          value={values.due_in ?? ''}
          onChange={set('due_in')}
          options={years}
          placeholder="Any year"
        />
        <TextInput
          name="complaint"
          label="Raised from complaint"
          hint="A complaint reference"
          spellCheck={false}
          value={values.complaint ?? ''}
          onChange={set('complaint')}
        />
        <TextInput
          name="ombudsman_case"
          label="Raised from Ombudsman case"
          hint="An Ombudsman case reference"
          spellCheck={false}
          value={values.ombudsman_case ?? ''}
          onChange={set('ombudsman_case')}
        />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" to="/learning">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

function ActionCell({ action }: { action: LearningAction }) {
  return (
    <>
      <p className="govuk-body govuk-!-margin-bottom-1">{action.action}</p>
      {action.lesson && (
        <p className="govuk-body-s govuk-!-margin-0 redress-note-text">
          <span className="govuk-!-font-weight-bold">Learnt:</span> {action.lesson}
        </p>
      )}
    </>
  );
}

const DONE_GROUPS: ReadonlySet<LearningGroup> = new Set(['completed', 'cancelled']);

function GroupTable({
  group,
  title,
  actions,
  reference,
}: {
  group: LearningGroup;
  title: string;
  actions: LearningAction[];
  reference: Reference | undefined;
}) {
  const done = DONE_GROUPS.has(group);
  const headings = done
    ? [
        'Reference',
        'What will change and what was learnt',
        'Raised from',
        'Owner',
        'Completed',
        'Evidence',
      ]
    : [
        'Reference',
        'What will change and what was learnt',
        'Raised from',
        'Owner',
        'Due',
        'Status',
      ];
  return (
    <section aria-labelledby={`learning-${group}-heading`}>
      <h2 className="govuk-heading-m" id={`learning-${group}-heading`}>
        {title} ({actions.length})
      </h2>
      <div className="redress-table-scroll">
        <table className="govuk-table redress-learning-table" id={`learning-${group}`}>
          <caption className="govuk-visually-hidden">{title} learning actions</caption>
          <TableHead headings={headings} />
          <tbody className="govuk-table__body">
            {actions.map((action) => (
              <tr className="govuk-table__row" key={action.reference}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/learning/${action.reference}`}>
                    {action.reference}
                  </Link>
                </th>
                <td className="govuk-table__cell">
                  <ActionCell action={action} />
                </td>
                <td className="govuk-table__cell">
                  <SourceText action={action} reference={reference} />
                </td>
                <td className="govuk-table__cell">{userName(reference?.users, action.owner)}</td>
                {done ? (
                  <>
                    <td className="govuk-table__cell">
                      {action.completed_on ? (
                        <DateText iso={action.completed_on} />
                      ) : (
                        'Not completed'
                      )}
                    </td>
                    <td className="govuk-table__cell redress-note-text">
                      {action.evidence || 'None recorded'}
                    </td>
                  </>
                ) : (
                  <>
                    <td className="govuk-table__cell">
                      <DueText action={action} />
                    </td>
                    <td className="govuk-table__cell">
                      <LearningStatusTags action={action} />
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function LessonsLearned() {
  usePageTitle('Lessons learned');
  const { user } = useSession();
  const [search] = useSearchParams();
  const done = (useLocation().state as { done?: string } | null)?.done;
  const reference = useReference();
  const key = search.toString();
  const filters = Object.fromEntries(
    LEARNING_FILTER_KEYS.map((name) => [name, search.get(name) ?? undefined]),
  );
  const actions = useLoad(() => getItems<LearningAction>(`/learning${query(filters)}`), key);
  const groups = actions.data ? groupActions(actions.data) : [];
  return (
    <>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The change is in the audit trail.</p>
        </SuccessBanner>
      )}
      <span className="govuk-caption-l">Learning and service-improvement actions</span>
      <h1 className="govuk-heading-l">Lessons learned</h1>
      <p className="govuk-body">
        What complaints, the Ombudsman’s decisions and recurring themes have taught us, and the
        changes made because of them: overdue actions first.
      </p>
      {allows(user, 'manage_learning') && (
        <p className="govuk-body">
          <Link
            className="govuk-button"
            role="button"
            draggable="false"
            data-module="govuk-button"
            to="/learning/new"
          >
            Raise a learning action
          </Link>
        </p>
      )}
      <h2 className="govuk-heading-m">Filters</h2>
      <Filters key={key} search={search} reference={reference.data} />
      <DownloadLinks list="learning-actions" what="these learning actions" filters={filters} />
      {actions.error && <LoadFailed message={actions.error} />}
      {!actions.data && !actions.error && <Loading />}
      {actions.data && groups.length === 0 && (
        <p className="govuk-body" id="learning-none">
          No learning actions match these filters.
        </p>
      )}
      {groups.map((entry) => (
        <GroupTable
          key={entry.group}
          group={entry.group}
          title={entry.title}
          actions={entry.actions}
          reference={reference.data}
        />
      ))}
    </>
  );
}
