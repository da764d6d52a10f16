// The Ombudsman case form's state: read from a saved case, turned back into the API's body with
// the form's own checks (real dates), and compared with a newer version after a stale edit.
import { ApiError } from '../../api';
import { ClientErrors } from '../../components/Form';
import { datePartsOf, type DateParts } from '../../components/fields';
import { formatDate } from '../../format';
import { Checks } from '../case/checks';
import {
  CASE_DATE_FIELDS,
  type CaseDateField,
  type HoFinding,
  type LgscoDecision,
  type Ombudsman,
  type OmbudsmanCase,
  type RemedyKind,
  type RemedyType,
} from './model';
import { humaniseError } from './messages';
import { COMPLIANCE_LABELS, outcomeText } from './wording';

export const DATE_LABELS: Record<CaseDateField, string> = {
  referred_on: 'Referred to the Ombudsman',
  enquiry_received_on: 'Enquiry received from the Ombudsman',
  information_due_on: 'Information due to the Ombudsman by',
  information_sent_on: 'Information sent',
  draft_decision_on: 'Draft decision',
  final_decision_on: 'Final decision',
};

// Shorter names for the dates where space is tight (tables).
export const DATE_SHORT_LABELS: Record<CaseDateField, string> = {
  referred_on: 'Referred',
  enquiry_received_on: 'Enquiry',
  information_due_on: 'Information due',
  information_sent_on: 'Information sent',
  draft_decision_on: 'Draft decision',
  final_decision_on: 'Final decision',
};

export interface RemedyDraft {
  kind: RemedyKind | '';
  type: RemedyType;
  description: string;
  due_on: DateParts;
  completed_on: DateParts;
  evidence: string;
}

export interface CaseDraft {
  ombudsman: Ombudsman | '';
  ombudsman_reference: string;
  summary: string;
  complaints: string[];
  dates: Record<CaseDateField, DateParts>;
  findings: { element: string; finding: HoFinding | '' }[];
  lgsco_decision: LgscoDecision | '';
  satisfactory_remedy_by_council: boolean;
  remedies: RemedyDraft[];
}

const EMPTY_DATE: DateParts = { day: '', month: '', year: '' };

function partsOf(iso: string | null): DateParts {
  return iso ? datePartsOf(iso) : { ...EMPTY_DATE };
}

export function emptyRemedy(): RemedyDraft {
  return {
    kind: '',
    type: 'other',
    description: '',
    due_on: { ...EMPTY_DATE },
    completed_on: { ...EMPTY_DATE },
    evidence: '',
  };
}

export function draftOf(c: OmbudsmanCase | null, complaints: string[] = []): CaseDraft {
  const dates = Object.fromEntries(
    CASE_DATE_FIELDS.map((field) => [field, partsOf(c?.[field] ?? null)]),
  ) as Record<CaseDateField, DateParts>;
  if (!c) {
    return {
      ombudsman: '',
      ombudsman_reference: '',
      summary: '',
      complaints,
      dates,
      findings: [],
      lgsco_decision: '',
      satisfactory_remedy_by_council: false,
      remedies: [],
    };
  }
  return {
    ombudsman: c.ombudsman,
    ombudsman_reference: c.ombudsman_reference,
    summary: c.summary,
    complaints: [...c.complaints],
    dates,
    findings: c.findings.map((f) => ({ ...f })),
    lgsco_decision: c.lgsco_decision ?? '',
    satisfactory_remedy_by_council: c.satisfactory_remedy_by_council,
    remedies: c.remedies.map((r) => ({
      kind: r.kind,
      type: r.type,
      description: r.description,
      due_on: partsOf(r.due_on),
      completed_on: partsOf(r.completed_on),
      evidence: r.evidence,
    })),
  };
}

const DATE_EXAMPLE = 'for example 27 3 2022';

// The API's body for the draft, or throws ClientErrors naming each box that is not a real date.
// Left empty, a required choice is sent absent so that the API names it.
export function bodyOf(draft: CaseDraft): Record<string, unknown> {
  const checks = new Checks();
  const body: Record<string, unknown> = {
    ombudsman_reference: draft.ombudsman_reference.trim(),
    summary: draft.summary.trim(),
    complaints: draft.complaints,
  };
  if (draft.ombudsman) body.ombudsman = draft.ombudsman;
  for (const field of CASE_DATE_FIELDS) {
    const iso = checks.optionalDate(field, draft.dates[field], `the date (${DATE_EXAMPLE})`);
    if (iso) body[field] = iso;
  }
  if (draft.ombudsman === 'housing_ombudsman') {
    body.findings = draft.findings.map((f) => ({
      element: f.element.trim(),
      ...(f.finding ? { finding: f.finding } : {}),
    }));
  }
  if (draft.ombudsman === 'lgsco') {
    if (draft.lgsco_decision) body.lgsco_decision = draft.lgsco_decision;
    body.satisfactory_remedy_by_council = draft.satisfactory_remedy_by_council;
  }
  body.remedies = draft.remedies.map((remedy, index) => {
    const field = `remedies[${index}]`;
    const due = checks.date(`${field}.due_on`, remedy.due_on, `the due date (${DATE_EXAMPLE})`);
    const completed = checks.optionalDate(
      `${field}.completed_on`,
      remedy.completed_on,
      `the date completed (${DATE_EXAMPLE})`,
    );
    return {
      ...(remedy.kind ? { kind: remedy.kind } : {}),
      type: remedy.type,
      description: remedy.description.trim(),
      due_on: due,
      ...(completed ? { completed_on: completed } : {}),
      evidence: remedy.evidence.trim(),
    };
  });
  checks.done();
  return body;
}

export interface ChangedField {
  what: string;
  before: string;
  after: string;
}

const COMPARED: { what: string; read: (c: OmbudsmanCase) => string }[] = [
  { what: 'Their reference', read: (c) => c.ombudsman_reference },
  { what: 'Linked complaints', read: (c) => c.complaints.join(', ') || 'None' },
  ...CASE_DATE_FIELDS.map((field) => ({
    what: DATE_LABELS[field],
    read: (c: OmbudsmanCase) => formatDate(c[field]) || 'Not set',
  })),
  { what: 'Outcome', read: (c) => outcomeText(c) },
  {
    what: 'Orders and recommendations',
    read: (c) =>
      c.remedies.map((r) => `${r.description} (${COMPLIANCE_LABELS[r.compliance]})`).join('; ') ||
      'None',
  },
];

// What someone else changed between the version a form was based on and the latest one.
export function changedFields(before: OmbudsmanCase, after: OmbudsmanCase): ChangedField[] {
  return COMPARED.map(({ what, read }) => ({
    what,
    before: read(before),
    after: read(after),
  })).filter((change) => change.before !== change.after);
}

// A complaint reference as typed: trimmed and in capitals, as the API writes them.
export function normaliseReference(text: string): string {
  return text.trim().toUpperCase();
}

const HTTP_PRECONDITION_FAILED = 412;

// Sends a request, rewording the API's refusal in the form's terms; a stale edit (412) is left
// for the caller to handle.
export async function inPlainWords<T>(send: () => Promise<T>, fallbackField: string): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (
      !(error instanceof ApiError) ||
      error instanceof ClientErrors ||
      error.status === HTTP_PRECONDITION_FAILED
    )
      throw error;
    throw new ClientErrors(error.fieldErrors(fallbackField).map(humaniseError));
  }
}
