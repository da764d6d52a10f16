// /admin/retention/runs/:id (issue 20): one disposal run — its summary, what it judged about each
// complaint and why each kept one is kept — with Approve (a second administrator: four eyes) and
// Cancel. The server's scheduled job carries out an approved run; this page shows the outcome.
import { useState } from 'react';
import { Link, useLocation, useParams, useSearchParams } from 'react-router-dom';
import { ApiError, get, request } from '../../../api';
import { ClientErrors, useForm } from '../../../components/Form';
import { ErrorSummary } from '../../../components/ErrorSummary';
import {
  BackLink,
  DateText,
  LoadFailed,
  Loading,
  SuccessBanner,
  SummaryList,
  TableHead,
  Tag,
  usePageTitle,
} from '../../../components/ui';
import { useLoad } from '../../../data';
import { formatDateTime } from '../../../format';
import { useSession } from '../../../session';
import type { DisposalItem, DisposalRun, KeptBecause } from '../../../types';
import {
  KEPT_REASON_LABELS,
  RECORD_LABELS,
  RECORD_PAGES,
  RUN_STATE_COLOURS,
  RUN_STATE_LABELS,
} from './wording';

// Thousands of complaints may be judged: the table shows them a page at a time.
const PAGE_SIZE = 50;
const ONLY_DISPOSE = 'dispose';

function whoWhen(who: string | null, when: string | null, otherwise: string) {
  return who ? `${who}, ${when ? formatDateTime(when) : ''}` : otherwise;
}

function Reasons({ reasons, id }: { reasons: KeptBecause[]; id?: string }) {
  if (reasons.length === 0) return null;
  return (
    <ul className="govuk-list govuk-body-s" id={id}>
      {reasons.map((kept, index) => (
        <li key={index}>
          <strong>{KEPT_REASON_LABELS[kept.reason]}:</strong> {kept.detail}
        </li>
      ))}
    </ul>
  );
}

function Pagination({ page, pages }: { page: number; pages: number }) {
  const [search] = useSearchParams();
  if (pages <= 1) return null;
  const to = (n: number) => {
    const next = new URLSearchParams(search);
    if (n > 1) next.set('page', String(n));
    else next.delete('page');
    return `?${next.toString()}`;
  };
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label="Pages of records">
      {page > 1 && (
        <div className="govuk-pagination__prev">
          <Link className="govuk-link govuk-pagination__link" rel="prev" to={to(page - 1)}>
            <span className="govuk-pagination__link-title">
              Previous<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              Page {page - 1} of {pages}
            </span>
          </Link>
        </div>
      )}
      {page < pages && (
        <div className="govuk-pagination__next">
          <Link className="govuk-link govuk-pagination__link" rel="next" to={to(page + 1)}>
            <span className="govuk-pagination__link-title">
              Next<span className="govuk-visually-hidden"> page</span>
            </span>
            <span className="govuk-visually-hidden">:</span>
            <span className="govuk-pagination__link-label">
              Page {page + 1} of {pages}
            </span>
          </Link>
        </div>
      )}
    </nav>
  );
}

function ItemFilter({
  only,
  total,
  toDispose,
}: {
  only: boolean;
  total: number;
  toDispose: number;
}) {
  const [search, setSearch] = useSearchParams();
  const [checked, setChecked] = useState(only);
  const apply = () => {
    const next = new URLSearchParams(search);
    if (checked) next.set('only', ONLY_DISPOSE);
    else next.delete('only');
    next.delete('page');
    setSearch(next);
  };
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <div className="govuk-form-group">
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <div className="govuk-checkboxes__item">
            <input
              className="govuk-checkboxes__input"
              id="only-dispose"
              name="only"
              type="checkbox"
              value={ONLY_DISPOSE}
              checked={checked}
              onChange={(event) => setChecked(event.target.checked)}
            />
            <label className="govuk-label govuk-checkboxes__label" htmlFor="only-dispose">
              Only those to dispose of ({toDispose} of {total})
            </label>
          </div>
        </div>
      </div>
      <button
        type="submit"
        className="govuk-button govuk-button--secondary"
        data-module="govuk-button"
      >
        Apply filter
      </button>
    </form>
  );
}

function Items({ run }: { run: DisposalRun }) {
  const [search] = useSearchParams();
  const only = search.get('only') === ONLY_DISPOSE;
  const shown: DisposalItem[] = only
    ? run.items.filter((item) => item.verdict === 'dispose')
    : run.items;
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const page = Math.min(pages, Math.max(1, Number(search.get('page')) || 1));
  const onPage = shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  // What happened at the run itself is shown once it has been carried out.
  const ran = run.state === 'completed';
  const toDispose = run.items.filter((item) => item.verdict === 'dispose').length;
  return (
    <>
      <h2 className="govuk-heading-m">The records it judged</h2>
      {run.hidden_items > 0 && (
        <p className="govuk-body" id="disposal-hidden-items">
          {run.hidden_items} restricted {run.hidden_items === 1 ? 'complaint is' : 'complaints are'}{' '}
          not listed because you may not see {run.hidden_items === 1 ? 'it' : 'them'}. The run
          judges and disposes of {run.hidden_items === 1 ? 'it' : 'them'} like the others.
        </p>
      )}
      <ItemFilter key={String(only)} only={only} total={run.items.length} toDispose={toDispose} />
      {shown.length === 0 ? (
        <p className="govuk-body" id="no-disposal-items">
          No records to show.
        </p>
      ) : (
        <>
          <p className="govuk-body" id="disposal-items-count">
            Showing {(page - 1) * PAGE_SIZE + 1} to {(page - 1) * PAGE_SIZE + onPage.length} of{' '}
            {shown.length} records.
          </p>
          <table className="govuk-table" id="disposal-items">
            <caption className="govuk-visually-hidden">The records the run judged</caption>
            <TableHead
              headings={[
                'Record',
                'Verdict',
                'Disposable from',
                'Why it is kept',
                ...(ran ? ['Disposed of', 'Kept at the run because'] : []),
              ]}
            />
            <tbody className="govuk-table__body">
              {onPage.map((item) => (
                <tr className="govuk-table__row" key={item.reference}>
                  <td className="govuk-table__cell">
                    <Link className="govuk-link" to={RECORD_PAGES[item.record](item.reference)}>
                      {item.reference}
                    </Link>
                    {item.record !== 'complaint' && (
                      <span className="govuk-body-s govuk-!-display-block">
                        {RECORD_LABELS[item.record]}
                      </span>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {item.verdict === 'dispose' ? (
                      <Tag colour="red">Dispose of</Tag>
                    ) : (
                      <Tag colour="green">Keep</Tag>
                    )}
                  </td>
                  <td className="govuk-table__cell">
                    {item.disposable_from ? <DateText iso={item.disposable_from} /> : 'Not known'}
                  </td>
                  <td className="govuk-table__cell">
                    <Reasons reasons={item.kept_because} />
                  </td>
                  {ran && (
                    <>
                      <td className="govuk-table__cell">
                        {item.disposed_at ? formatDateTime(item.disposed_at) : 'No'}
                      </td>
                      <td className="govuk-table__cell">
                        <Reasons reasons={item.kept_at_run} />
                      </td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
          <Pagination page={page} pages={pages} />
        </>
      )}
    </>
  );
}

function RunView({ run, onChanged }: { run: DisposalRun; onChanged: (done: string) => void }) {
  const { user } = useSession();
  const form = useForm();
  const mayApprove = run.state === 'dry_run' && run.created_by !== user.username;
  const mayCancel = run.state === 'dry_run' || run.state === 'approved';
  const act = (action: 'approve' | 'cancel', done: string) =>
    form.submit(async () => {
      try {
        // At the version shown: a run changed since (approved or cancelled by someone else) is
        // refused with 412, not acted on unseen.
        await request<DisposalRun>('POST', `/disposal-runs/${run.id}/${action}`, {
          ifMatch: `"${run.version}"`,
        });
      } catch (error) {
        // Four eyes: the API names approved_by when whoever made the run tries to approve it.
        if (
          error instanceof ApiError &&
          error.problem.errors?.some((e) => e.field === 'approved_by')
        )
          throw new ClientErrors([
            {
              field: '',
              message: 'You made this dry run, so another administrator must approve it',
            },
          ]);
        throw error;
      }
      onChanged(done);
    });
  return (
    <>
      <ErrorSummary errors={form.errors} />
      <SummaryList
        id="disposal-run"
        rows={[
          {
            key: 'State',
            value: <Tag colour={RUN_STATE_COLOURS[run.state]}>{RUN_STATE_LABELS[run.state]}</Tag>,
            id: 'disposal-run-state',
          },
          { key: 'As at', value: <DateText iso={run.as_of} /> },
          { key: 'Made by', value: whoWhen(run.created_by, run.created_at, '') },
          {
            key: 'Approved by',
            value: whoWhen(run.approved_by, run.approved_at, 'Not approved'),
            id: 'disposal-run-approved-by',
          },
          {
            key: run.state === 'cancelled' ? 'Cancelled by' : 'Carried out',
            value: whoWhen(run.finished_by, run.finished_at, 'Not yet'),
          },
          { key: 'To dispose of', value: run.to_dispose, id: 'disposal-run-to-dispose' },
          { key: 'Kept', value: run.kept },
          { key: 'Disposed of', value: run.disposed, id: 'disposal-run-disposed' },
        ]}
      />
      {(run.state === 'dry_run' || run.state === 'approved') && (
        <div className="govuk-inset-text">
          Once another administrator approves it, the server’s scheduled job carries out the run
          within a minute: it judges each complaint listed for disposal again that day, so a hold
          placed since keeps its complaint. Refresh this page to see the result.
        </div>
      )}
      {run.state === 'dry_run' && !mayApprove && (
        <p className="govuk-body" id="own-run">
          You made this dry run, so another administrator must approve it.
        </p>
      )}
      {(mayApprove || mayCancel) && (
        <div className="govuk-button-group">
          {mayApprove && (
            <button
              type="button"
              className="govuk-button"
              data-module="govuk-button"
              aria-disabled={form.busy || undefined}
              onClick={() => !form.busy && void act('approve', 'Run approved')}
            >
              Approve
            </button>
          )}
          {mayCancel && (
            <button
              type="button"
              className="govuk-button govuk-button--warning"
              data-module="govuk-button"
              aria-disabled={form.busy || undefined}
              onClick={() => !form.busy && void act('cancel', 'Run cancelled')}
            >
              Cancel<span className="govuk-visually-hidden"> the run</span>
            </button>
          )}
        </div>
      )}
      <Items run={run} />
    </>
  );
}

export function DisposalRunPage() {
  const { id = '' } = useParams();
  usePageTitle(`Disposal run ${id}`);
  const location = useLocation();
  const started = (location.state as { started?: boolean } | null)?.started === true;
  const run = useLoad(() => get<DisposalRun>(`/disposal-runs/${id}`), id);
  const [done, setDone] = useState<string>();
  return (
    <>
      <BackLink to="/admin/retention">Retention and disposal</BackLink>
      <span className="govuk-caption-l">Disposal run</span>
      <h1 className="govuk-heading-l">Run {id}</h1>
      {done && (
        <SuccessBanner title={done}>
          <p className="govuk-body">The run’s record and the audit trail say who and when.</p>
        </SuccessBanner>
      )}
      {started && !done && (
        <SuccessBanner title="Dry run made">
          <p className="govuk-body">Nothing has been disposed of. Check the list below.</p>
        </SuccessBanner>
      )}
      {run.error && <LoadFailed message={run.error} />}
      {!run.data && !run.error && <Loading />}
      {run.data && (
        <RunView
          run={run.data}
          onChanged={(message) => {
            setDone(message);
            run.reload();
          }}
        />
      )}
    </>
  );
}
