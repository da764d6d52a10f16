// Home: each role's work at a glance. A case handler opens on their own cases, a manager on their
// team's, a complaints officer on the triage queue and the organisation's figures, a viewer (who
// handles none) on the organisation's headline figures; those who see beyond their own cases can
// change the scope.
import { Link, useSearchParams } from 'react-router-dom';
import { get, query } from '../api';
import { Radios } from '../components/fields';
import {
  DateText,
  DUE_SOON_WORKING_DAYS,
  LoadFailed,
  Loading,
  Tag,
  usePageTitle,
} from '../components/ui';
import { useLoad, useReference, userName } from '../data';
import { seesBeyondOwnCases } from '../permissions';
import { useSession } from '../session';
import type { ComplaintList, ComplaintRow, StatusCounts, User } from '../types';
import { NeedsTag } from './case/Needs';
import { OverduePanel } from './ombudsman/OverduePanel';

type Scope = 'mine' | 'team' | 'all';
type Filters = Record<string, string>;

function scopeFilters(scope: Scope, user: User): Filters {
  if (scope === 'team' && user.team) return { team: user.team };
  if (scope === 'all') return {};
  return { handler: user.username };
}

interface Tile {
  label: string;
  count: number;
  // The case list showing these cases; none when the list cannot filter them alone (it has no
  // "open" status: open is awaiting acknowledgement plus in progress, each a row of its own).
  filters?: Filters;
}

async function loadTiles(filters: Filters): Promise<{ tiles: Tile[]; stages: Tile[] }> {
  const counts = (extra: Filters) =>
    get<StatusCounts>(`/complaints/counts${query({ ...filters, ...extra })}`);
  const dueSoon = { due_within: String(DUE_SOON_WORKING_DAYS) };
  const overdue = { overdue: 'true' };
  const [all, soon, late] = await Promise.all([counts({}), counts(dueSoon), counts(overdue)]);
  if (!all || !soon || !late) throw new Error('the counts did not load');
  const tiles: Tile[] = [
    { label: 'Open cases', count: all.open },
    {
      label: `Due within ${DUE_SOON_WORKING_DAYS} working days`,
      count: soon.open,
      filters: { ...dueSoon, sort: 'due_on' },
    },
    { label: 'Overdue', count: late.open, filters: { ...overdue, sort: 'due_on' } },
    {
      label: 'Awaiting acknowledgement',
      count: all.by_status.awaiting_acknowledgement,
      filters: { status: 'awaiting_acknowledgement', sort: 'due_on' },
    },
    {
      label: 'In progress',
      count: all.by_status.in_progress,
      filters: { status: 'in_progress', sort: 'due_on' },
    },
  ];
  // The stages the server has (one key each, in its order): the app keeps no list of its own.
  const stages = Object.entries(all.by_stage)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([stage, open]) => ({
      label: `Stage ${stage}`,
      count: open,
      filters: { stage, sort: 'due_on' },
    }));
  return { tiles, stages };
}

function CountsTable({ caption, rows, scope }: { caption: string; rows: Tile[]; scope: Filters }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            Cases
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Number
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((row) => (
          <tr className="govuk-table__row" key={row.label}>
            <th scope="row" className="govuk-table__header">
              {row.filters ? (
                <Link className="govuk-link" to={`/cases${query({ ...scope, ...row.filters })}`}>
                  {row.label}
                </Link>
              ) : (
                row.label
              )}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// Where each role's home opens.
function defaultScope(user: User, wide: boolean): Scope {
  if (user.role === 'manager') return user.team ? 'team' : 'all';
  if (user.role === 'viewer' || (wide && user.role !== 'case_handler')) return 'all';
  return 'mine';
}

const TRIAGE_SIZE = 10;

const AWAITING = { status: 'awaiting_acknowledgement', sort: 'due_on' };
const ONLINE = { ...AWAITING, channel: 'online' };
const UNASSIGNED = { ...AWAITING, unassigned: 'true' };

interface Triage {
  rows: ComplaintRow[];
  online: Set<string>;
}

// New online and unassigned complaints first (they wait for someone to pick them up), then the
// other complaints awaiting acknowledgement, the most urgent first within each.
async function loadTriage(): Promise<Triage> {
  const list = (filters: Record<string, string>) =>
    get<ComplaintList>(`/complaints${query({ ...filters, limit: TRIAGE_SIZE })}`);
  const [online, unassigned, awaiting] = await Promise.all([
    list(ONLINE),
    list(UNASSIGNED),
    list(AWAITING),
  ]);
  const rows: ComplaintRow[] = [];
  const seen = new Set<string>();
  const byDue = (a: ComplaintRow, b: ComplaintRow) =>
    (a.due_on ?? '9999').localeCompare(b.due_on ?? '9999');
  const first = [...online.items, ...unassigned.items].sort(byDue);
  for (const row of [...first, ...awaiting.items]) {
    if (seen.has(row.reference) || rows.length >= TRIAGE_SIZE) continue;
    seen.add(row.reference);
    rows.push(row);
  }
  return { rows, online: new Set(online.items.map((row) => row.reference)) };
}

// The complaints officer's queue: new online and unassigned complaints, then the others awaiting
// acknowledgement, each with how it came in, who handles it (or that nobody does yet) and a flag
// when the complainant has needs.
function TriageQueue() {
  const loaded = useLoad(loadTriage, 'triage');
  const reference = useReference();
  return (
    <section aria-labelledby="triage-heading" id="triage-queue">
      <h2 className="govuk-heading-m" id="triage-heading">
        Triage: new online and unassigned complaints
      </h2>
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && loaded.data.rows.length === 0 && (
        <p className="govuk-body">No complaints are waiting to be acknowledged.</p>
      )}
      {loaded.data && loaded.data.rows.length > 0 && (
        <table className="govuk-table">
          <caption className="govuk-visually-hidden">
            New online and unassigned complaints first, then the most urgent awaiting
            acknowledgement
          </caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              {['Reference', 'Complainant', 'Handler', 'Acknowledge by'].map((heading) => (
                <th scope="col" className="govuk-table__header" key={heading}>
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {loaded.data.rows.map((row) => (
              <tr className="govuk-table__row" key={row.reference}>
                <th scope="row" className="govuk-table__header">
                  <Link className="govuk-link" to={`/cases/${row.reference}`}>
                    {row.reference}
                  </Link>
                  {loaded.data?.online.has(row.reference) && (
                    <>
                      {' '}
                      <Tag colour="blue">Online</Tag>
                    </>
                  )}
                </th>
                <td className="govuk-table__cell">
                  {row.complainant}
                  {row.has_needs && (
                    <>
                      <br />
                      <NeedsTag />
                    </>
                  )}
                </td>
                <td className="govuk-table__cell">
                  {row.handler ? userName(reference.data?.users, row.handler) : 'Unassigned'}
                </td>
                <td className="govuk-table__cell">
                  <DateText iso={row.due_on} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ul className="govuk-list">
        <li>
          <Link className="govuk-link" to={`/cases${query(ONLINE)}`}>
            New online complaints
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/cases${query(UNASSIGNED)}`}>
            New complaints with no handler
          </Link>
        </li>
        <li>
          <Link className="govuk-link" to={`/cases${query(AWAITING)}`}>
            Every complaint awaiting acknowledgement
          </Link>
        </li>
      </ul>
    </section>
  );
}

const SCOPE_TITLES: Record<Scope, string> = {
  mine: 'Your cases',
  team: 'Your team’s cases',
  all: 'All cases',
};

export function Dashboard() {
  const { user } = useSession();
  usePageTitle('Home');
  const [params, setParams] = useSearchParams();
  const wide = seesBeyondOwnCases(user);
  const opening = defaultScope(user, wide);
  const requested = params.get('scope') as Scope | null;
  const scope: Scope = wide && requested && requested in SCOPE_TITLES ? requested : opening;
  const filters = scopeFilters(scope, user);
  const loaded = useLoad(() => loadTiles(filters), JSON.stringify(filters));
  const scopeOptions = [
    { value: 'mine', label: 'Cases assigned to me' },
    ...(user.team ? [{ value: 'team', label: 'My team’s cases' }] : []),
    { value: 'all', label: 'The whole organisation' },
  ];
  return (
    <>
      <h1 className="govuk-heading-l">{SCOPE_TITLES[scope]}</h1>
      <p className="govuk-body">Signed in as {user.display_name}.</p>
      {wide && (
        <Radios
          name="scope"
          label="Show"
          inline
          small
          value={scope}
          options={scopeOptions}
          onChange={(value) => setParams(value === opening ? {} : { scope: value })}
        />
      )}
      {user.role === 'complaints_officer' && <TriageQueue />}
      {loaded.error && <LoadFailed message={loaded.error} />}
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.data && (
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-one-half">
            <CountsTable caption="Workload" rows={loaded.data.tiles} scope={filters} />
          </div>
          <div className="govuk-grid-column-one-half">
            <CountsTable caption="Open cases by stage" rows={loaded.data.stages} scope={filters} />
          </div>
        </div>
      )}
      <OverduePanel />
    </>
  );
}
