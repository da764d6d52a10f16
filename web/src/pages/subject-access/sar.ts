// What the subject access pages share: the words for each status and step, and the request's load.
import { get } from '../../api';
import type { components } from '../../api-types';

export type SubjectAccessRequest = components['schemas']['SubjectAccessRequest'];
export type SarStatus = SubjectAccessRequest['status'];
export type SarStep = 'extend' | 'complete' | 'withdraw';

export const STATUS_LABELS: Record<SarStatus, string> = {
  received: 'Received',
  extended: 'Extended',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const STATUS_COLOURS: Record<SarStatus, string> = {
  received: 'blue',
  extended: 'yellow',
  completed: 'green',
  withdrawn: 'grey',
};

export const STEP_LABELS: Record<SarStep, string> = {
  extend: 'Extend the time to answer',
  complete: 'Record the answer sent',
  withdraw: 'Record the request withdrawn',
};

export function parseStep(text: string | undefined): SarStep | null {
  return text === 'extend' || text === 'complete' || text === 'withdraw' ? text : null;
}

// The steps a request allows now: the server's rule (core/subject_access_request.hpp) seen from
// its status, for which links to offer; the server refuses any other (409).
export function stepsOf(request: SubjectAccessRequest): SarStep[] {
  if (request.status === 'received') return ['extend', 'complete', 'withdraw'];
  if (request.status === 'extended') return ['complete', 'withdraw'];
  return [];
}

export function loadRequest(reference: string): Promise<SubjectAccessRequest> {
  return get<SubjectAccessRequest>(`/subject-access-requests/${encodeURIComponent(reference)}`);
}
