import { describe, expect, test } from 'vitest';
import {
  describeChange,
  formatValue,
  listInWords,
  monthLabel,
  withoutNullRemarks,
} from './figures';
import type { Unit } from './types';

describe('formatValue', () => {
  test.each<[number | null, Unit, string]>([
    [1233, 'count', '1,233'],
    [0, 'count', '0'],
    [86.54, 'percent', '86.5%'],
    [100, 'percent', '100.0%'],
    [13.64, 'working_days', '13.6'],
    [91200, 'pounds', '£91,200.00'],
    [-12.5, 'pounds', '−£12.50'],
    [76.4, 'per_1000_homes', '76.40'],
    [null, 'count', 'Not available'],
  ])('%s %s reads %s', (value, unit, expected) => {
    expect(formatValue(value, unit)).toBe(expected);
  });
});

describe('describeChange', () => {
  const figure = (
    unit: Unit,
    current: number | null,
    previous: number | null,
    change: number | null,
    changePercent: number | null,
  ) => ({ unit, current, previous, change, change_percent: changePercent });
  test.each([
    [figure('count', 100, 187, -87, -46.52), 'down 87 (46.5%)'],
    [figure('count', 402, 0, 402, null), 'up 402'],
    [figure('count', 5, 5, 0, 0), 'no change'],
    [figure('count', 1500, 1000, 500, 50), 'up 500 (50.0%)'],
    [figure('percent', 83.2, 80, 3.2, 4), 'up 3.2 percentage points'],
    [figure('percent', 79, 80, -1, -1.25), 'down 1.0 percentage point'],
    [figure('working_days', 12, 13.5, -1.5, -11.11), 'down 1.5 working days (11.1%)'],
    [figure('pounds', 91200, 1000, 90200, 9020), 'up £90,200.00 (9,020.0%)'],
    [figure('per_1000_homes', 76.4, 70, 6.4, 9.14), 'up 6.40 per 1,000 homes (9.1%)'],
    [figure('percent', 90, null, null, null), 'no figure last year to compare'],
    [figure('percent', null, 80, null, null), 'no figure this year'],
  ])('%o reads %s', (input, expected) => {
    expect(describeChange(input)).toBe(expected);
  });
});

describe('months and lists', () => {
  test.each<[string, boolean, string]>([
    ['2021-04', false, 'April 2021'],
    ['2022-03', true, 'Mar'],
    ['2021-12', false, 'December 2021'],
  ])('%s (short %s) reads %s', (month, short, expected) => {
    expect(monthLabel(month, short)).toBe(expected);
  });

  test.each<[string[], string]>([
    [[], ''],
    [['April'], 'April'],
    [['April', 'May'], 'April and May'],
    [['April', 'May', 'June'], 'April, May and June'],
  ])('%o reads %s', (items, expected) => {
    expect(listInWords(items)).toBe(expected);
  });
});

describe('withoutNullRemarks', () => {
  test.each([
    [
      'From the cases recorded. Null when the database was not asked for them.',
      'From the cases recorded.',
    ],
    [
      "The Code self-assessment, with the response; null when the year's self-assessment was not started.",
      'The Code self-assessment, with the response.',
    ],
    ['Nothing to remove.', 'Nothing to remove.'],
  ])('%s', (text, expected) => {
    expect(withoutNullRemarks(text)).toBe(expected);
  });
});
