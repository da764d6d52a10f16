import { describe, expect, test } from 'vitest';
import { ClientErrors } from '../../components/Form';
import { bodyOf, changedFields, draftOf, emptyRemedy, normaliseReference } from './caseForm';
import type { OmbudsmanCase } from './model';

const saved: OmbudsmanCase = {
  reference: 'OMB-2022-000001',
  version: 2,
  ombudsman: 'housing_ombudsman',
  ombudsman_reference: '202101234',
  complaints: ['CMP-2022-000564'],
  summary: 'Damp',
  referred_on: '2022-01-10',
  enquiry_received_on: '2022-01-20',
  information_due_on: '2022-02-10',
  information_sent_on: null,
  draft_decision_on: null,
  final_decision_on: '2022-04-01',
  findings: [{ element: 'Repairs', finding: 'maladministration' }],
  lgsco_decision: null,
  satisfactory_remedy_by_council: false,
  remedies: [
    {
      kind: 'order',
      type: 'apology',
      description: 'Apologise',
      due_on: '2022-05-01',
      completed_on: null,
      evidence: '',
      compliance: 'overdue',
    },
  ],
  decided: true,
  information_overdue: false,
  remedy_overdue: true,
};

function clientErrors(action: () => unknown): string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof ClientErrors) return error.fieldErrors().map((e) => e.field);
    throw error;
  }
  return [];
}

describe('the case form', () => {
  test('a saved case goes through the form unchanged', () => {
    const body = bodyOf(draftOf(saved));
    expect(body).toEqual({
      ombudsman: 'housing_ombudsman',
      ombudsman_reference: '202101234',
      summary: 'Damp',
      complaints: ['CMP-2022-000564'],
      referred_on: '2022-01-10',
      enquiry_received_on: '2022-01-20',
      information_due_on: '2022-02-10',
      final_decision_on: '2022-04-01',
      findings: [{ element: 'Repairs', finding: 'maladministration' }],
      remedies: [
        {
          kind: 'order',
          type: 'apology',
          description: 'Apologise',
          due_on: '2022-05-01',
          evidence: '',
        },
      ],
    });
  });

  test('an LGSCO case sends its decision and remedy flag, not findings', () => {
    const draft = {
      ...draftOf(null),
      ombudsman: 'lgsco' as const,
      lgsco_decision: 'not_upheld' as const,
      satisfactory_remedy_by_council: true,
      findings: [{ element: 'left over', finding: 'withdrawn' as const }],
    };
    const body = bodyOf(draft);
    expect(body.findings).toBeUndefined();
    expect(body.lgsco_decision).toBe('not_upheld');
    expect(body.satisfactory_remedy_by_council).toBe(true);
  });

  test('a new case keeps the complaint it was started from, and leaves unchosen choices out', () => {
    const body = bodyOf(draftOf(null, ['CMP-2022-000001']));
    expect(body.complaints).toEqual(['CMP-2022-000001']);
    expect('ombudsman' in body).toBe(false);
    expect(body.remedies).toEqual([]);
  });

  test.each([
    [
      'a date that is not real',
      (d: ReturnType<typeof draftOf>) => {
        d.dates.referred_on = { day: '31', month: '2', year: '2022' };
      },
      ['referred_on'],
    ],
    [
      'a half-typed date',
      (d: ReturnType<typeof draftOf>) => {
        d.dates.final_decision_on = { day: '1', month: '', year: '' };
      },
      ['final_decision_on'],
    ],
    [
      'an order with no due date',
      (d: ReturnType<typeof draftOf>) => {
        d.remedies = [emptyRemedy()];
      },
      ['remedies[0].due_on'],
    ],
    [
      'a completion date that is not real',
      (d: ReturnType<typeof draftOf>) => {
        d.remedies = [
          {
            ...emptyRemedy(),
            due_on: { day: '1', month: '5', year: '2022' },
            completed_on: { day: '40', month: '5', year: '2022' },
          },
        ];
      },
      ['remedies[0].completed_on'],
    ],
    ['nothing wrong', () => undefined, []],
  ])('%s is named before sending', (_, spoil, fields) => {
    const draft = draftOf(saved);
    spoil(draft);
    expect(clientErrors(() => bodyOf(draft))).toEqual(fields);
  });

  test('a stale edit lists what someone else changed', () => {
    const after: OmbudsmanCase = { ...saved, information_sent_on: '2022-02-09', complaints: [] };
    expect(changedFields(saved, after)).toEqual([
      { what: 'Linked complaints', before: 'CMP-2022-000564', after: 'None' },
      { what: 'Information sent', before: 'Not set', after: '9 February 2022' },
    ]);
    expect(changedFields(saved, saved)).toEqual([]);
  });

  test.each([
    [' cmp-2022-000564 ', 'CMP-2022-000564'],
    ['CMP-2022-000001', 'CMP-2022-000001'],
  ])('the reference %j is read as %j', (typed, reference) => {
    expect(normaliseReference(typed)).toBe(reference);
  });
});
