// Home: the signed-in user's workload at a glance; managers can widen it to a team or everyone.
import { Link, useSearchParams } from 'react-router-dom';
import { get, query } from '../api';
import { Radios } from '../components/fields';
import { DUE_SOON_WORKING_DAYS, LoadFailed, Loading, usePageTitle } from '../components/ui';
import { useLoad } from '../data';
import { seesBeyondOwnCases } from '../permissions';
import { useSession } from '../session';
import type { StatusCounts, User } from '../types';
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
  const requested = params.get('scope') as Scope | null;
  const scope: Scope = wide && requested && requested in SCOPE_TITLES ? requested : 'mine';
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
          onChange={(value) => setParams(value === 'mine' ? {} : { scope: value })}
        />
      )}
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
