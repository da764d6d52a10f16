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

// What a role may do: the server's role table (src/core/permissions.cpp), told to the app with the
// signed-in user so that it keeps no copy of it.
export type Permission =
  | 'view_cases'
  | 'log_complaint'
  | 'acknowledge'
  | 'respond'
  | 'extend'
  | 'escalate'
  | 'refuse'
  | 'withdraw'
  | 'close'
  | 'reopen'
  | 'reassign'
  | 'add_note'
  | 'resolve_service_request'
  | 'view_reports'
  | 'view_audit'
  | 'manage_users'
  | 'manage_configuration'
  | 'manage_ombudsman'
  | 'manage_learning'
  | 'manage_self_assessment';

// The actions on a complaint, one endpoint each (POST /complaints/{reference}/<action>).
export type CaseActionName =
  | 'acknowledge'
  | 'extend'
  | 'respond'
  | 'escalate'
  | 'refuse'
  | 'withdraw'
  | 'close'
  | 'reopen'
  | 'reassign';

// The signed-in user (GET /session), with every permission their role has.
export interface CurrentUser extends User {
  permissions: Permission[];
}

export interface Session extends CurrentUser {
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
  working_days_left?: number;
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
  status: Status;
  restricted: boolean;
  service_request_reference: string | null;
  possible_repeat_of: string[];
  refusal: { decided_on: string; reason: string; explanation: string } | null;
  withdrawal: { withdrawn_on: string; reason: string } | null;
  closed_on: string | null;
  reopen_count: number;
  stage: number;
  acknowledge_by: string;
  respond_by: string | null;
  stages: Stage[];
  // What the signed-in user may do to it now: its state and their role, decided by the server.
  allowed_actions: CaseActionName[];
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

// Why the API refused a field (src/core/result.hpp FieldErrorCode); the app words each itself.
export type FieldErrorCode =
  | 'invalid'
  | 'required'
  | 'malformed'
  | 'invalid_date'
  | 'date_in_future'
  | 'date_too_early'
  | 'out_of_range'
  | 'not_in_list'
  | 'too_long'
  | 'unknown_reference'
  | 'not_allowed_in_state'
  | 'duplicate';

export interface FieldError {
  field: string;
  message: string;
  // Present on the API's errors; the app's own checks leave it out.
  code?: FieldErrorCode;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}
