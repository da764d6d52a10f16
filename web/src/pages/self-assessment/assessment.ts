// The Code self-assessment of a financial year (GET /self-assessments/{year}): its shape, the
// financial years, the provisions grouped by the Code's sections and counted by compliance. Pure,
// so that vitest covers it.

export type Compliance = 'complies' | 'partly' | 'does_not_comply';

export interface Provision {
  provision: string;
  section: string;
  requirement: string;
  compliance: Compliance | null;
  evidence: string;
  commentary: string;
  action: string;
  action_due_on: string | null;
}

export interface Approval {
  approved_on: string;
  meeting: string;
  minute_reference: string;
  response: string;
}

export interface CodeSection {
  section: string;
  title: string;
}

export interface SelfAssessment {
  year: number;
  version: number;
  sections: CodeSection[];
  provisions: Provision[];
  approval: Approval | null;
}

export const COMPLIANCE_LABELS: Record<Compliance, string> = {
  complies: 'Complies',
  partly: 'Partly complies',
  does_not_comply: 'Does not comply',
};

export const NOT_ASSESSED = 'Not yet assessed';

export const COMPLIANCE_COLOURS: Record<Compliance, string> = {
  complies: 'green',
  partly: 'yellow',
  does_not_comply: 'red',
};

// The financial year runs from 1 April; the API names it by the year it starts in.
const FIRST_MONTH_OF_FINANCIAL_YEAR = 4;
// The API's range of years (openapi.json: 2001 to 2099).
export const FIRST_YEAR = 2001;
export const LAST_YEAR = 2099;
// How many years the year picker offers before the current one.
const YEARS_BACK = 5;

// "2022-06-30" → 2022; "2023-03-31" → 2022.
export function financialYearOf(iso: string): number {
  const [year = 0, month = 0] = iso.split('-').map(Number);
  return month >= FIRST_MONTH_OF_FINANCIAL_YEAR ? year : year - 1;
}

// 2022 → "2022/23"; 2099 → "2099/00".
export function financialYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

// The year of a URL ("2022"), or null when it is not one the API knows.
export function parseYear(text: string | undefined): number | null {
  if (!text || !/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= FIRST_YEAR && year <= LAST_YEAR ? year : null;
}

// The years the picker offers, newest first: next year (to prepare it), this one and a few back.
export function recentFinancialYears(current: number, include?: number): number[] {
  const years: number[] = [];
  for (
    let year = Math.min(current + 1, LAST_YEAR);
    year >= Math.max(current - YEARS_BACK, FIRST_YEAR);
    year -= 1
  )
    years.push(year);
  if (include !== undefined && !years.includes(include)) {
    years.push(include);
    years.sort((a, b) => b - a);
  }
  return years;
}

export interface SectionGroup extends CodeSection {
  provisions: Provision[];
}

// The Code's sections in order with their provisions (in the assessment's order); a provision
// whose section the API's list lacks still shows, under a section of its own number.
export function groupBySection(sections: CodeSection[], provisions: Provision[]): SectionGroup[] {
  const groups: SectionGroup[] = sections.map((section) => ({ ...section, provisions: [] }));
  for (const provision of provisions) {
    let group = groups.find((entry) => entry.section === provision.section);
    if (!group) {
      group = { section: provision.section, title: `Section ${provision.section}`, provisions: [] };
      groups.push(group);
    }
    group.provisions.push(provision);
  }
  return groups;
}

export interface ComplianceCounts {
  provisions: number;
  complies: number;
  partly: number;
  does_not_comply: number;
  not_assessed: number;
}

export function countCompliance(provisions: Provision[]): ComplianceCounts {
  const counts: ComplianceCounts = {
    provisions: 0,
    complies: 0,
    partly: 0,
    does_not_comply: 0,
    not_assessed: 0,
  };
  for (const provision of provisions) {
    counts.provisions += 1;
    counts[provision.compliance ?? 'not_assessed'] += 1;
  }
  return counts;
}

// "3 of 5 comply" for a section's heading, counting the assessed ones against all.
export function sectionSummary(provisions: Provision[]): string {
  const counts = countCompliance(provisions);
  const parts = [
    `${counts.complies} of ${counts.provisions} ${counts.complies === 1 ? 'complies' : 'comply'}`,
  ];
  if (counts.partly > 0) parts.push(`${counts.partly} partly`);
  if (counts.does_not_comply > 0) parts.push(`${counts.does_not_comply} not`);
  if (counts.not_assessed > 0) parts.push(`${counts.not_assessed} not yet assessed`);
  return parts.join(', ');
}

// The provision body the form sends (PUT .../provisions/{provision}): unassessed and empty dates
// are left out, as the API reads absence as "not set".
export interface ProvisionDraft {
  section: string;
  requirement: string;
  compliance: Compliance | '';
  evidence: string;
  commentary: string;
  action: string;
  actionDueOn: string | null;
}

export function provisionBody(draft: ProvisionDraft): Record<string, unknown> {
  return {
    section: draft.section,
    requirement: draft.requirement.trim(),
    ...(draft.compliance ? { compliance: draft.compliance } : {}),
    evidence: draft.evidence.trim(),
    commentary: draft.commentary.trim(),
    action: draft.action.trim(),
    ...(draft.actionDueOn ? { action_due_on: draft.actionDueOn } : {}),
  };
}
