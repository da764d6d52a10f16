import { describe, expect, test } from 'vitest';
import {
  caseListPath,
  currentFinancialYear,
  financialYearLabel,
  findScope,
  latestCompleteYear,
  parseYear,
  reportPath,
  scopeParam,
  yearOptions,
} from './tracing';
import type { ScopeKind } from './types';

describe('caseListPath', () => {
  test.each<[string | null, string | null]>([
    [
      '/api/v1/complaints?received_from=2021-04-01&received_to=2022-03-31&regime=housing',
      '/cases?received_from=2021-04-01&received_to=2022-03-31&regime=housing',
    ],
    [
      '/api/v1/complaints?received_from=2021-05-01&received_to=2021-05-31&category=asb-noise',
      '/cases?received_from=2021-05-01&received_to=2021-05-31&category=asb-noise',
    ],
    ['/api/v1/complaints?service_area=housing&limit=5', '/cases?service_area=housing'],
    ['/api/v1/complaints', '/cases'],
    ['/api/v1/learning?year=2021', null],
    [null, null],
  ])('%s → %s', (api, expected) => {
    expect(caseListPath(api)).toBe(expected);
  });
});

describe('financial years', () => {
  test.each([
    ['2022-06-30', 2022, 2021],
    ['2022-03-31', 2021, 2020],
    ['2022-04-01', 2022, 2021],
    ['2026-11-22', 2026, 2025],
    ['2027-01-05', 2026, 2025],
  ])('on %s the current year is %d and the latest complete %d', (today, current, complete) => {
    expect(currentFinancialYear(today)).toBe(current);
    expect(latestCompleteYear(today)).toBe(complete);
  });

  test.each([
    [2021, '2021/22'],
    [1999, '1999/00'],
    [2009, '2009/10'],
  ])('%d is labelled %s', (year, label) => {
    expect(financialYearLabel(year)).toBe(label);
  });

  test.each<[string | null, number | null]>([
    ['2021', 2021],
    ['21', null],
    ['2021x', null],
    ['1066', null],
    [null, null],
    ['', null],
  ])('parseYear(%s) is %s', (text, year) => {
    expect(parseYear(text)).toBe(year);
  });

  test('the chooser offers the year so far, ten complete years and the chosen one', () => {
    const options = yearOptions('2022-06-30', 2005);
    expect(options[0]).toEqual({ year: 2022, label: '2022/23 (so far)' });
    expect(options[1]).toEqual({ year: 2021, label: '2021/22' });
    expect(options.map((o) => o.year)).toContain(2012);
    expect(options.map((o) => o.year)).not.toContain(2011);
    expect(options.at(-1)).toEqual({ year: 2005, label: '2005/06' });
  });
});

describe('scopes', () => {
  const scopes: { kind: ScopeKind; code: string }[] = [
    { kind: 'organisation', code: 'all' },
    { kind: 'regime', code: 'housing' },
    { kind: 'service_area', code: 'housing' },
  ];
  test.each<[string | null, { kind: ScopeKind; code: string }]>([
    [null, scopes[0]!],
    ['all', scopes[0]!],
    ['regime:housing', scopes[1]!],
    ['service_area:housing', scopes[2]!],
    ['regime:nowhere', scopes[0]!],
    ['nonsense', scopes[0]!],
  ])('%s names %o', (param, expected) => {
    expect(findScope(scopes, param)).toBe(expected);
  });

  test.each([
    [scopes[0]!, 'all'],
    [scopes[1]!, 'regime:housing'],
  ])('%o is written %s', (scope, param) => {
    expect(scopeParam(scope)).toBe(param);
  });

  test.each<[number, string | null, string]>([
    [2021, null, '/reports/2021'],
    [2021, 'all', '/reports/2021'],
    [2021, 'regime:housing', '/reports/2021?scope=regime%3Ahousing'],
  ])('reportPath(%d, %s) is %s', (year, scope, path) => {
    expect(reportPath(year, scope)).toBe(path);
  });
});
