import { describe, expect, test } from 'vitest';
import { allows } from './permissions';

// The rows of src/core/permissions.cpp the app relies on to hide actions.
describe('permissions', () => {
  test('handlers handle, officers and managers also route, viewers only read', () => {
    expect(allows('case_handler', 'respond')).toBe(true);
    expect(allows('case_handler', 'escalate')).toBe(false);
    expect(allows('case_handler', 'reassign')).toBe(false);
    expect(allows('complaints_officer', 'escalate')).toBe(true);
    expect(allows('manager', 'reopen')).toBe(true);
    expect(allows('manager', 'manage')).toBe(false);
    expect(allows('viewer', 'add_note')).toBe(false);
    expect(allows('admin', 'manage')).toBe(true);
  });
});
