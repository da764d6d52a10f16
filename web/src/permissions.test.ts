import { describe, expect, test } from 'vitest';
import { allows, seesBeyondOwnCases } from './permissions';

// The app asks the permissions the server sent; it holds no role table of its own.
describe('permissions', () => {
  test('a user may do what the server listed, and nothing else', () => {
    const handler = { permissions: ['view_cases', 'respond'] as const };
    expect(allows({ permissions: [...handler.permissions] }, 'respond')).toBe(true);
    expect(allows({ permissions: [...handler.permissions] }, 'escalate')).toBe(false);
    expect(allows({ permissions: [] }, 'view_cases')).toBe(false);
  });

  test('whoever may reassign sees beyond their own cases', () => {
    expect(seesBeyondOwnCases({ permissions: ['view_cases', 'reassign'] })).toBe(true);
    expect(seesBeyondOwnCases({ permissions: ['view_cases', 'respond'] })).toBe(false);
  });
});
