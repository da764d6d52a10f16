// What the people pages share: the API's shapes, the words for record types, roles, keys and
// states, and where a record's own page is.
import type { components } from '../../api-types';

export type PersonRecord = components['schemas']['PersonRecord'];
export type PersonView = components['schemas']['PersonView'];
export type PersonMatch = components['schemas']['PersonMatch'];

export const ROLE_LABELS: Record<PersonRecord['role'], string> = {
  complainant: 'Complainant',
  representative: 'Representative',
  requester: 'Requester',
};

export const KEY_LABELS: Record<PersonMatch['keys'][number], string> = {
  email: 'email address',
  phone: 'phone number',
  name_postcode: 'name and postcode',
  address: 'address',
};

export const STATE_LABELS: Record<PersonMatch['state'], string> = {
  proposed: 'Proposed',
  confirmed: 'Confirmed',
  rejected: 'Not the same person',
};

export const STATE_COLOURS: Record<PersonMatch['state'], string> = {
  proposed: 'blue',
  confirmed: 'green',
  rejected: 'grey',
};

export function recordPath(record: Pick<PersonRecord, 'record_type' | 'reference'>): string {
  const reference = encodeURIComponent(record.reference);
  return record.record_type === 'complaint'
    ? `/cases/${reference}`
    : `/service-requests/${reference}`;
}

export function personPath(id: string): string {
  return `/people/${encodeURIComponent(id)}`;
}
