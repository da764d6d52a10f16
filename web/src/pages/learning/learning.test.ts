import { describe, expect, test } from 'vitest';
import {
  actionDifferences,
  daysBetween,
  dueWording,
  groupActions,
  groupOf,
  parseReferences,
  sourceFields,
  sourceFromQuery,
  updateBody,
  type LearningAction,
} from './learning';

const base: LearningAction = {
  reference: 'LRN-2022-000001',
  version: 1,
  source: 'complaints',
  complaints: ['CMP-2021-000001'],
  ombudsman_case: null,
  category: null,
  root_cause: null,
  lesson: 'Damp reports were closed without inspection',
  action: 'Inspect every damp report',
  owner: 'david.clarke',
  raised_on: '2022-05-01',
  due_on: '2022-07-31',
  status: 'open',
  evidence: '',
  completed_on: null,
  overdue: false,
};

function action(changes: Partial<LearningAction>): LearningAction {
  return { ...base, ...changes };
}

describe('groupOf', () => {
  test.each([
    [{ status: 'open' as const }, 'open'],
    [{ status: 'in_progress' as const }, 'open'],
    [{ status: 'open' as const, overdue: true }, 'overdue'],
    [{ status: 'in_progress' as const, overdue: true }, 'overdue'],
    [{ status: 'completed' as const }, 'completed'],
    [{ status: 'cancelled' as const }, 'cancelled'],
  ])('%o is in group %s', (changes, group) => {
    expect(groupOf(action(changes))).toBe(group);
  });
});

test('groupActions orders overdue, open, completed, cancelled and leaves out empty groups', () => {
  const actions = [
    action({ reference: 'A', status: 'completed' }),
    action({ reference: 'B' }),
    action({ reference: 'C', overdue: true }),
    action({ reference: 'D', status: 'in_progress' }),
  ];
  expect(groupActions(actions).map((g) => [g.group, g.actions.map((a) => a.reference)])).toEqual([
    ['overdue', ['C']],
    ['open', ['B', 'D']],
    ['completed', ['A']],
  ]);
  expect(groupActions([])).toEqual([]);
});

test.each([
  ['2022-06-30', '2022-06-30', 0],
  ['2022-06-30', '2022-07-01', 1],
  ['2022-07-01', '2022-06-30', -1],
  ['2022-03-26', '2022-03-28', 2],
  ['2021-12-31', '2022-01-01', 1],
])('daysBetween(%s, %s) is %i', (from, to, days) => {
  expect(daysBetween(from, to)).toBe(days);
});

describe('dueWording', () => {
  const today = '2022-06-30';
  test.each([
    [{ due_on: '2022-06-27', overdue: true }, 'Overdue by 3 days'],
    [{ due_on: '2022-06-29', overdue: true }, 'Overdue by 1 day'],
    // The server's today is the judge: overdue with a due date the browser thinks is today.
    [{ due_on: '2022-06-30', overdue: true }, 'Overdue by 1 day'],
    [{ due_on: '2022-06-30', overdue: false }, 'Due today'],
    [{ due_on: '2022-07-01', overdue: false }, 'Due in 1 day'],
    [{ due_on: '2022-07-10', overdue: false }, 'Due in 10 days'],
    [{ due_on: '2022-06-01', status: 'completed' as const }, ''],
    [{ due_on: '2022-06-01', status: 'cancelled' as const }, ''],
  ])('%o reads "%s"', (changes, wording) => {
    expect(dueWording(action(changes), today)).toBe(wording);
  });
});

test.each([
  ['CMP-2021-000001', ['CMP-2021-000001']],
  ['cmp-2021-000001, CMP-2021-000002', ['CMP-2021-000001', 'CMP-2021-000002']],
  [' CMP-1\nCMP-2;CMP-1 ', ['CMP-1', 'CMP-2']],
  ['  ', []],
])('parseReferences(%j) is %j', (text, references) => {
  expect(parseReferences(text)).toEqual(references);
});

describe('sourceFields', () => {
  const empty = { complaints: '', ombudsmanCase: '', category: '', rootCause: '' };
  test.each([
    [
      { ...empty, source: 'complaints' as const, complaints: 'a, b', category: 'ignored' },
      { source: 'complaints', complaints: ['A', 'B'] },
    ],
    [
      { ...empty, source: 'ombudsman_case' as const, ombudsmanCase: ' omb-1 ' },
      { source: 'ombudsman_case', ombudsman_case: 'OMB-1' },
    ],
    [
      { ...empty, source: 'theme' as const, category: 'delay' },
      { source: 'theme', category: 'delay' },
    ],
    [
      { ...empty, source: 'theme' as const, rootCause: 'training' },
      { source: 'theme', root_cause: 'training' },
    ],
    [
      { ...empty, source: 'theme' as const, category: 'delay', rootCause: 'training' },
      { source: 'theme', category: 'delay', root_cause: 'training' },
    ],
    [{ ...empty, source: '' as const }, {}],
  ])('%o sends %o', (draft, body) => {
    expect(sourceFields(draft)).toEqual(body);
  });
});

test.each([
  ['complaint=CMP-1', { source: 'complaints', complaints: 'CMP-1' }],
  ['complaint=CMP-1&complaint=CMP-2', { source: 'complaints', complaints: 'CMP-1, CMP-2' }],
  ['ombudsman=OMB-2022-000001', { source: 'ombudsman_case', ombudsmanCase: 'OMB-2022-000001' }],
  ['', { source: '' }],
])('sourceFromQuery(%s)', (search, expected) => {
  expect(sourceFromQuery(new URLSearchParams(search))).toMatchObject(expected);
});

describe('updateBody', () => {
  const edit = {
    status: 'open' as const,
    owner: 'amira.khan',
    dueOn: '2022-08-31',
    action: 'New',
    lesson: 'L',
    evidence: '',
    completedOn: '2022-06-30',
  };
  test('keeps the source and raised date, and sends a completion date only when completed', () => {
    expect(updateBody(base, edit)).toEqual({
      source: 'complaints',
      complaints: ['CMP-2021-000001'],
      lesson: 'L',
      action: 'New',
      owner: 'amira.khan',
      raised_on: '2022-05-01',
      due_on: '2022-08-31',
      status: 'open',
      evidence: '',
    });
    expect(updateBody(base, { ...edit, status: 'completed', evidence: 'Done' })).toMatchObject({
      status: 'completed',
      evidence: 'Done',
      completed_on: '2022-06-30',
    });
  });
  test('a theme keeps its category and root cause, and sends no complaints', () => {
    const theme = action({
      source: 'theme',
      complaints: [],
      category: 'delay',
      root_cause: 'training',
    });
    const body = updateBody(theme, edit);
    expect(body).toMatchObject({ source: 'theme', category: 'delay', root_cause: 'training' });
    expect(body).not.toHaveProperty('complaints');
  });
});

test('actionDifferences lists only what changed, as shown', () => {
  const show = { owner: (u: string) => u.toUpperCase(), date: (iso: string | null) => iso ?? '' };
  const after = action({
    status: 'completed',
    owner: 'amira.khan',
    evidence: 'Procedure issued',
    completed_on: '2022-06-30',
  });
  expect(actionDifferences(base, after, show)).toEqual([
    { what: 'Status', before: 'Open', after: 'Completed' },
    { what: 'Owner', before: 'DAVID.CLARKE', after: 'AMIRA.KHAN' },
    { what: 'Evidence', before: '', after: 'Procedure issued' },
    { what: 'Completed on', before: '', after: '2022-06-30' },
  ]);
  expect(actionDifferences(base, base, show)).toEqual([]);
});
