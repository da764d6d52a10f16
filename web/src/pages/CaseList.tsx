// The case list: the API's filters, free-text search, sorting and cursor pagination, with each
// case's deadline shown as on time, due soon or overdue.
import { useLayoutEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { get, query } from '../api';
import { BulkActions } from '../components/BulkActions';
import { DownloadLinks } from '../components/DownloadLinks';
import { SavedViews } from '../components/SavedViews';
import { Select, TextInput, type Option } from '../components/fields';
import {
  DateText,
  DUE_SOON_WORKING_DAYS,
  LoadFailed,
  Loading,
  StatusTag,
  UrgencyTag,
  usePageTitle,
  type Urgency,
} from '../components/ui';
import { nameOf, useLoad, useReference, userName, type Reference } from '../data';
import { CHANNEL_LABELS, REGIME_LABELS, STATUS_LABELS } from '../format';
import { NeedsTag } from './case/Needs';
import { allows } from '../permissions';
import { useSession } from '../session';
import type { ComplaintList, ComplaintRow, StatusCounts } from '../types';

export const PAGE_SIZE = 50;
// Enough to hold every due-soon case among the filtered ones in practice; used only for tags.
const DUE_SOON_LOOKUP_LIMIT = 200;

// The filters the list form edits, by query parameter; sort and paging are kept apart.
const FILTER_KEYS = [
  'text',
  'status',
  'stage',
  'regime',
  'service_area',
  'category',
  'team',
  'handler',
  'channel',
  'unassigned',
  'received_from',
  'received_to',
  'overdue',
  'due_within',
] as const;

// The list opens on the most urgent deadline first: open cases with a deadline, soonest first,
// then the cases with none (closed, refused, withdrawn).
export const DEFAULT_SORT = 'due_on';
// The last filters applied, kept in the browser: /cases with no query opens on them.
export const LAST_FILTERS_KEY = 'redress:case-list-filters';

// What the navigation's link to the list says in its state.
export interface RestoreState {
  restoreFilters?: boolean;
}

function rememberedSearch(): string {
  try {
    return window.localStorage.getItem(LAST_FILTERS_KEY) ?? '';
  } catch {
    return '';
  }
}

function remember(search: string): void {
  try {
    window.localStorage.setItem(LAST_FILTERS_KEY, search);
  } catch {
    // Storage refused (private browsing): the list still works, only unremembered.
  }
}

const SORT_OPTIONS: Option[] = [
  { value: 'reference', label: 'Reference (oldest first)' },
  { value: '-reference', label: 'Reference (newest first)' },
  { value: 'due_on', label: 'Due date (soonest first)' },
  { value: '-due_on', label: 'Due date (latest first)' },
  { value: 'received_on', label: 'Date received (oldest first)' },
  { value: '-received_on', label: 'Date received (newest first)' },
];

function options(labels: Record<string, string>): Option[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

function codedOptions(entries: { code: string; name: string }[] | undefined): Option[] {
  return (entries ?? []).map((entry) => ({ value: entry.code, label: entry.name }));
}

interface Page {
  list: ComplaintList;
  dueSoon: Set<string>;
  // How many cases match the filters on every page, so a figure that links here can be checked.
  total: number;
}

// The API gives each row's due date and whether it is overdue; which are due soon comes from the
// same filters with due_within, so the tags follow the organisation's working-day calendar.
interface FilterAnswers {
  dueSoon: Set<string>;
  total: number;
}

async function loadFilterAnswers(
  filters: Record<string, string | undefined>,
  wantsDueSoon: boolean,
): Promise<FilterAnswers> {
  const [soon, counts] = await Promise.all([
    wantsDueSoon
      ? get<ComplaintList>(
          `/complaints${query({ ...filters, due_within: DUE_SOON_WORKING_DAYS, limit: DUE_SOON_LOOKUP_LIMIT })}`,
        )
      : Promise.resolve({ items: [], next_cursor: null }),
    get<StatusCounts>(`/complaints/counts${query(filters)}`),
  ]);
  return { dueSoon: new Set(soon.items.map((row) => row.reference)), total: counts.total };
}

// Those answers depend on the filters alone: the first page asks for them and the later pages of
// the same filters reuse them, so paging costs one request, not three (counting every matching
// case is the slow one).
let lastFilterAnswers: { key: string; answers: Promise<FilterAnswers> } | null = null;

async function loadPage(search: URLSearchParams): Promise<Page> {
  const filters = Object.fromEntries(FILTER_KEYS.map((key) => [key, search.get(key) ?? undefined]));
  const cursor = search.get('cursor') ?? undefined;
  const listQuery = query({
    ...filters,
    sort: search.get('sort') ?? DEFAULT_SORT,
    cursor,
    limit: PAGE_SIZE,
  });
  const wantsDueSoon = search.get('overdue') !== 'true';
  const key = query(filters);
  if (!cursor || lastFilterAnswers?.key !== key) {
    const answers = loadFilterAnswers(filters, wantsDueSoon);
    // A failed answer is not kept: the next page asks again.
    answers.catch(() => {
      if (lastFilterAnswers?.answers === answers) lastFilterAnswers = null;
    });
    lastFilterAnswers = { key, answers };
  }
  const [list, { dueSoon, total }] = await Promise.all([
    get<ComplaintList>(`/complaints${listQuery}`),
    lastFilterAnswers.answers,
  ]);
  performance.mark(LIST_MARKS.answered);
  return { list, dueSoon, total };
}

function urgencyOfRow(row: ComplaintRow, dueSoon: Set<string>): Urgency | null {
  if (!row.due_on) return null;
  if (row.overdue) return 'overdue';
  return dueSoon.has(row.reference) ? 'due_soon' : 'on_time';
}

// The selection of cases for bulk actions, by reference.
interface Selection {
  selected: Set<string>;
  toggle: (reference: string, on: boolean) => void;
}

function CaseRow({
  row,
  dueSoon,
  reference,
  selection,
}: {
  row: ComplaintRow;
  dueSoon: Set<string>;
  reference: Reference | undefined;
  selection: Selection | null;
}) {
  const urgency = urgencyOfRow(row, dueSoon);
  const boxId = `select-${row.reference}`;
  return (
    <tr className="govuk-table__row">
      {selection && (
        <td className="govuk-table__cell">
          <div className="govuk-checkboxes govuk-checkboxes--small">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id={boxId}
                type="checkbox"
                checked={selection.selected.has(row.reference)}
                onChange={(event) => selection.toggle(row.reference, event.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={boxId}>
                <span className="govuk-visually-hidden">Select {row.reference}</span>
              </label>
            </div>
          </div>
        </td>
      )}
      <th scope="row" className="govuk-table__header">
        <Link className="govuk-link" to={`/cases/${row.reference}`}>
          {row.reference}
        </Link>
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
      <td className="govuk-table__cell">{row.summary}</td>
      <td className="govuk-table__cell">
        <StatusTag status={row.status} />
      </td>
      <td className="govuk-table__cell govuk-table__cell--numeric">{row.stage}</td>
      <td className="govuk-table__cell">
        {nameOf(reference?.teams, row.team)}
        <br />
        {userName(reference?.users, row.handler)}
      </td>
      <td className="govuk-table__cell">
        <DateText iso={row.received_on} />
      </td>
      <td className="govuk-table__cell">
        <DateText iso={row.due_on} />
      </td>
      <td className="govuk-table__cell">
        {urgency ? <UrgencyTag urgency={urgency} /> : 'No deadline'}
      </td>
    </tr>
  );
}

function CaseTable({
  page,
  reference,
  selection,
}: {
  page: Page;
  reference: Reference | undefined;
  selection: Selection | null;
}) {
  if (page.list.items.length === 0)
    return (
      <p className="govuk-body" id="case-count">
        No cases match these filters.
      </p>
    );
  return (
    <div className="redress-table-scroll">
      <table className="govuk-table" id="case-table">
        <caption className="govuk-table__caption govuk-table__caption--s" id="case-count">
          <span id="case-total">
            {page.total} {page.total === 1 ? 'case matches' : 'cases match'} these filters
          </span>
          {page.total > page.list.items.length && <>: {page.list.items.length} on this page</>}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            {selection && (
              <th scope="col" className="govuk-table__header">
                <span className="govuk-visually-hidden">Select</span>
              </th>
            )}
            {[
              'Reference',
              'Complainant',
              'Summary',
              'Status',
              'Stage',
              'Team and handler',
              'Received',
              'Due',
              'Deadline',
            ].map((heading) => (
              <th
                scope="col"
                className={`govuk-table__header${heading === 'Stage' ? ' govuk-table__header--numeric' : ''}`}
                key={heading}
              >
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {page.list.items.map((row) => (
            <CaseRow
              key={row.reference}
              row={row}
              dueSoon={page.dueSoon}
              reference={reference}
              selection={selection}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

// Cursors only go forward, so the cursors of earlier pages travel in the history entry's state.
function Pagination({ nextCursor }: { nextCursor: string | null }) {
  const [search] = useSearchParams();
  const location = useLocation();
  const earlier = (location.state as { cursors?: string[] } | null)?.cursors ?? [];
  const current = search.get('cursor');
  const withCursor = (cursor: string | null | undefined) => {
    const next = new URLSearchParams(search);
    if (cursor) next.set('cursor', cursor);
    else next.delete('cursor');
    return `/cases?${next.toString()}`;
  };
  if (!current && !nextCursor) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of cases">
      {current && (
        <div className="govuk-pagination__prev">
          <Link
            className="govuk-link govuk-pagination__link"
            rel="prev"
            to={withCursor(earlier.at(-1))}
            state={{ cursors: earlier.slice(0, -1) }}
          >
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      )}
      {nextCursor && (
        <div className="govuk-pagination__next">
          <Link
            className="govuk-link govuk-pagination__link"
            rel="next"
            to={withCursor(nextCursor)}
            state={{ cursors: current ? [...earlier, current] : [...earlier, ''] }}
          >
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
          </Link>
        </div>
      )}
    </nav>
  );
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
    Object.fromEntries([...FILTER_KEYS, 'sort'].map((key) => [key, search.get(key) ?? ''])),
  );
  const set = (key: string) => (value: string) => setValues((old) => ({ ...old, [key]: value }));
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(`/cases${query(values)}`);
  };
  const select = (name: string, label: string, opts: Option[]) => (
    <Select
      name={name}
      label={label}
      value={values[name] ?? ''}
      onChange={set(name)}
      options={opts}
      placeholder="Any"
    />
  );
  return (
    <form noValidate onSubmit={apply} role="search" aria-label="Filter cases">
      <TextInput
        name="text"
        label="Search"
        hint="A name, email address, phone number, postcode, address, reference, or words from the summary or description"
        type="search"
        widthClass="govuk-!-width-two-thirds"
        value={values.text ?? ''}
        onChange={set('text')}
      />
      <div className="redress-filters">
        {select('status', 'Status', options(STATUS_LABELS))}
        {select(
          'stage',
          'Stage',
          ['1', '2', '3'].map((stage) => ({ value: stage, label: `Stage ${stage}` })),
        )}
        {select('regime', 'Regime', options(REGIME_LABELS))}
        {select('service_area', 'Service area', codedOptions(reference?.serviceAreas))}
        {select('category', 'Category', codedOptions(reference?.categories))}
        {select('team', 'Team', codedOptions(reference?.teams))}
        {select(
          'handler',
          'Handler',
          (reference?.users ?? []).map((user) => ({
            value: user.username,
            label: user.display_name,
          })),
        )}
        {select('channel', 'How it came in', options(CHANNEL_LABELS))}
        {select('unassigned', 'Handler assigned', [
          { value: 'true', label: 'Only cases with no handler' },
        ])}
        {select('overdue', 'Overdue', [{ value: 'true', label: 'Only overdue cases' }])}
        <TextInput
          name="due_within"
          label="Due within (working days)"
          hint="Open cases due from today up to this many working days ahead"
          inputMode="numeric"
          widthClass="govuk-input--width-3"
          value={values.due_within ?? ''}
          onChange={set('due_within')}
        />
        <TextInput
          name="received_from"
          label="Received on or after"
          hint="For example, 2026-04-01"
          widthClass="govuk-input--width-10"
          value={values.received_from ?? ''}
          onChange={set('received_from')}
        />
        <TextInput
          name="received_to"
          label="Received on or before"
          hint="For example, 2027-03-31"
          widthClass="govuk-input--width-10"
          value={values.received_to ?? ''}
          onChange={set('received_to')}
        />
        <Select
          name="sort"
          label="Sort by"
          value={values.sort || DEFAULT_SORT}
          onChange={set('sort')}
          options={SORT_OPTIONS}
        />
      </div>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Apply filters
        </button>
        <Link className="govuk-link" to="/cases">
          Clear filters
        </Link>
      </div>
    </form>
  );
}

// User Timing marks from the API's answer to the rows on screen, read by bench/web_list_render.mjs
// (and by any real-user monitoring): committed to the DOM, then the next frame painted.
export const LIST_MARKS = {
  answered: 'redress:list-answered',
  rendered: 'redress:list-rendered',
  painted: 'redress:list-painted',
};

function useRenderMarks(data: unknown): void {
  useLayoutEffect(() => {
    if (!data) return;
    performance.mark(LIST_MARKS.rendered);
    requestAnimationFrame(() => performance.mark(LIST_MARKS.painted));
  }, [data]);
}

export function CaseList() {
  usePageTitle('Cases');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const location = useLocation();
  // Opened from the navigation (state restoreFilters), the list goes to the last filters applied;
  // any list shown is remembered as the last, but for its page cursor. A bare /cases reached
  // otherwise (a bookmark, a report's figure) is every case, in the default order.
  const restoring = Boolean((location.state as RestoreState | null)?.restoreFilters);
  const remembered = restoring ? rememberedSearch() : null;
  useLayoutEffect(() => {
    if (remembered !== null) {
      navigate(`/cases${remembered}`, { replace: true });
      return;
    }
    const kept = new URLSearchParams(search);
    kept.delete('cursor');
    remember(kept.toString() ? `?${kept.toString()}` : '');
  }, [remembered, search, navigate]);
  const reference = useReference();
  const { user } = useSession();
  const key = search.toString();
  const viewSearch = new URLSearchParams(search);
  viewSearch.delete('cursor');
  const page = useLoad(
    () => (remembered !== null ? new Promise<Page>(() => undefined) : loadPage(search)),
    `${remembered !== null}${key}`,
  );
  useRenderMarks(page.data);
  // Bulk actions for whoever may reassign or acknowledge; the selection is the page's.
  const canReassign = allows(user, 'reassign');
  const canAcknowledge = allows(user, 'acknowledge');
  const [selected, setSelected] = useState<{ key: string; references: Set<string> }>({
    key,
    references: new Set(),
  });
  const references = selected.key === key ? selected.references : new Set<string>();
  const selection: Selection | null =
    canReassign || canAcknowledge
      ? {
          selected: references,
          toggle: (ref, on) => {
            const next = new Set(references);
            if (on) next.add(ref);
            else next.delete(ref);
            setSelected({ key, references: next });
          },
        }
      : null;
  return (
    <>
      <h1 className="govuk-heading-l">Cases</h1>
      <SavedViews search={viewSearch.toString()} me={user.username} reference={reference.data} />
      <h2 className="govuk-heading-m">Filters</h2>
      <Filters key={key} search={search} reference={reference.data} />
      <DownloadLinks
        list="complaints"
        what="these cases"
        filters={{
          ...Object.fromEntries(FILTER_KEYS.map((name) => [name, search.get(name) ?? undefined])),
          sort: search.get('sort') ?? undefined,
        }}
      />
      {page.error && <LoadFailed message={page.error} />}
      {!page.data && !page.error && <Loading />}
      {page.data && (
        <>
          <CaseTable page={page.data} reference={reference.data} selection={selection} />
          <Pagination nextCursor={page.data.list.next_cursor} />
          {selection && (
            <BulkActions
              rows={page.data.list.items.filter((row) => references.has(row.reference))}
              canReassign={canReassign}
              canAcknowledge={canAcknowledge}
              onDone={() => {
                setSelected({ key, references: new Set() });
                page.reload();
              }}
            />
          )}
        </>
      )}
    </>
  );
}
