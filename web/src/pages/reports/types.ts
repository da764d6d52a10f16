// The shape of GET /api/v1/reports/annual/{year} (src/report/render/json_render.cpp), as much of
// it as the reports page reads.

export type Unit = 'count' | 'percent' | 'working_days' | 'pounds' | 'per_1000_homes';

// The list filters that select a figure's complaints, or a description of what it counts when
// the list filters cannot express it (`exact` false, the paths null).
export interface FigureQuery {
  exact: boolean;
  description: string;
  filters: Record<string, string> | null;
  current: string | null;
  previous: string | null;
}

export interface Figure {
  key: string;
  label: string;
  unit: Unit;
  current: number | null;
  previous: number | null;
  change: number | null;
  change_percent: number | null;
  query: FigureQuery;
}

export interface FigureGroup {
  key: string;
  title: string;
  figures: Figure[];
}

export type ScopeKind = 'organisation' | 'regime' | 'service_area';

export interface Scope {
  kind: ScopeKind;
  code: string;
  name: string;
  groups: FigureGroup[];
}

export interface Period {
  from: string;
  to: string;
  label: string;
}

export interface TrendMonth {
  month: string;
  count: number;
  baseline: number;
  emerging: boolean;
  query: string;
}

export interface TrendSeries {
  dimension: 'category' | 'service_area';
  code: string;
  name: string;
  emerging_months: string[];
  months: TrendMonth[];
}

export interface Trends {
  months: string[];
  emerging_factor: number;
  emerging_minimum_excess: number;
  series: TrendSeries[];
}

export interface Compliance {
  due: number;
  complied_on_time: number;
  complied_late: number;
  overdue: number;
  pending: number;
}

export interface LetterLine {
  key: string;
  label: string;
  letter: number | null;
  recorded: number | null;
  difference: number | null;
}

export interface Improvement {
  reference: string;
  source: string;
  lesson: string;
  action: string;
  completed_on: string | null;
  evidence: string;
}

export interface OmbudsmanSection {
  cases_received: { housing_ombudsman: number; lgsco: number };
  outcomes: { ombudsman: string; outcome: string; count: number }[];
  orders: Compliance;
  recommendations: Compliance;
  failure_orders: { issued: number; complied: number; not_complied: number; pending: number };
  lgsco_annual_letter: { comparison_group: string; lines: LetterLine[] } | null;
  service_improvements: Improvement[];
}

export interface Shortfall {
  provision: string;
  requirement: string;
  compliance: string;
  commentary: string;
  action: string;
  action_due_on: string | null;
}

export interface SelfAssessmentSection {
  provisions: number;
  complies: number;
  partly: number;
  does_not_comply: number;
  not_assessed: number;
  non_compliance: Shortfall[];
  governing_body: {
    approved_on: string;
    meeting: string;
    minute_reference: string;
    response: string;
  } | null;
}

// The summary at the front of every document, generated from the figures (render/summary.hpp).
export interface ReportSummary {
  headline: FigureGroup;
  biggest_changes: string[];
  emerging_issues: string[];
  ombudsman: string[];
  learning: string[];
}

export interface AnnualReport {
  title: string;
  organisation: string;
  year: number;
  financial_year: string;
  period: Period;
  previous_period: Period;
  as_at: string;
  summary: ReportSummary;
  counting_rules: { key: string; text: string }[];
  scopes: Scope[];
  tsm: FigureGroup & { notes: string[] };
  trends: Trends;
  ombudsman: OmbudsmanSection | null;
  ombudsman_explanation: string;
  self_assessment: SelfAssessmentSection | null;
  self_assessment_explanation: string;
}

// TSM TP09 of a year: the survey's share satisfied with complaint handling and its sample size.
export interface TenantSatisfaction {
  year: number;
  percent: number;
  sample_size: number;
}

export interface HomesOwned {
  year: number;
  homes: number;
}
