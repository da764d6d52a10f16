import { describe, expect, test } from 'vitest';
import { ApiError } from '../../api';
import { Checks, optionalText, withDate } from './checks';

function errorsOf(action: () => unknown) {
  try {
    action();
  } catch (error) {
    if (error instanceof ApiError) return error.fieldErrors().map((e) => e.field);
    throw error;
  }
  return [];
}

describe('checks', () => {
  test('pounds as typed become whole pence', () => {
    const checks = new Checks();
    expect(checks.pence('amount', '£1,250.50')).toBe(125050);
    expect(checks.pence('amount', '75')).toBe(7500);
    expect(checks.pence('amount', '')).toBeUndefined();
    expect(() => checks.done()).not.toThrow();
  });

  test('every problem is collected before any is shown', () => {
    expect(
      errorsOf(() => {
        const checks = new Checks();
        checks.pence('remedies[0].amount_pence', '12.345');
        checks.date('on', { day: '31', month: '4', year: '2026' });
        checks.optionalDate('actions[0].due_on', { day: '', month: '', year: '' });
        checks.done();
      }),
    ).toEqual(['remedies[0].amount_pence', 'on']);
  });

  test('a dated body names its date field and leaves out blank optional members', () => {
    expect(
      withDate('on', { day: '2', month: '1', year: '2026' }, optionalText('reason', '  ')),
    ).toEqual({ on: '2026-01-02' });
    expect(optionalText('reason', ' moved away ')).toEqual({ reason: 'moved away' });
    expect(
      errorsOf(() => withDate('requested_on', { day: 'x', month: '1', year: '2026' })),
    ).toEqual(['requested_on']);
  });
});
