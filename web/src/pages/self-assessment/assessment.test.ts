import { describe, expect, test } from 'vitest';
import {
  countCompliance,
  financialYearLabel,
  financialYearOf,
  groupBySection,
  parseYear,
  provisionBody,
  recentFinancialYears,
  sectionSummary,
  type Provision,
} from './assessment';

function provision(
  number: string,
  section: string,
  compliance: Provision['compliance'] = null,
): Provision {
  return {
    provision: number,
    section,
    requirement: `Requirement ${number}`,
    compliance,
    evidence: '',
    commentary: '',
    action: '',
    action_due_on: null,
  };
}

test.each([
  ['2022-06-30', 2022],
  ['2022-04-01', 2022],
  ['2022-03-31', 2021],
  ['2023-01-15', 2022],
])('financialYearOf(%s) is %i', (iso, year) => {
  expect(financialYearOf(iso)).toBe(year);
});

test.each([
  [2022, '2022/23'],
  [2009, '2009/10'],
  [2099, '2099/00'],
])('financialYearLabel(%i) is %s', (year, label) => {
  expect(financialYearLabel(year)).toBe(label);
});

test.each([
  ['2022', 2022],
  ['2001', 2001],
  ['2099', 2099],
  ['2000', null],
  ['2100', null],
  ['22', null],
  ['2022x', null],
  [undefined, null],
])('parseYear(%s) is %s', (text, year) => {
  expect(parseYear(text)).toBe(year);
});

describe('recentFinancialYears', () => {
  test('offers next year, this year and five back, newest first', () => {
    expect(recentFinancialYears(2022)).toEqual([2023, 2022, 2021, 2020, 2019, 2018, 2017]);
  });
  test('adds the year being shown when it is older', () => {
    expect(recentFinancialYears(2022, 2010)).toEqual([
      2023, 2022, 2021, 2020, 2019, 2018, 2017, 2010,
    ]);
    expect(recentFinancialYears(2022, 2020)).toHaveLength(7);
  });
  test("stays within the API's years", () => {
    expect(recentFinancialYears(2099)).toEqual([2099, 2098, 2097, 2096, 2095, 2094]);
    expect(recentFinancialYears(2002)).toEqual([2003, 2002, 2001]);
  });
});

test("groupBySection keeps the sections' order and each provision's order, and an unknown section last", () => {
  const sections = [
    { section: '1', title: 'One' },
    { section: '2', title: 'Two' },
    { section: '3', title: 'Three' },
  ];
  const provisions = [
    provision('2.1', '2'),
    provision('1.2', '1'),
    provision('2.2', '2'),
    provision('X', '10'),
  ];
  expect(
    groupBySection(sections, provisions).map((g) => [
      g.section,
      g.title,
      g.provisions.map((p) => p.provision),
    ]),
  ).toEqual([
    ['1', 'One', ['1.2']],
    ['2', 'Two', ['2.1', '2.2']],
    ['3', 'Three', []],
    ['10', 'Section 10', ['X']],
  ]);
});

test.each([
  [[], { provisions: 0, complies: 0, partly: 0, does_not_comply: 0, not_assessed: 0 }],
  [
    [
      provision('1', '1', 'complies'),
      provision('2', '1', 'complies'),
      provision('3', '1', 'partly'),
      provision('4', '1', 'does_not_comply'),
      provision('5', '1'),
    ],
    { provisions: 5, complies: 2, partly: 1, does_not_comply: 1, not_assessed: 1 },
  ],
])('countCompliance counts each provision once', (provisions, counts) => {
  expect(countCompliance(provisions)).toEqual(counts);
});

test.each([
  [[provision('1', '1', 'complies')], '1 of 1 complies'],
  [[provision('1', '1', 'complies'), provision('2', '1', 'complies')], '2 of 2 comply'],
  [[provision('1', '1'), provision('2', '1')], '0 of 2 comply, 2 not yet assessed'],
  [
    [
      provision('1', '1', 'complies'),
      provision('2', '1', 'partly'),
      provision('3', '1', 'does_not_comply'),
      provision('4', '1'),
    ],
    '1 of 4 complies, 1 partly, 1 not, 1 not yet assessed',
  ],
])('sectionSummary of %#', (provisions, summary) => {
  expect(sectionSummary(provisions)).toBe(summary);
});

test('provisionBody trims the text and leaves out what is not set', () => {
  const draft = {
    section: '6',
    requirement: ' R ',
    compliance: '' as const,
    evidence: ' E ',
    commentary: '',
    action: '',
    actionDueOn: null,
  };
  expect(provisionBody(draft)).toEqual({
    section: '6',
    requirement: 'R',
    evidence: 'E',
    commentary: '',
    action: '',
  });
  expect(
    provisionBody({ ...draft, compliance: 'partly', action: 'Tracker', actionDueOn: '2023-03-31' }),
  ).toEqual({
    section: '6',
    requirement: 'R',
    compliance: 'partly',
    evidence: 'E',
    commentary: '',
    action: 'Tracker',
    action_due_on: '2023-03-31',
  });
});
