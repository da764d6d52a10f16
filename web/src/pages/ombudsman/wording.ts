// How the Ombudsman records read on screen: each Ombudsman's own vocabulary, a case's status in
// words, what is overdue and the LGSCO letter beside Redress's own figures.
import type {
  ChfoGround,
  ChfoOutcome,
  ChfoType,
  Compliance,
  HoFinding,
  LgscoDecision,
  Ombudsman,
  OmbudsmanCase,
  OverdueItem,
  ReconciliationLine,
  RemedyKind,
  RemedyType,
} from './model';

export const OMBUDSMAN_LABELS: Record<Ombudsman, string> = {
  housing_ombudsman: 'Housing Ombudsman',
  lgsco: 'Local Government and Social Care Ombudsman (LGSCO)',
};

export const OMBUDSMAN_SHORT_LABELS: Record<Ombudsman, string> = {
  housing_ombudsman: 'Housing Ombudsman',
  lgsco: 'LGSCO',
};

// The Housing Ombudsman's determinations, made for each element of a complaint.
export const FINDING_LABELS: Record<HoFinding, string> = {
  no_maladministration: 'No maladministration',
  service_failure: 'Service failure',
  maladministration: 'Maladministration',
  severe_maladministration: 'Severe maladministration',
  mediation: 'Resolved by mediation',
  reasonable_redress: 'Reasonable redress',
  outside_jurisdiction: 'Outside jurisdiction',
  withdrawn: 'Withdrawn',
};

// The LGSCO's decisions, as its annual letter counts them.
export const DECISION_LABELS: Record<LgscoDecision, string> = {
  upheld_fault_and_injustice: 'Upheld: fault and injustice',
  upheld_fault_no_injustice: 'Upheld: fault but no injustice',
  not_upheld: 'Not upheld',
  closed_after_initial_enquiries: 'Closed after initial enquiries',
  not_for_us_premature: 'Not for us: premature',
  referred_back_for_local_resolution: 'Referred back for local resolution',
  advice_given: 'Advice given',
  incomplete_invalid: 'Incomplete or invalid',
};

export const REMEDY_KIND_LABELS: Record<RemedyKind, string> = {
  order: 'Order',
  recommendation: 'Recommendation',
};

export const REMEDY_TYPE_LABELS: Record<RemedyType, string> = {
  apology: 'Apology',
  specific_action: 'Specific action',
  policy_review: 'Review of policy or practice',
  financial_compensation: 'Financial compensation',
  wider_order: 'Wider order (other residents)',
  other: 'Other',
};

export const COMPLIANCE_LABELS: Record<Compliance, string> = {
  pending: 'Not yet due',
  overdue: 'Overdue',
  complied_on_time: 'Complied on time',
  complied_late: 'Complied late',
};

export const COMPLIANCE_COLOURS: Record<Compliance, string> = {
  pending: 'blue',
  overdue: 'red',
  complied_on_time: 'green',
  complied_late: 'orange',
};

export const CHFO_TYPE_LABELS: Record<ChfoType, string> = {
  type_1: 'Type 1: progress the complaint',
  type_2: 'Type 2: provide information to the Ombudsman',
  type_3: 'Type 3: meet membership obligations',
};

export const CHFO_GROUND_LABELS: Record<ChfoGround, string> = {
  delay_progressing_complaint: 'Delay in progressing the complaint',
  delay_providing_information: 'Delay in providing information to the Ombudsman',
  breach_of_membership_obligations: 'Breach of membership obligations',
};

export const CHFO_OUTCOME_LABELS: Record<ChfoOutcome, string> = {
  pending: 'Pending',
  complied: 'Complied',
  not_complied: 'Not complied',
};

// Options for a select or radios from a label table, in the table's order.
export function optionsOf<K extends string>(
  labels: Record<K, string>,
): { value: K; label: string }[] {
  return (Object.entries(labels) as [K, string][]).map(([value, label]) => ({ value, label }));
}

// "Severe maladministration, service failure": the distinct findings, in the order made.
export function outcomeText(
  c: Pick<
    OmbudsmanCase,
    'ombudsman' | 'findings' | 'lgsco_decision' | 'satisfactory_remedy_by_council'
  >,
): string {
  if (c.ombudsman === 'housing_ombudsman') {
    const distinct = [...new Set(c.findings.map((f) => f.finding))];
    if (distinct.length === 0) return 'No findings yet';
    return distinct
      .map((finding, index) => {
        const label = FINDING_LABELS[finding] ?? finding;
        return index === 0 ? label : label.toLowerCase();
      })
      .join(', ');
  }
  if (!c.lgsco_decision) return 'No decision yet';
  const decision = DECISION_LABELS[c.lgsco_decision] ?? c.lgsco_decision;
  return c.satisfactory_remedy_by_council
    ? `${decision} (the council had already given a satisfactory remedy)`
    : decision;
}

// Where a case has got to, in words, from the dates recorded.
export function statusText(c: OmbudsmanCase): string {
  if (c.final_decision_on) {
    const open = c.remedies.filter((r) => !r.completed_on).length;
    if (c.remedy_overdue) return 'Decided: order or recommendation overdue';
    if (open > 0) return `Decided: ${open} ${open === 1 ? 'remedy' : 'remedies'} to complete`;
    return 'Decided';
  }
  if (c.draft_decision_on) return 'Draft decision received';
  if (c.information_sent_on) return 'Information sent: awaiting decision';
  if (c.information_due_on)
    return c.information_overdue ? 'Information overdue' : 'Information requested';
  if (c.enquiry_received_on) return 'Enquiry received';
  if (c.referred_on) return 'Referred to the Ombudsman';
  return 'Recorded';
}

// Which dates the case list shows: when the council heard of the case, and where it is now (the
// decision, or the information the Ombudsman is waiting for). The case's page shows them all.
export function listDates(c: OmbudsmanCase): { label: string; iso: string }[] {
  const dates: { label: string; iso: string }[] = [];
  const received = c.enquiry_received_on ?? c.referred_on;
  if (received)
    dates.push({ label: c.enquiry_received_on ? 'Enquiry' : 'Referred', iso: received });
  if (c.final_decision_on) dates.push({ label: 'Decided', iso: c.final_decision_on });
  else if (c.draft_decision_on) dates.push({ label: 'Draft decision', iso: c.draft_decision_on });
  else if (c.information_sent_on)
    dates.push({ label: 'Information sent', iso: c.information_sent_on });
  else if (c.information_due_on)
    dates.push({ label: 'Information due', iso: c.information_due_on });
  return dates;
}

// How soon a case needs the council: something owed and late, then cases not yet decided, then
// decisions with remedies still to carry out, then the finished ones.
export function attentionRank(c: OmbudsmanCase): number {
  if (c.information_overdue || c.remedy_overdue) return 0;
  if (!c.final_decision_on) return 1;
  if (c.remedies.some((remedy) => !remedy.completed_on)) return 2;
  return 3;
}

// The case list's order: by attention, then the newest first.
export function inListOrder(cases: OmbudsmanCase[]): OmbudsmanCase[] {
  const received = (c: OmbudsmanCase) => c.enquiry_received_on ?? c.referred_on ?? '';
  return [...cases].sort(
    (a, b) =>
      attentionRank(a) - attentionRank(b) ||
      received(b).localeCompare(received(a)) ||
      b.reference.localeCompare(a.reference),
  );
}

// The tag colour for a case's status: red when something the council owes is late.
export function statusColour(c: OmbudsmanCase): string {
  if (c.information_overdue || c.remedy_overdue) return 'red';
  return c.final_decision_on ? 'grey' : 'blue';
}

// "1 day overdue", "12 days overdue".
export function daysOverdueText(days: number): string {
  return `${days} ${days === 1 ? 'day' : 'days'} overdue`;
}

export const OVERDUE_KIND_LABELS: Record<OverdueItem['kind'], string> = {
  information: 'Information for the Ombudsman',
  remedy: 'Order or recommendation',
  failure_order: 'Complaint Handling Failure Order',
};

// Where an overdue item is kept.
export function overdueLink(item: Pick<OverdueItem, 'kind' | 'reference'>): string {
  return item.kind === 'failure_order'
    ? `/ombudsman/failure-orders/${item.reference}`
    : `/ombudsman/cases/${item.reference}`;
}

// What is late, in words: the server's description names the Ombudsman by its code, so the
// information deadline is worded here.
export function overdueWhat(item: Pick<OverdueItem, 'kind' | 'description'>): string {
  if (item.kind === 'information') return 'Information requested by the Ombudsman';
  return item.description;
}

// A financial year as people write it: 2024 → "2024 to 2025".
export function financialYearLabel(year: number): string {
  return `${year} to ${year + 1}`;
}

// The financial year (April to March, named by its first year) of an ISO date.
export const FINANCIAL_YEAR_FIRST_MONTH = 4;
export function financialYearOf(iso: string): number {
  const [year = 0, month = 0] = iso.split('-').map(Number);
  return month >= FINANCIAL_YEAR_FIRST_MONTH ? year : year - 1;
}

// Percentages differing by less than this are the same figure rounded differently.
export const PERCENT_TOLERANCE = 0.05;
const PERCENT_DECIMALS = 1;

export interface ReconciliationRow {
  key: string;
  label: string;
  letter: string;
  recorded: string;
  // In words, so that the difference is not told by colour alone.
  difference: string;
  differs: boolean;
}

function isPercent(key: string): boolean {
  return key.endsWith('_percent');
}

function figureText(value: number | null, percent: boolean): string {
  if (value === null) return percent ? 'Not given' : 'None';
  return percent ? `${value.toFixed(PERCENT_DECIMALS)}%` : String(value);
}

// The letter's figure beside Redress's, line by line, with each difference told in words.
export function reconciliationRows(lines: ReconciliationLine[]): ReconciliationRow[] {
  return lines.map((line) => {
    const percent = isPercent(line.key);
    const row = {
      key: line.key,
      label: line.label,
      letter: figureText(line.letter, percent),
      recorded:
        percent && line.recorded === null
          ? 'No cases to count'
          : figureText(line.recorded, percent),
    };
    if (line.letter === null || line.recorded === null) {
      return { ...row, difference: 'Cannot compare', differs: false };
    }
    const difference = line.difference ?? line.letter - line.recorded;
    const tolerance = percent ? PERCENT_TOLERANCE : 0;
    if (Math.abs(difference) <= tolerance) return { ...row, difference: 'Same', differs: false };
    const size = percent
      ? `${Math.abs(difference).toFixed(PERCENT_DECIMALS)} percentage points`
      : String(Math.abs(difference));
    const direction = difference > 0 ? 'higher' : 'lower';
    return { ...row, difference: `Differs: the letter is ${size} ${direction}`, differs: true };
  });
}
