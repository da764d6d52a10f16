-- The initial schema of a Redress database.
--
-- Conventions: STRICT tables; dates are ISO 'YYYY-MM-DD' TEXT checked with
-- `x IS date(x, '+0 days')`, which rejects malformed text and impossible days (the modifier makes
-- SQLite normalise 2023-02-29 to 2023-03-01) and admits NULL where a column is optional;
-- timestamps are RFC 3339 UTC TEXT; money is INTEGER pence; booleans are INTEGER 0/1; enums are
-- stored by their text names (the ToString names of src/core and src/app), each column checked
-- against its list. An optional code referring to reference data is NULL when absent, so that its
-- foreign key holds.

CREATE TABLE teams (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The organisation: one row, created here so that it always exists.
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  division TEXT NOT NULL
    CHECK (division IN ('england-and-wales', 'scotland', 'northern-ireland')),
  independent_team TEXT REFERENCES teams (code),
  children_team TEXT REFERENCES teams (code)
) STRICT;
INSERT INTO settings (id, name, division) VALUES (1, '', 'england-and-wales');

CREATE TABLE service_areas (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  team TEXT NOT NULL REFERENCES teams (code)
) STRICT, WITHOUT ROWID;

CREATE TABLE categories (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE root_causes (
  code TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT, WITHOUT ROWID;

-- Organisational closure days: not working days for any clock.
CREATE TABLE closure_days (
  date TEXT PRIMARY KEY CHECK (date IS date(date, '+0 days')),
  reason TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The history of designated service areas (stage 2 goes to the independent team).
CREATE TABLE designations (
  id INTEGER PRIMARY KEY,
  service_area TEXT NOT NULL REFERENCES service_areas (code),
  from_date TEXT NOT NULL CHECK (from_date IS date(from_date, '+0 days')),
  to_date TEXT CHECK (to_date IS date(to_date, '+0 days')),
  CHECK (to_date IS NULL OR to_date >= from_date)
) STRICT;

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'complaints_officer', 'case_handler', 'manager', 'viewer')),
  team TEXT REFERENCES teams (code),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL CHECK (active IN (0, 1))
) STRICT;

-- Bearer tokens: only a hash of each token is kept.
CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- The next number of each reference series: 'CMP' and 'SR', per calendar year of receipt.
CREATE TABLE reference_sequences (
  prefix TEXT NOT NULL,
  year INTEGER NOT NULL,
  next_value INTEGER NOT NULL CHECK (next_value >= 1),
  PRIMARY KEY (prefix, year)
) STRICT, WITHOUT ROWID;

-- One row per case. Besides the fields of core::Complaint it keeps projections, rewritten on every
-- save, for the list filters: the current stage's number, team, handler and pending deadline
-- (due_on: acknowledge_by while awaiting acknowledgement, respond_by while in progress, else
-- NULL), and the normalised repeat keys of core::KeyOf ('' when the complainant gave none).
CREATE TABLE complaints (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  regime TEXT NOT NULL CHECK (regime IN ('housing', 'corporate', 'children', 'adults')),
  channel TEXT NOT NULL
    CHECK (channel IN ('phone', 'email', 'letter', 'in_person', 'web_form', 'social_media')),
  service_area TEXT NOT NULL REFERENCES service_areas (code),
  category TEXT NOT NULL REFERENCES categories (code),
  summary TEXT NOT NULL,
  description TEXT NOT NULL,
  desired_outcome TEXT NOT NULL,
  complainant_name TEXT NOT NULL,
  complainant_email TEXT NOT NULL,
  complainant_phone TEXT NOT NULL,
  complainant_address TEXT NOT NULL,
  complainant_postcode TEXT NOT NULL,
  -- The representative, if any: all five NULL when there is none.
  representative_name TEXT,
  representative_email TEXT,
  representative_phone TEXT,
  representative_address TEXT,
  representative_postcode TEXT,
  received_on TEXT NOT NULL CHECK (received_on IS date(received_on, '+0 days')),
  status TEXT NOT NULL CHECK (status IN ('awaiting_acknowledgement', 'in_progress', 'responded',
                                         'closed', 'not_accepted', 'withdrawn')),
  -- The refusal, if any: all three NULL when there is none.
  refusal_decided_on TEXT CHECK (refusal_decided_on IS date(refusal_decided_on, '+0 days')),
  refusal_reason TEXT CHECK (refusal_reason IN ('older_than_12_months', 'legal_proceedings',
                                                'previously_considered', 'other')),
  refusal_explanation TEXT,
  -- The withdrawal, if any: all three NULL when there is none.
  withdrawn_on TEXT CHECK (withdrawn_on IS date(withdrawn_on, '+0 days')),
  withdrawal_reason TEXT,
  withdrawal_status_before TEXT
    CHECK (withdrawal_status_before IN ('awaiting_acknowledgement', 'in_progress', 'responded',
                                        'closed', 'not_accepted', 'withdrawn')),
  closed_on TEXT CHECK (closed_on IS date(closed_on, '+0 days')),
  service_request_reference TEXT REFERENCES service_requests (reference),
  restricted INTEGER NOT NULL CHECK (restricted IN (0, 1)),
  reopen_count INTEGER NOT NULL CHECK (reopen_count >= 0),
  current_stage INTEGER NOT NULL CHECK (current_stage >= 1),
  team TEXT REFERENCES teams (code),
  handler TEXT NOT NULL,
  due_on TEXT CHECK (due_on IS date(due_on, '+0 days')),
  email_key TEXT NOT NULL,
  phone_key TEXT NOT NULL,
  property_key TEXT NOT NULL,
  CHECK ((representative_name IS NULL) = (representative_email IS NULL)
         AND (representative_name IS NULL) = (representative_phone IS NULL)
         AND (representative_name IS NULL) = (representative_address IS NULL)
         AND (representative_name IS NULL) = (representative_postcode IS NULL)),
  CHECK ((refusal_decided_on IS NULL) = (refusal_reason IS NULL)
         AND (refusal_decided_on IS NULL) = (refusal_explanation IS NULL)),
  CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL)
         AND (withdrawn_on IS NULL) = (withdrawal_status_before IS NULL))
) STRICT;
-- The list filters, each in reference order (the list's order and keyset).
CREATE INDEX complaints_status ON complaints (status, reference);
CREATE INDEX complaints_regime ON complaints (regime, reference);
CREATE INDEX complaints_service_area ON complaints (service_area, reference);
CREATE INDEX complaints_team ON complaints (team, reference);
CREATE INDEX complaints_handler ON complaints (handler, reference);
CREATE INDEX complaints_received ON complaints (received_on);
CREATE INDEX complaints_due ON complaints (due_on) WHERE due_on IS NOT NULL;
-- Repeat matching: same category, a window of receipt dates, any shared key.
CREATE INDEX complaints_category_received ON complaints (category, received_on);
CREATE INDEX complaints_email_key ON complaints (email_key) WHERE email_key <> '';
CREATE INDEX complaints_phone_key ON complaints (phone_key) WHERE phone_key <> '';
CREATE INDEX complaints_property_key ON complaints (property_key) WHERE property_key <> '';
CREATE INDEX complaints_service_request ON complaints (service_request_reference)
  WHERE service_request_reference IS NOT NULL;

-- One row per stage of a case. The response's scalar fields are here (responded_on and outcome
-- both NULL when the stage has no response); its lists are in the stage_* tables below.
CREATE TABLE complaint_stages (
  complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  started_on TEXT NOT NULL CHECK (started_on IS date(started_on, '+0 days')),
  escalation_reason TEXT NOT NULL,
  team TEXT REFERENCES teams (code),
  handler TEXT NOT NULL,
  acknowledge_by TEXT NOT NULL CHECK (acknowledge_by IS date(acknowledge_by, '+0 days')),
  acknowledged_on TEXT CHECK (acknowledged_on IS date(acknowledged_on, '+0 days')),
  respond_by_original TEXT CHECK (respond_by_original IS date(respond_by_original, '+0 days')),
  respond_by TEXT CHECK (respond_by IS date(respond_by, '+0 days')),
  outside_code INTEGER NOT NULL CHECK (outside_code IN (0, 1)),
  reopened_on TEXT CHECK (reopened_on IS date(reopened_on, '+0 days')),
  first_responded_on TEXT CHECK (first_responded_on IS date(first_responded_on, '+0 days')),
  responded_on TEXT CHECK (responded_on IS date(responded_on, '+0 days')),
  outcome TEXT CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
  learning TEXT,
  responded_by TEXT,
  CHECK ((responded_on IS NULL) = (outcome IS NULL)
         AND (responded_on IS NULL) = (learning IS NULL)
         AND (responded_on IS NULL) = (responded_by IS NULL)),
  PRIMARY KEY (complaint_id, number)
) STRICT, WITHOUT ROWID;
-- Reporting by the financial year a stage started in.
CREATE INDEX complaint_stages_started ON complaint_stages (started_on);
CREATE INDEX complaint_stages_team ON complaint_stages (team);

-- The lists of a stage, each ordered by position (0-based, as in the case value).
CREATE TABLE stage_extensions (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  decided_on TEXT NOT NULL CHECK (decided_on IS date(decided_on, '+0 days')),
  working_days INTEGER NOT NULL,
  reason TEXT NOT NULL,
  good_reason TEXT NOT NULL,
  previous_due TEXT NOT NULL CHECK (previous_due IS date(previous_due, '+0 days')),
  new_due TEXT NOT NULL CHECK (new_due IS date(new_due, '+0 days')),
  within_code INTEGER NOT NULL CHECK (within_code IN (0, 1)),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE stage_root_causes (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  root_cause TEXT NOT NULL REFERENCES root_causes (code),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX stage_root_causes_root_cause ON stage_root_causes (root_cause);

CREATE TABLE stage_remedies (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  type TEXT NOT NULL CHECK (type IN ('apology', 'acknowledge_fault', 'explanation',
                                     'action_on_delay', 'change_of_decision', 'amend_record',
                                     'financial', 'works', 'change_of_policy')),
  amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
  description TEXT NOT NULL,
  CHECK (type = 'financial' OR amount_pence = 0),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

CREATE TABLE stage_actions (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  description TEXT NOT NULL,
  due_on TEXT CHECK (due_on IS date(due_on, '+0 days')),
  owner TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  completed_on TEXT CHECK (completed_on IS date(completed_on, '+0 days')),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;
CREATE INDEX stage_actions_open ON stage_actions (due_on) WHERE status = 'open';

-- Earlier complaints this one possibly repeats, in the order found.
CREATE TABLE complaint_repeats (
  complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  repeat_of TEXT NOT NULL REFERENCES complaints (reference),
  PRIMARY KEY (complaint_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX complaint_repeats_repeat_of ON complaint_repeats (repeat_of);

CREATE TABLE service_requests (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  channel TEXT NOT NULL
    CHECK (channel IN ('phone', 'email', 'letter', 'in_person', 'web_form', 'social_media')),
  received_on TEXT NOT NULL CHECK (received_on IS date(received_on, '+0 days')),
  service_area TEXT REFERENCES service_areas (code),
  category TEXT REFERENCES categories (code),
  summary TEXT NOT NULL,
  description TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  requester_email TEXT NOT NULL,
  requester_phone TEXT NOT NULL,
  requester_address TEXT NOT NULL,
  requester_postcode TEXT NOT NULL,
  team TEXT REFERENCES teams (code),
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_on TEXT CHECK (resolved_on IS date(resolved_on, '+0 days')),
  resolution TEXT NOT NULL,
  complaint_reference TEXT REFERENCES complaints (reference)
) STRICT;
CREATE INDEX service_requests_status ON service_requests (status, received_on);
CREATE INDEX service_requests_complaint ON service_requests (complaint_reference)
  WHERE complaint_reference IS NOT NULL;

-- The append-only, hash-chained event log: the timeline of every record and the audit trail.
-- hash is the hex SHA-256 of the canonical serialisation of the row (see sqlite_store.hpp) and
-- prev_hash the previous row's hash ('' for the first), so an altered or removed row is detected.
-- AUTOINCREMENT: a sequence number is never reused, even after the last row is deleted.
CREATE TABLE events (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_type TEXT NOT NULL
    CHECK (entity_type IN ('complaint', 'service_request', 'user', 'token', 'configuration')),
  entity_ref TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('logged', 'acknowledged', 'extended', 'responded',
                                     'escalated', 'refused', 'withdrawn', 'reopened', 'closed',
                                     'reassigned', 'note_added', 'linked', 'action_updated',
                                     'service_request_logged', 'service_request_resolved',
                                     'service_request_converted', 'configured', 'user_created',
                                     'token_created')),
  occurred_on TEXT NOT NULL CHECK (occurred_on IS date(occurred_on, '+0 days')),
  stage INTEGER NOT NULL CHECK (stage >= 0),
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
  recorded_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
CREATE INDEX events_entity ON events (entity_type, entity_ref, sequence);
