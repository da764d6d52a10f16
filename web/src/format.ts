// How dates, money and the API's codes read on screen (GOV.UK style: "5 January 2026").
import type { Channel, Outcome, Regime, RemedyType, Role, Status } from './types';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const PENCE_PER_POUND = 100;

// "2026-11-22" → "22 November 2026"; empty or null → "".
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return iso;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

// "2026-11-22T10:04:05Z" → "22 November 2026 at 10:04".
export function formatDateTime(iso: string): string {
  const time = iso.slice(11, 16);
  return time ? `${formatDate(iso)} at ${time}` : formatDate(iso);
}

// Today in the browser's time zone, as the API's ISO date.
export function todayIso(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function formatPence(pence: number): string {
  return `£${(pence / PENCE_PER_POUND).toFixed(2)}`;
}

export const STATUS_LABELS: Record<Status, string> = {
  awaiting_acknowledgement: 'Awaiting acknowledgement',
  in_progress: 'In progress',
  responded: 'Responded',
  closed: 'Closed',
  not_accepted: 'Not accepted',
  withdrawn: 'Withdrawn',
};

export const REGIME_LABELS: Record<Regime, string> = {
  housing: 'Housing (Housing Ombudsman Code)',
  corporate: 'Corporate (LGSCO Code)',
  children: "Children's statutory",
  adults: 'Adult social care',
};

export const CHANNEL_LABELS: Record<Channel, string> = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  in_person: 'In person',
  web_form: 'Web form',
  social_media: 'Social media',
  online: 'Online (the public service)',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  upheld: 'Upheld',
  partly_upheld: 'Partly upheld',
  not_upheld: 'Not upheld',
};

export const REMEDY_LABELS: Record<RemedyType, string> = {
  apology: 'Apology',
  acknowledge_fault: 'Acknowledge fault',
  explanation: 'Explanation',
  action_on_delay: 'Action on delay',
  change_of_decision: 'Change of decision',
  amend_record: 'Amend a record',
  financial: 'Financial (compensation)',
  works: 'Works',
  change_of_policy: 'Change of policy',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  complaints_officer: 'Complaints officer',
  case_handler: 'Case handler',
  manager: 'Manager',
  viewer: 'Viewer',
};

export const REFUSAL_LABELS: Record<string, string> = {
  older_than_12_months: 'The issue arose more than 12 months ago',
  legal_proceedings: 'Legal proceedings have started',
  previously_considered: 'It has already been through the complaints process',
  other: 'Another reason allowed by the Code',
};

// Labels for options the API gives as codes; an unknown code reads as itself.
export function labelOf<K extends string>(labels: Record<K, string>, code: K): string {
  return labels[code] ?? code;
}
