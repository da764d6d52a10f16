// The API's field errors in the words of the forms: "is required" on "remedies[0].due_on" reads
// "Enter the due date of order or recommendation 1", and the field names and ISO dates inside a
// message ("must not be before referred_on (2022-01-10)") read as labels and the app's dates.
import { wordFieldError } from '../../fieldErrors';
import { formatDate } from '../../format';
import type { FieldError } from '../../types';
import { LETTER_COUNT_FIELDS, type CaseDateField } from './model';

const CASE_DATE_WORDS: Record<CaseDateField, string> = {
  referred_on: 'the date referred to the Ombudsman',
  enquiry_received_on: 'the date the enquiry was received',
  information_due_on: 'the date information is due',
  information_sent_on: 'the date information was sent',
  draft_decision_on: 'the date of the draft decision',
  final_decision_on: 'the date of the final decision',
};

// Fields answered by a choice ("Select …") rather than by typing ("Enter …").
const CHOICES = new Set([
  'ombudsman',
  'lgsco_decision',
  'type',
  'ground',
  'outcome',
  'finding',
  'kind',
]);

const FIELD_WORDS: Record<string, string> = {
  ...CASE_DATE_WORDS,
  ombudsman: 'which Ombudsman',
  ombudsman_reference: 'the Ombudsman’s reference',
  summary: 'the summary',
  complaints: 'the complaint’s reference',
  findings: 'the findings',
  lgsco_decision: 'the LGSCO’s decision',
  satisfactory_remedy_by_council: 'whether the council had already given a satisfactory remedy',
  remedies: 'the orders and recommendations',
  ombudsman_case: 'the Ombudsman case',
  type: 'the type of order',
  ground: 'the ground',
  description: 'what the order requires',
  issued_on: 'the date issued',
  due_on: 'the due date',
  complied_on: 'the date the council complied',
  comparison_group: 'the comparison group',
  ...Object.fromEntries(
    LETTER_COUNT_FIELDS.map((field) => [field, `the number “${field.replace(/_/g, ' ')}”`]),
  ),
};

const REMEDY_WORDS: Record<string, (n: number) => string> = {
  kind: (n) => `whether ${n} is an order or a recommendation`,
  type: (n) => `the type of order or recommendation ${n}`,
  description: (n) => `what the council must do for order or recommendation ${n}`,
  due_on: (n) => `the due date of order or recommendation ${n}`,
  completed_on: (n) => `the date order or recommendation ${n} was completed`,
  evidence: (n) => `the evidence for order or recommendation ${n}`,
};

const FINDING_WORDS: Record<string, (n: number) => string> = {
  element: (n) => `what element ${n} was about`,
  finding: (n) => `the finding on element ${n}`,
};

const INDEXED = /^(\w+)\[(\d+)\](?:\.(\w+))?$/;

// How a field is named in a sentence, or null when the form has no words for it.
export function fieldWords(field: string): string | null {
  const indexed = INDEXED.exec(field);
  if (!indexed) return FIELD_WORDS[field] ?? null;
  const [, list = '', index = '0', member = ''] = indexed;
  const number = Number(index) + 1;
  if (list === 'remedies') return REMEDY_WORDS[member]?.(number) ?? null;
  if (list === 'findings') return FINDING_WORDS[member]?.(number) ?? null;
  if (list === 'complaints') return `linked complaint ${number}`;
  return null;
}

function lastPart(field: string): string {
  return field.split('.').at(-1) ?? field;
}

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const FIELD_NAME = /\b[a-z]+(?:_[a-z]+)+\b/g;

// Field names and ISO dates inside a message, as people read them.
export function humaniseMessage(message: string): string {
  return message
    .replace(ISO_DATE, (iso) => formatDate(iso))
    .replace(FIELD_NAME, (name) => FIELD_WORDS[name] ?? name);
}

export function humaniseError(error: FieldError): FieldError {
  const words = fieldWords(error.field);
  // The code says how the field is worded (fieldErrors.ts): a missing value by the form's own
  // words, a bound on the value after the field's name, anything else as the API's sentence.
  return wordFieldError(
    error,
    words === null ? null : { words, choice: CHOICES.has(lastPart(error.field)) },
    humaniseMessage,
  );
}
