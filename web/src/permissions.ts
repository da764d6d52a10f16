// Which actions each role may take, mirroring src/core/permissions.cpp so the app hides what a
// user cannot do. The server checks every request anyway; this only spares people dead ends.
import type { Role } from './types';

export type Permission =
  | 'log_complaint'
  | 'acknowledge'
  | 'respond'
  | 'extend'
  | 'escalate'
  | 'refuse'
  | 'withdraw'
  | 'close'
  | 'reopen'
  | 'reassign'
  | 'add_note'
  | 'manage'
  | 'view_reports'
  | 'manage_ombudsman'
  | 'manage_learning'
  | 'manage_self_assessment';

const HANDLER: Permission[] = ['log_complaint', 'acknowledge', 'respond', 'extend', 'add_note'];
const OFFICER: Permission[] = [
  ...HANDLER,
  'escalate',
  'refuse',
  'withdraw',
  'close',
  'reopen',
  'reassign',
];

// Oversight: the annual report and self-assessment to read; the Ombudsman's cases, learning
// actions and the self-assessment to keep.
const OVERSIGHT: Permission[] = [
  'view_reports',
  'manage_ombudsman',
  'manage_learning',
  'manage_self_assessment',
];

const GRANTS: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set([...OFFICER, ...OVERSIGHT, 'manage']),
  complaints_officer: new Set([...OFFICER, ...OVERSIGHT]),
  manager: new Set([...OFFICER, ...OVERSIGHT]),
  case_handler: new Set(HANDLER),
  viewer: new Set(['view_reports']),
};

export function allows(role: Role, permission: Permission): boolean {
  return GRANTS[role].has(permission);
}

// Managers and administrators oversee more than their own cases; officers route for everyone.
export function seesBeyondOwnCases(role: Role): boolean {
  return role === 'manager' || role === 'admin' || role === 'complaints_officer';
}
