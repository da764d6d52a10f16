import { describe, expect, test } from 'vitest';
import { formatDate, formatDateTime, formatPence } from './format';

describe('format', () => {
  test('dates read the GOV.UK way', () => {
    expect(formatDate('2024-12-31')).toBe('31 December 2024');
    expect(formatDate('2026-01-05')).toBe('5 January 2026');
    expect(formatDate(null)).toBe('');
    expect(formatDateTime('2026-11-22T10:04:05Z')).toBe('22 November 2026 at 10:04');
  });

  test('money is pounds and pence', () => {
    expect(formatPence(7500)).toBe('£75.00');
    expect(formatPence(5)).toBe('£0.05');
  });
});
