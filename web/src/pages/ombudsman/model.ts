// The shapes of the Ombudsman operations of the JSON API (/api/v1/ombudsman/*, see
// src/http/ombudsman_mapping.cpp), as much of them as these pages read and write.
export type Ombudsman = 'housing_ombudsman' | 'lgsco';

export type HoFinding =
  | 'no_maladministration'
  | 'service_failure'
  | 'maladministration'
  | 'severe_maladministration'
  | 'mediation'
  | 'reasonable_redress'
  | 'outside_jurisdiction'
  | 'withdrawn';

export type LgscoDecision =
  | 'upheld_fault_and_injustice'
  | 'upheld_fault_no_injustice'
  | 'not_upheld'
  | 'closed_after_initial_enquiries'
  | 'not_for_us_premature'
  | 'referred_back_for_local_resolution'
  | 'advice_given'
  | 'incomplete_invalid';

export type RemedyKind = 'order' | 'recommendation';
export type RemedyType =
  | 'apology'
  | 'specific_action'
  | 'policy_review'
  | 'financial_compensation'
  | 'wider_order'
  | 'other';
export type Compliance = 'pending' | 'overdue' | 'complied_on_time' | 'complied_late';

export interface ElementFinding {
  element: string;
  finding: HoFinding;
}

export interface OmbudsmanRemedy {
  kind: RemedyKind;
  type: RemedyType;
  description: string;
  due_on: string;
  completed_on: string | null;
  evidence: string;
  compliance: Compliance;
}

// The dates of a case, in the order they happen.
export const CASE_DATE_FIELDS = [
  'referred_on',
  'enquiry_received_on',
  'information_due_on',
  'information_sent_on',
  'draft_decision_on',
  'final_decision_on',
] as const;
export type CaseDateField = (typeof CASE_DATE_FIELDS)[number];

export interface OmbudsmanCase extends Record<CaseDateField, string | null> {
  reference: string;
  version: number;
  ombudsman: Ombudsman;
  ombudsman_reference: string;
  complaints: string[];
  summary: string;
  findings: ElementFinding[];
  lgsco_decision: LgscoDecision | null;
  satisfactory_remedy_by_council: boolean;
  remedies: OmbudsmanRemedy[];
  decided: boolean;
  information_overdue: boolean;
  remedy_overdue: boolean;
}

export type ChfoType = 'type_1' | 'type_2' | 'type_3';
export type ChfoGround =
  | 'delay_progressing_complaint'
  | 'delay_providing_information'
  | 'breach_of_membership_obligations';
export type ChfoOutcome = 'pending' | 'complied' | 'not_complied';

export interface FailureOrder {
  reference: string;
  version: number;
  ombudsman_case: string | null;
  ombudsman_reference: string;
  type: ChfoType;
  ground: ChfoGround;
  description: string;
  issued_on: string;
  due_on: string;
  outcome: ChfoOutcome;
  complied_on: string | null;
  overdue: boolean;
}

export interface OmbudsmanHistory {
  cases: OmbudsmanCase[];
  failure_orders: FailureOrder[];
}

// The counts of the LGSCO annual review letter, all required by the API.
export const LETTER_COUNT_FIELDS = [
  'complaints_and_enquiries_received',
  'decisions_made',
  'not_for_us',
  'assessed_and_closed',
  'investigated',
  'upheld',
  'satisfactory_remedy_by_council',
] as const;
// Its percentages, each optional.
export const LETTER_PERCENT_FIELDS = [
  'uphold_rate_percent',
  'average_uphold_rate_percent',
  'compliance_percent',
] as const;
export type LetterCountField = (typeof LETTER_COUNT_FIELDS)[number];
export type LetterPercentField = (typeof LETTER_PERCENT_FIELDS)[number];

export type LgscoLetter = Record<LetterCountField, number> &
  Record<LetterPercentField, number | null> & { year: number; comparison_group: string };

export interface ReconciliationLine {
  key: string;
  label: string;
  letter: number | null;
  recorded: number | null;
  difference: number | null;
}

export interface Reconciliation {
  year: number;
  letter: LgscoLetter;
  lines: ReconciliationLine[];
  differences: number;
}

export type OverdueKind = 'information' | 'remedy' | 'failure_order';

export interface OverdueItem {
  kind: OverdueKind;
  reference: string;
  remedy_index: number | null;
  description: string;
  due_on: string;
  days_overdue: number;
}

// A learning action as the overdue list gives it (the learning pages are another section's).
export interface OverdueLearningAction {
  reference: string;
  action: string;
  owner: string;
  due_on: string;
  overdue: boolean;
}

export interface OverdueDashboard {
  as_at: string;
  ombudsman: OverdueItem[];
  learning_actions: OverdueLearningAction[];
}
