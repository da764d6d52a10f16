// What changed on a case between the version a form was based on and the current one: shown
// when the API refuses a stale edit (412), so the user can decide whether to try again.
import { formatDate, STATUS_LABELS } from '../../format';
import type { Complaint, Event } from '../../types';

export interface Difference {
  what: string;
  before: string;
  after: string;
}

const COMPARED: { what: string; read: (c: Complaint) => string }[] = [
  { what: 'Status', read: (c) => STATUS_LABELS[c.status] },
  { what: 'Stage', read: (c) => String(c.stage) },
  { what: 'Team', read: (c) => c.stages.at(-1)?.team ?? '' },
  { what: 'Handler', read: (c) => c.stages.at(-1)?.handler ?? 'Not assigned' },
  { what: 'Acknowledge by', read: (c) => formatDate(c.acknowledge_by) },
  { what: 'Acknowledged on', read: (c) => formatDate(c.stages.at(-1)?.acknowledged_on) },
  { what: 'Respond by', read: (c) => formatDate(c.respond_by) },
];

export function differences(before: Complaint, after: Complaint): Difference[] {
  return COMPARED.map(({ what, read }) => ({
    what,
    before: read(before),
    after: read(after),
  })).filter((difference) => difference.before !== difference.after);
}

// The events recorded since `before` was read.
export function newEvents(before: Complaint, after: Complaint): Event[] {
  const seen = Math.max(0, ...(before.timeline ?? []).map((event) => event.sequence));
  return (after.timeline ?? []).filter((event) => event.sequence > seen);
}
