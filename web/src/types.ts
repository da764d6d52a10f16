// The shapes of the JSON API (src/http/openapi.json), as much of them as the web app reads.
export type Role = 'admin' | 'complaints_officer' | 'case_handler' | 'manager' | 'viewer';
export type Regime = 'housing' | 'corporate' | 'children' | 'adults';
export type Channel = 'phone' | 'email' | 'letter' | 'in_person' | 'web_form' | 'social_media';
export type Status =
  | 'awaiting_acknowledgement'
  | 'in_progress'
  | 'responded'
  | 'closed'
  | 'not_accepted'
  | 'withdrawn';
export type Outcome = 'upheld' | 'partly_upheld' | 'not_upheld';
export type RemedyType =
  | 'apology'
  | 'acknowledge_fault'
  | 'explanation'
  | 'action_on_delay'
  | 'change_of_decision'
  | 'amend_record'
  | 'financial'
  | 'works'
  | 'change_of_policy';

export interface User {
  username: string;
  display_name: string;
  role: Role;
  team: string | null;
  active: boolean;
}

export interface Session extends User {
  csrf_token: string;
}

export interface Person {
  name: string;
  email: string;
  phone: string;
  address: string;
  postcode: string;
}

export interface Remedy {
  type: RemedyType;
  amount_pence: number;
  description: string;
}

export interface Action {
  description: string;
  due_on: string | null;
  owner: string;
  status: 'open' | 'done';
  completed_on: string | null;
}

export interface Extension {
  decided_on: string;
  working_days: number;
  reason: string;
  good_reason: string;
  previous_due: string;
  new_due: string;
  within_code: boolean;
}

export interface StageResponse {
  responded_on: string;
  outcome: Outcome;
  root_causes: string[];
  remedies: Remedy[];
  actions: Action[];
  learning: string;
  responded_by: string;
}

export interface Stage {
  number: number;
  started_on: string;
  escalation_reason: string;
  team: string;
  handler: string | null;
  acknowledge_by: string;
  acknowledged_on: string | null;
  respond_by_original: string | null;
  respond_by: string | null;
  extensions: Extension[];
  outside_code: boolean;
  reopened_on: string | null;
  response: StageResponse | null;
  // Responses a reopening superseded, oldest first; every reopening date, oldest first.
  earlier_responses: StageResponse[];
  reopenings: string[];
  procedure?: StageProcedure;
  working_days_left?: number;
}

export type StepTiming = 'pending' | 'on_time' | 'late';

// The statutory procedure's steps at a stage (src/core/procedure.hpp); null until recorded.
export interface StageProcedure {
  investigation: { record_agreed_on: string; investigating_officer: string; independent_person: string } | null;
  adjudication: { adjudicating_officer: string; adjudicated_on: string } | null;
  review_panel: { members: string[]; met_on: string } | null;
  panel_report_on: string | null;
  panel_meet_by: string | null;
  panel_report_by: string | null;
  panel_timing: { meeting: StepTiming; report: StepTiming; response: StepTiming } | null;
  discussion_offer: { offered_on: string; take_up: 'taken_up' | 'declined' | 'no_reply'; notes: string } | null;
  agreed_response_period: { agreed_on: string; respond_by: string } | null;
  late_notice: { notified_on: string; reason: string; expected_by: string | null } | null;
}

export interface Change {
  field: string;
  before: string;
  after: string;
}

export interface Event {
  sequence: number;
  type: string;
  occurred_on: string;
  recorded_at: string;
  actor: string;
  stage: number | null;
  summary: string;
  changes: Change[];
}

// Where a complaint stands against the time limit for complaining (core/time_limit.hpp).
export interface TimeLimitEvidence {
  matter_arose_on: string;
  received_on: string;
  limit_months: number;
  limit_ends_on: string;
  days_beyond_limit: number;
  outside_limit: boolean;
}

export interface Complaint {
  reference: string;
  version: number;
  regime: Regime;
  channel: Channel;
  service_area: string;
  category: string;
  summary: string;
  description: string;
  desired_outcome: string;
  complainant: Person;
  representative: Person | null;
  received_on: string;
  matter_arose_on: string | null;
  time_limit: TimeLimitEvidence | null;
  code_version: string;
  code_version_title: string;
  status: Status;
  restricted: boolean;
  service_request_reference: string | null;
  possible_repeat_of: string[];
  refusal: { decided_on: string; reason: string; explanation: string; time_limit: TimeLimitEvidence | null } | null;
  withdrawal: { withdrawn_on: string; reason: string } | null;
  // Refusals and withdrawals a reopening undid, oldest first.
  earlier_refusals: { decided_on: string; reason: string; explanation: string }[];
  earlier_withdrawals: { withdrawn_on: string; reason: string }[];
  closed_on: string | null;
  reopen_count: number;
  stage: number;
  acknowledge_by: string;
  respond_by: string | null;
  stages: Stage[];
  timeline?: Event[];
}

export interface ComplaintRow {
  reference: string;
  version: number;
  regime: Regime;
  status: Status;
  stage: number;
  service_area: string;
  category: string;
  team: string;
  handler: string | null;
  received_on: string;
  due_on: string | null;
  overdue: boolean;
  summary: string;
}

export interface ComplaintList {
  items: ComplaintRow[];
  next_cursor: string | null;
}

export interface StatusCounts {
  by_status: Record<Status, number>;
  open: number;
  total: number;
}

export interface ServiceRequest {
  reference: string;
  version: number;
  channel: Channel;
  received_on: string;
  service_area: string;
  category: string;
  summary: string;
  description: string;
  requester: Person;
  team: string;
  status: 'open' | 'resolved';
  resolved_on: string | null;
  resolution: string;
  complaint_reference: string | null;
}

export interface Team {
  code: string;
  name: string;
}

export interface ServiceArea extends Team {
  team: string;
}

export interface TaxonomyEntry extends Team {
  active: boolean;
}

export interface ClosureDay {
  date: string;
  reason: string;
}

export interface Designation {
  service_area: string;
  from: string;
  to: string | null;
}

export interface Settings {
  name: string;
  division: 'england-and-wales' | 'scotland' | 'northern-ireland';
  independent_team: string | null;
  children_team: string | null;
}

export interface Note {
  id: number;
  author: string;
  created_at: string;
  text: string;
}

export interface Link {
  reference: string;
  relation: 'related' | 'duplicate_of' | 'repeat_of';
  direction: 'outgoing' | 'incoming';
  created_by: string;
  created_at: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}
