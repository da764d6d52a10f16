import { describe, expect, test } from 'vitest';
import type { OmbudsmanCase, ReconciliationLine } from './model';
import { daysBetween } from './dates';
import {
  attentionRank,
  daysOverdueText,
  inListOrder,
  listDates,
  financialYearLabel,
  financialYearOf,
  outcomeText,
  overdueLink,
  overdueWhat,
  reconciliationRows,
  statusColour,
  statusText,
} from './wording';

function aCase(change: Partial<OmbudsmanCase>): OmbudsmanCase {
  return {
    reference: 'OMB-2022-000001',
    version: 1,
    ombudsman: 'housing_ombudsman',
    ombudsman_reference: '202101234',
    complaints: [],
    summary: '',
    referred_on: null,
    enquiry_received_on: null,
    information_due_on: null,
    information_sent_on: null,
    draft_decision_on: null,
    final_decision_on: null,
    findings: [],
    lgsco_decision: null,
    satisfactory_remedy_by_council: false,
    remedies: [],
    decided: false,
    information_overdue: false,
    remedy_overdue: false,
    ...change,
  };
}

const remedy = {
  kind: 'order',
  type: 'apology',
  description: 'Apologise',
  due_on: '2022-05-01',
  evidence: '',
} as const;

describe('a case’s status in words', () => {
  test.each([
    ['nothing yet', {}, 'Recorded', 'blue'],
    ['referred', { referred_on: '2022-01-10' }, 'Referred to the Ombudsman', 'blue'],
    ['enquiry', { enquiry_received_on: '2022-01-20' }, 'Enquiry received', 'blue'],
    ['information asked', { information_due_on: '2022-02-10' }, 'Information requested', 'blue'],
    [
      'information late',
      { information_due_on: '2022-02-10', information_overdue: true },
      'Information overdue',
      'red',
    ],
    [
      'information sent',
      { information_due_on: '2022-02-10', information_sent_on: '2022-02-09' },
      'Information sent: awaiting decision',
      'blue',
    ],
    ['draft', { draft_decision_on: '2022-03-01' }, 'Draft decision received', 'blue'],
    ['decided, all done', { final_decision_on: '2022-04-01' }, 'Decided', 'grey'],
    [
      'decided, one to do',
      {
        final_decision_on: '2022-04-01',
        remedies: [{ ...remedy, completed_on: null, compliance: 'pending' as const }],
      },
      'Decided: 1 remedy to complete',
      'grey',
    ],
    [
      'decided, order late',
      {
        final_decision_on: '2022-04-01',
        remedy_overdue: true,
        remedies: [{ ...remedy, completed_on: null, compliance: 'overdue' as const }],
      },
      'Decided: order or recommendation overdue',
      'red',
    ],
  ])('%s', (_, change, text, colour) => {
    const c = aCase(change as Partial<OmbudsmanCase>);
    expect(statusText(c)).toBe(text);
    expect(statusColour(c)).toBe(colour);
  });
});

describe('the outcome in each Ombudsman’s vocabulary', () => {
  test.each([
    ['no findings yet', aCase({}), 'No findings yet'],
    [
      'distinct findings in order',
      aCase({
        findings: [
          { element: 'Repairs', finding: 'severe_maladministration' },
          { element: 'Handling', finding: 'service_failure' },
          { element: 'Records', finding: 'service_failure' },
        ],
      }),
      'Severe maladministration, service failure',
    ],
    ['LGSCO undecided', aCase({ ombudsman: 'lgsco' }), 'No decision yet'],
    [
      'LGSCO upheld',
      aCase({ ombudsman: 'lgsco', lgsco_decision: 'upheld_fault_and_injustice' }),
      'Upheld: fault and injustice',
    ],
    [
      'LGSCO with a remedy already given',
      aCase({
        ombudsman: 'lgsco',
        lgsco_decision: 'upheld_fault_no_injustice',
        satisfactory_remedy_by_council: true,
      }),
      'Upheld: fault but no injustice (the council had already given a satisfactory remedy)',
    ],
  ])('%s', (_, c, text) => {
    expect(outcomeText(c)).toBe(text);
  });
});

describe('what is overdue, in words', () => {
  test.each([
    [1, '1 day overdue'],
    [12, '12 days overdue'],
  ])('%i days', (days, text) => {
    expect(daysOverdueText(days)).toBe(text);
  });

  test.each([
    [
      {
        kind: 'information' as const,
        reference: 'OMB-1',
        description: 'Information for the housing_ombudsman enquiry 1',
      },
      '/ombudsman/cases/OMB-1',
      'Information requested by the Ombudsman',
    ],
    [
      { kind: 'remedy' as const, reference: 'OMB-2', description: 'Pay £600' },
      '/ombudsman/cases/OMB-2',
      'Pay £600',
    ],
    [
      { kind: 'failure_order' as const, reference: 'CHFO-3', description: 'Send the file' },
      '/ombudsman/failure-orders/CHFO-3',
      'Send the file',
    ],
  ])('%o', (item, link, what) => {
    expect(overdueLink(item)).toBe(link);
    expect(overdueWhat(item)).toBe(what);
  });

  test.each([
    ['2022-05-01', '2022-06-30', 60],
    ['2022-06-30', '2022-06-30', 0],
    ['2022-03-26', '2022-03-28', 2],
    ['2024-02-28', '2024-03-01', 2],
  ])('%s to %s is %i days', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });
});

describe('financial years', () => {
  test.each([
    ['2022-04-01', 2022],
    ['2022-03-31', 2021],
    ['2022-12-31', 2022],
    ['2023-01-01', 2022],
  ])('%s is in %i', (iso, year) => {
    expect(financialYearOf(iso)).toBe(year);
  });

  test('are written as people write them', () => {
    expect(financialYearLabel(2024)).toBe('2024 to 2025');
  });
});

describe('the letter beside Redress’s records', () => {
  const line = (
    key: string,
    letter: number | null,
    recorded: number | null,
  ): ReconciliationLine => ({
    key,
    label: key,
    letter,
    recorded,
    difference: letter !== null && recorded !== null ? letter - recorded : null,
  });

  test.each([
    [
      'same count',
      line('upheld', 2, 2),
      { letter: '2', recorded: '2', difference: 'Same', differs: false },
    ],
    [
      'letter higher',
      line('upheld', 2, 1),
      { letter: '2', recorded: '1', difference: 'Differs: the letter is 1 higher', differs: true },
    ],
    [
      'letter lower',
      line('decisions_made', 0, 3),
      { letter: '0', recorded: '3', difference: 'Differs: the letter is 3 lower', differs: true },
    ],
    [
      'percent rounded',
      line('uphold_rate_percent', 66.7, 66.6667),
      { letter: '66.7%', recorded: '66.7%', difference: 'Same', differs: false },
    ],
    [
      'percent differs',
      line('uphold_rate_percent', 100, 50),
      {
        letter: '100.0%',
        recorded: '50.0%',
        difference: 'Differs: the letter is 50.0 percentage points higher',
        differs: true,
      },
    ],
    [
      'percent not in the letter',
      line('compliance_percent', null, 50),
      { letter: 'Not given', recorded: '50.0%', difference: 'Cannot compare', differs: false },
    ],
    [
      'no cases to count',
      line('compliance_percent', 100, null),
      {
        letter: '100.0%',
        recorded: 'No cases to count',
        difference: 'Cannot compare',
        differs: false,
      },
    ],
  ])('%s', (_, input, expected) => {
    const [row] = reconciliationRows([input]);
    expect(row).toEqual({ key: input.key, label: input.label, ...expected });
  });
});

describe('the case list', () => {
  test.each([
    ['information late', { information_due_on: '2022-05-01', information_overdue: true }, 0],
    ['an order late', { final_decision_on: '2022-04-01', findings: [], remedy_overdue: true }, 0],
    ['not decided', { enquiry_received_on: '2022-04-01' }, 1],
    ['decided, a remedy to do', { final_decision_on: '2022-04-01', remedies: [remedy] }, 2],
    [
      'decided and done',
      { final_decision_on: '2022-04-01', remedies: [{ ...remedy, completed_on: '2022-04-20' }] },
      3,
    ],
  ] as const)('%s ranks %i', (_, change, rank) => {
    expect(attentionRank(aCase(change as Partial<OmbudsmanCase>))).toBe(rank);
  });

  test('puts what needs the council first, then the newest', () => {
    const done = aCase({
      reference: 'OMB-2022-000001',
      enquiry_received_on: '2022-06-01',
      final_decision_on: '2022-09-01',
    });
    const olderOpen = aCase({ reference: 'OMB-2022-000002', enquiry_received_on: '2022-01-10' });
    const newerOpen = aCase({ reference: 'OMB-2022-000003', enquiry_received_on: '2022-03-10' });
    const late = aCase({
      reference: 'OMB-2022-000004',
      enquiry_received_on: '2021-01-10',
      information_overdue: true,
    });
    expect(inListOrder([done, olderOpen, newerOpen, late]).map((c) => c.reference)).toEqual([
      'OMB-2022-000004',
      'OMB-2022-000003',
      'OMB-2022-000002',
      'OMB-2022-000001',
    ]);
  });

  test.each([
    ['referred only', { referred_on: '2022-01-05' }, ['Referred 2022-01-05']],
    [
      'waiting for information',
      {
        referred_on: '2022-01-05',
        enquiry_received_on: '2022-01-20',
        information_due_on: '2022-02-10',
      },
      ['Enquiry 2022-01-20', 'Information due 2022-02-10'],
    ],
    [
      'information sent',
      {
        enquiry_received_on: '2022-01-20',
        information_due_on: '2022-02-10',
        information_sent_on: '2022-02-08',
      },
      ['Enquiry 2022-01-20', 'Information sent 2022-02-08'],
    ],
    [
      'decided',
      {
        enquiry_received_on: '2022-01-20',
        draft_decision_on: '2022-04-01',
        final_decision_on: '2022-05-01',
      },
      ['Enquiry 2022-01-20', 'Decided 2022-05-01'],
    ],
  ] as const)('shows the dates that matter: %s', (_, change, expected) => {
    expect(listDates(aCase(change)).map((d) => `${d.label} ${d.iso}`)).toEqual(expected);
  });
});
