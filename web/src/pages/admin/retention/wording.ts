// How the retention and disposal pages word the API's names (issue 20), and the one helper they
// share to show the API's field errors against fields named differently on the page.
import { ApiError } from '../../../api';
import type { DisposalItem, DisposalRunState, HoldKind, KeptBecause } from '../../../types';

export const RUN_STATE_LABELS: Record<DisposalRunState, string> = {
  dry_run: 'Dry run',
  approved: 'Approved',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export const RUN_STATE_COLOURS: Record<DisposalRunState, string> = {
  dry_run: 'blue',
  approved: 'yellow',
  completed: 'green',
  cancelled: 'grey',
};

export const KEPT_REASON_LABELS: Record<KeptBecause['reason'], string> = {
  open: 'Still open',
  within_retention: 'Within its retention period',
  ombudsman_case: 'Ombudsman case',
  legal_proceedings: 'Legal proceedings',
  later_complaint: 'A later complaint',
  unfinished_remedy: 'Unfinished remedy',
  manual_hold: 'Manual hold',
};

// Where each kind of record a run judges is shown, and its name beside a reference.
export const RECORD_PAGES: Record<DisposalItem['record'], (reference: string) => string> = {
  complaint: (reference) => `/cases/${reference}`,
  service_request: (reference) => `/service-requests/${reference}`,
  subject_access_request: (reference) => `/subject-access/${reference}`,
};
export const RECORD_LABELS: Record<DisposalItem['record'], string> = {
  complaint: 'Complaint',
  service_request: 'Service request',
  subject_access_request: 'Subject access request',
};

export const HOLD_KIND_LABELS: Record<HoldKind, string> = {
  legal_proceedings: 'Legal proceedings',
  manual: 'Manual hold',
};

// Runs `send`; a refusal's field errors are moved onto the page's own field names (`names`, by
// the API's name), so that two forms on one page (each with a `reason`) keep their ids apart and
// the error summary links to the right box.
export async function withFieldNames(
  names: Readonly<Record<string, string>>,
  send: () => Promise<unknown>,
): Promise<void> {
  try {
    await send();
  } catch (error) {
    if (!(error instanceof ApiError) || !error.problem.errors?.length) throw error;
    throw new ApiError(error.status, {
      ...error.problem,
      errors: error.problem.errors.map((e) => ({ ...e, field: names[e.field] ?? e.field })),
    });
  }
}
