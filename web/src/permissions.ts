// What the signed-in user may do, as the server says (GET /api/v1/session carries the permissions
// of their role; each complaint its allowed_actions). The app keeps no copy of the role table: it
// only hides what the server would refuse, and the server checks every request anyway.
import type { CurrentUser, Permission } from './types';

export type { Permission } from './types';

export function allows(user: Pick<CurrentUser, 'permissions'>, permission: Permission): boolean {
  return user.permissions.includes(permission);
}

// Those who route cases for everyone (officers, managers, administrators: whoever may reassign)
// oversee more than their own cases.
export function seesBeyondOwnCases(user: Pick<CurrentUser, 'permissions'>): boolean {
  return allows(user, 'reassign');
}
