-- The schema of a Redress database on PostgreSQL 15: the same tables, columns, keys and checks as
-- the SQLite schema at its migration 13 (src/storage/sqlite/migrations/0001 to 0013), in one
-- migration, since a PostgreSQL database has no history to carry. Later changes to the schema
-- come as new numbered files here, beside the SQLite ones.
--
-- Conventions, chosen so that a row reads and writes exactly as on SQLite:
-- - Dates are ISO 'YYYY-MM-DD' text (the domain iso_date), not DATE: the adapter reads, writes and
--   compares them as the SQLite adapter does (keyset cursors included), and a malformed or
--   impossible date is a CHECK violation (kInvalidInput), as there.
-- - Text that is sorted or paged by (references, codes, dates) is COLLATE "C": byte order, as
--   SQLite's BINARY, whatever the database's locale.
-- - Timestamps are RFC 3339 UTC text; money is BIGINT pence; booleans are BOOLEAN; enums are
--   stored by their text names, each column checked against its list. An optional code of
--   reference data is NULL when absent, so that its foreign key holds.
-- - Ids are identity columns. The audit chain's sequence is not: it is handed out under the
--   chain head's row lock (audit_chain_head), so that it has no gaps in commit order.

-- Accent-insensitive search: the unaccent dictionary, installed once per database in the schema
-- public (unaccent is a trusted extension: the database's owner may create it).
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

-- The text complaints are searched by: accents removed (unaccent), then split into words and
-- lower-cased by the 'simple' configuration, as FTS5's unicode61 tokenizer with
-- remove_diacritics does. IMMUTABLE (unaccent itself is only STABLE, its dictionary being
-- replaceable) so that it can compute a stored column.
CREATE FUNCTION redress_search_vector(summary TEXT, description TEXT) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  RETURN to_tsvector('simple'::regconfig,
                     public.unaccent('public.unaccent'::regdictionary,
                                     coalesce(summary, '') || ' ' || coalesce(description, '')));

CREATE FUNCTION redress_is_iso_date(value TEXT) RETURNS BOOLEAN
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  RETURN value ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' AND to_char(value::date, 'YYYY-MM-DD') = value;
EXCEPTION WHEN others THEN
  RETURN FALSE;
END;
$$;

CREATE DOMAIN iso_date AS TEXT COLLATE "C" CHECK (redress_is_iso_date(VALUE));

CREATE TABLE teams (
  code TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL
);

-- The organisation: one row, created here so that it always exists.
CREATE TABLE settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  division TEXT NOT NULL
    CHECK (division IN ('england-and-wales', 'scotland', 'northern-ireland')),
  independent_team TEXT COLLATE "C" REFERENCES teams (code),
  children_team TEXT COLLATE "C" REFERENCES teams (code)
);
INSERT INTO settings (id, name, division) VALUES (1, '', 'england-and-wales');

CREATE TABLE service_areas (
  code TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  team TEXT COLLATE "C" NOT NULL REFERENCES teams (code)
);

CREATE TABLE categories (
  code TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  active BOOLEAN NOT NULL
);

CREATE TABLE root_causes (
  code TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL,
  active BOOLEAN NOT NULL
);

CREATE TABLE closure_days (
  date iso_date PRIMARY KEY,
  reason TEXT NOT NULL
);

CREATE TABLE designations (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service_area TEXT COLLATE "C" NOT NULL REFERENCES service_areas (code),
  from_date iso_date NOT NULL,
  to_date iso_date,
  CHECK (to_date IS NULL OR to_date >= from_date)
);

CREATE TABLE users (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username TEXT COLLATE "C" NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'complaints_officer', 'case_handler', 'manager', 'viewer')),
  team TEXT COLLATE "C" REFERENCES teams (code),
  password_hash TEXT NOT NULL,
  active BOOLEAN NOT NULL
);

CREATE TABLE api_tokens (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users (id),
  token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT,
  expires_on iso_date
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- The next number of each reference series per year: a counter row per prefix and year, taken
-- with UPDATE ... RETURNING (or created by INSERT ... ON CONFLICT) inside the transaction that
-- uses it. The row stays locked until that transaction ends, so two instances never hand out the
-- same number, and a rolled-back transaction gives its number back: references are gap-free.
CREATE TABLE reference_sequences (
  prefix TEXT COLLATE "C" NOT NULL,
  year INTEGER NOT NULL,
  next_value BIGINT NOT NULL CHECK (next_value >= 1),
  PRIMARY KEY (prefix, year)
);

CREATE TABLE service_requests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  channel TEXT NOT NULL
    CHECK (channel IN ('phone', 'email', 'letter', 'in_person', 'web_form', 'social_media')),
  received_on iso_date NOT NULL,
  service_area TEXT COLLATE "C" REFERENCES service_areas (code),
  category TEXT COLLATE "C" REFERENCES categories (code),
  summary TEXT NOT NULL,
  description TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  requester_email TEXT NOT NULL,
  requester_phone TEXT NOT NULL,
  requester_address TEXT NOT NULL,
  requester_postcode TEXT NOT NULL,
  team TEXT COLLATE "C" REFERENCES teams (code),
  status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
  resolved_on iso_date,
  resolution TEXT NOT NULL,
  -- REFERENCES complaints (reference), added below once complaints exists.
  complaint_reference TEXT COLLATE "C"
);
CREATE INDEX service_requests_status ON service_requests (status, received_on);
CREATE INDEX service_requests_complaint ON service_requests (complaint_reference)
  WHERE complaint_reference IS NOT NULL;

CREATE TABLE complaints (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  regime TEXT NOT NULL CHECK (regime IN ('housing', 'corporate', 'children', 'adults')),
  channel TEXT NOT NULL
    CHECK (channel IN ('phone', 'email', 'letter', 'in_person', 'web_form', 'social_media')),
  service_area TEXT COLLATE "C" NOT NULL REFERENCES service_areas (code),
  category TEXT COLLATE "C" NOT NULL REFERENCES categories (code),
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
  received_on iso_date NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('awaiting_acknowledgement', 'in_progress', 'responded',
                                         'closed', 'not_accepted', 'withdrawn')),
  -- The refusal, if any: all three NULL when there is none.
  refusal_decided_on iso_date,
  refusal_reason TEXT CHECK (refusal_reason IN ('older_than_12_months', 'legal_proceedings',
                                                'previously_considered', 'other')),
  refusal_explanation TEXT,
  -- The withdrawal, if any: all three NULL when there is none.
  withdrawn_on iso_date,
  withdrawal_reason TEXT,
  withdrawal_status_before TEXT
    CHECK (withdrawal_status_before IN ('awaiting_acknowledgement', 'in_progress', 'responded',
                                        'closed', 'not_accepted', 'withdrawn')),
  closed_on iso_date,
  service_request_reference TEXT COLLATE "C" REFERENCES service_requests (reference),
  restricted BOOLEAN NOT NULL,
  reopen_count INTEGER NOT NULL CHECK (reopen_count >= 0),
  current_stage INTEGER NOT NULL CHECK (current_stage >= 1),
  team TEXT COLLATE "C" REFERENCES teams (code),
  handler TEXT COLLATE "C" NOT NULL,
  due_on iso_date,
  email_key TEXT COLLATE "C" NOT NULL,
  phone_key TEXT COLLATE "C" NOT NULL,
  property_key TEXT COLLATE "C" NOT NULL,
  matter_arose_on iso_date CHECK (matter_arose_on IS NULL OR matter_arose_on <= received_on),
  -- Free-text search (ComplaintQuery::text), kept by the server in the same transaction as the
  -- change: a search inside a Write sees that Write's own complaints.
  search tsvector GENERATED ALWAYS AS (redress_search_vector(summary, description)) STORED,
  CHECK ((representative_name IS NULL) = (representative_email IS NULL)
         AND (representative_name IS NULL) = (representative_phone IS NULL)
         AND (representative_name IS NULL) = (representative_address IS NULL)
         AND (representative_name IS NULL) = (representative_postcode IS NULL)),
  CHECK ((refusal_decided_on IS NULL) = (refusal_reason IS NULL)
         AND (refusal_decided_on IS NULL) = (refusal_explanation IS NULL)),
  CHECK ((withdrawn_on IS NULL) = (withdrawal_reason IS NULL)
         AND (withdrawn_on IS NULL) = (withdrawal_status_before IS NULL))
);
ALTER TABLE service_requests ADD FOREIGN KEY (complaint_reference) REFERENCES complaints (reference);
CREATE INDEX complaints_status ON complaints (status, reference);
CREATE INDEX complaints_regime ON complaints (regime, reference);
CREATE INDEX complaints_service_area ON complaints (service_area, reference);
CREATE INDEX complaints_handler ON complaints (handler, reference);
CREATE INDEX complaints_category_received ON complaints (category, received_on);
CREATE INDEX complaints_service_request ON complaints (service_request_reference)
  WHERE service_request_reference IS NOT NULL;
CREATE INDEX complaints_received ON complaints (received_on, reference);
CREATE INDEX complaints_due ON complaints (due_on, reference) WHERE due_on IS NOT NULL;
CREATE INDEX complaints_team ON complaints (team, status, reference);
CREATE INDEX complaints_service_area_status ON complaints (service_area, status, reference);
CREATE INDEX complaints_status_due ON complaints (status, due_on, reference)
  WHERE due_on IS NOT NULL;
CREATE INDEX complaints_escalated ON complaints (current_stage, reference) WHERE current_stage <> 1;
CREATE INDEX complaints_restricted ON complaints (restricted) WHERE restricted;
CREATE INDEX complaints_email_repeats ON complaints (email_key, category, received_on)
  WHERE email_key <> '';
CREATE INDEX complaints_phone_repeats ON complaints (phone_key, category, received_on)
  WHERE phone_key <> '';
CREATE INDEX complaints_property_repeats ON complaints (property_key, category, received_on)
  WHERE property_key <> '';
CREATE INDEX complaints_search ON complaints USING GIN (search);

-- The year a complaint was received is part of its reference.
CREATE FUNCTION complaints_received_year_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF substr(NEW.received_on, 1, 4) IS DISTINCT FROM substr(OLD.received_on, 1, 4) THEN
    RAISE EXCEPTION 'the year a complaint was received is part of its reference'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER complaints_received_year_fixed BEFORE UPDATE OF received_on ON complaints
  FOR EACH ROW EXECUTE FUNCTION complaints_received_year_fixed();

CREATE TABLE complaint_stages (
  complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  number INTEGER NOT NULL CHECK (number >= 1),
  started_on iso_date NOT NULL,
  escalation_reason TEXT NOT NULL,
  team TEXT COLLATE "C" REFERENCES teams (code),
  handler TEXT NOT NULL,
  acknowledge_by iso_date NOT NULL,
  acknowledged_on iso_date,
  respond_by_original iso_date,
  respond_by iso_date,
  outside_code BOOLEAN NOT NULL,
  reopened_on iso_date,
  first_responded_on iso_date,
  responded_on iso_date,
  outcome TEXT CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
  learning TEXT,
  responded_by TEXT,
  CHECK ((responded_on IS NULL) = (outcome IS NULL)
         AND (responded_on IS NULL) = (learning IS NULL)
         AND (responded_on IS NULL) = (responded_by IS NULL)),
  PRIMARY KEY (complaint_id, number)
);
CREATE INDEX complaint_stages_started ON complaint_stages (started_on);
CREATE INDEX complaint_stages_team ON complaint_stages (team);

CREATE TABLE stage_extensions (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  decided_on iso_date NOT NULL,
  working_days INTEGER NOT NULL,
  reason TEXT NOT NULL,
  good_reason TEXT NOT NULL,
  previous_due iso_date NOT NULL,
  new_due iso_date NOT NULL,
  within_code BOOLEAN NOT NULL,
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);

CREATE TABLE stage_root_causes (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  root_cause TEXT COLLATE "C" NOT NULL REFERENCES root_causes (code),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);
CREATE INDEX stage_root_causes_root_cause ON stage_root_causes (root_cause);

CREATE TABLE stage_remedies (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  type TEXT NOT NULL CHECK (type IN ('apology', 'acknowledge_fault', 'explanation',
                                     'action_on_delay', 'change_of_decision', 'amend_record',
                                     'financial', 'works', 'change_of_policy')),
  amount_pence BIGINT NOT NULL CHECK (amount_pence >= 0),
  description TEXT NOT NULL,
  CHECK (type = 'financial' OR amount_pence = 0),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);

CREATE TABLE stage_actions (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  description TEXT NOT NULL,
  due_on iso_date,
  owner TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'done')),
  completed_on iso_date,
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);
CREATE INDEX stage_actions_open ON stage_actions (due_on) WHERE status = 'open';

CREATE TABLE stage_earlier_responses (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  responded_on iso_date NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
  learning TEXT NOT NULL,
  responded_by TEXT NOT NULL,
  -- JSON arrays as text, exactly as written (the SQLite schema's json_valid checks, here by type).
  root_causes TEXT NOT NULL CHECK (json_typeof(root_causes::json) = 'array'),
  remedies TEXT NOT NULL CHECK (json_typeof(remedies::json) = 'array'),
  actions TEXT NOT NULL CHECK (json_typeof(actions::json) = 'array'),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);

CREATE TABLE stage_reopenings (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  reopened_on iso_date NOT NULL,
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);

CREATE TABLE stage_procedures (
  complaint_id BIGINT NOT NULL,
  stage INTEGER NOT NULL,
  record_agreed_on iso_date,
  investigating_officer TEXT,
  independent_person TEXT,
  adjudicating_officer TEXT,
  adjudicated_on iso_date,
  panel_met_on iso_date,
  panel_member_1 TEXT,
  panel_member_2 TEXT,
  panel_member_3 TEXT,
  panel_report_on iso_date,
  panel_meet_by iso_date,
  panel_report_by iso_date,
  discussion_offered_on iso_date,
  discussion_take_up TEXT CHECK (discussion_take_up IN ('taken_up', 'declined', 'no_reply')),
  discussion_notes TEXT,
  period_agreed_on iso_date,
  agreed_respond_by iso_date,
  late_notice_on iso_date,
  late_notice_reason TEXT,
  late_notice_expected_by iso_date,
  CHECK ((record_agreed_on IS NULL) = (investigating_officer IS NULL)
         AND (record_agreed_on IS NULL) = (independent_person IS NULL)),
  CHECK ((adjudicated_on IS NULL) = (adjudicating_officer IS NULL)),
  CHECK ((panel_met_on IS NULL) = (panel_member_1 IS NULL)
         AND (panel_met_on IS NULL) = (panel_member_2 IS NULL)
         AND (panel_met_on IS NULL) = (panel_member_3 IS NULL)),
  CHECK ((discussion_offered_on IS NULL) = (discussion_take_up IS NULL)
         AND (discussion_offered_on IS NULL) = (discussion_notes IS NULL)),
  CHECK ((period_agreed_on IS NULL) = (agreed_respond_by IS NULL)),
  CHECK ((late_notice_on IS NULL) = (late_notice_reason IS NULL)),
  PRIMARY KEY (complaint_id, stage),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
);

CREATE TABLE complaint_repeats (
  complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  repeat_of TEXT COLLATE "C" NOT NULL REFERENCES complaints (reference),
  PRIMARY KEY (complaint_id, position)
);
CREATE INDEX complaint_repeats_repeat_of ON complaint_repeats (repeat_of);

CREATE TABLE complaint_earlier_refusals (
  complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  decided_on iso_date NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('older_than_12_months', 'legal_proceedings',
                                         'previously_considered', 'other')),
  explanation TEXT NOT NULL,
  PRIMARY KEY (complaint_id, position)
);

CREATE TABLE complaint_earlier_withdrawals (
  complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  withdrawn_on iso_date NOT NULL,
  reason TEXT NOT NULL,
  status_before TEXT NOT NULL
    CHECK (status_before IN ('awaiting_acknowledgement', 'in_progress', 'responded', 'closed',
                             'not_accepted', 'withdrawn')),
  PRIMARY KEY (complaint_id, position)
);

CREATE TABLE complaint_notes (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) > 0)
);
CREATE INDEX complaint_notes_complaint ON complaint_notes (complaint_id, id);

CREATE TABLE complaint_links (
  from_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  to_id BIGINT NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('related', 'duplicate_of', 'repeat_of')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id),
  CHECK (from_id <> to_id)
);
CREATE UNIQUE INDEX complaint_links_pair
  ON complaint_links (LEAST(from_id, to_id), GREATEST(from_id, to_id));
CREATE INDEX complaint_links_to ON complaint_links (to_id);

-- The hash-chained event log (storage/common/audit_chain.hpp). sequence is handed out by the
-- append under the lock of audit_chain_head's row, never by a sequence object (which would leave
-- gaps and could commit out of order).
CREATE TABLE events (
  sequence BIGINT PRIMARY KEY CHECK (sequence >= 1),
  entity_type TEXT NOT NULL CHECK (length(entity_type) > 0),
  entity_ref TEXT COLLATE "C" NOT NULL,
  type TEXT NOT NULL CHECK (length(type) > 0),
  occurred_on iso_date NOT NULL,
  stage INTEGER NOT NULL CHECK (stage >= 0),
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_typeof(changes::json) = 'array'),
  recorded_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX events_entity ON events (entity_type, entity_ref, sequence);

-- The chain's head: the highest sequence ever handed out and its hash. Every append locks this
-- one row (SELECT ... FOR UPDATE) until its transaction ends, so that appends from any number of
-- connections and instances form one chain in commit order. Not a session advisory lock, which a
-- transaction-pooling connection pooler would break. It also keeps the highest sequence after the
-- last events are deleted, so that the verifier notices their removal (as sqlite_sequence does).
CREATE TABLE audit_chain_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sequence BIGINT NOT NULL CHECK (sequence >= 0),
  hash TEXT NOT NULL
);
INSERT INTO audit_chain_head (id, sequence, hash) VALUES (1, 0, '');

CREATE TABLE sessions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  token_hash TEXT COLLATE "C" NOT NULL UNIQUE,
  user_id BIGINT NOT NULL REFERENCES users (id),
  csrf_token_hash TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL CHECK (expires_at >= created_at)
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE sign_in_attempts (
  username TEXT COLLATE "C" PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL CHECK (consecutive_failures >= 0),
  last_failure_at BIGINT NOT NULL
);

CREATE TABLE homes_owned (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  homes BIGINT NOT NULL CHECK (homes > 0)
);

CREATE TABLE tenant_satisfaction (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  satisfied_tenths INTEGER NOT NULL CHECK (satisfied_tenths BETWEEN 0 AND 1000),
  sample_size INTEGER NOT NULL CHECK (sample_size > 0)
);

CREATE TABLE ombudsman_cases (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  ombudsman TEXT NOT NULL CHECK (ombudsman IN ('housing_ombudsman', 'lgsco')),
  ombudsman_reference TEXT NOT NULL,
  summary TEXT NOT NULL,
  referred_on iso_date,
  enquiry_received_on iso_date,
  information_due_on iso_date,
  information_sent_on iso_date,
  draft_decision_on iso_date,
  final_decision_on iso_date,
  lgsco_decision TEXT,
  satisfactory_remedy_by_council BOOLEAN NOT NULL
);

CREATE TABLE ombudsman_case_complaints (
  case_id BIGINT NOT NULL REFERENCES ombudsman_cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  complaint TEXT COLLATE "C" NOT NULL REFERENCES complaints (reference),
  PRIMARY KEY (case_id, position)
);
CREATE INDEX ombudsman_case_complaints_complaint ON ombudsman_case_complaints (complaint);

CREATE TABLE ombudsman_findings (
  case_id BIGINT NOT NULL REFERENCES ombudsman_cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  element TEXT NOT NULL,
  finding TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE ombudsman_remedies (
  case_id BIGINT NOT NULL REFERENCES ombudsman_cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('order', 'recommendation')),
  type TEXT NOT NULL,
  description TEXT NOT NULL,
  due_on iso_date NOT NULL,
  completed_on iso_date,
  evidence TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
);

CREATE TABLE failure_orders (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  ombudsman_case TEXT COLLATE "C" REFERENCES ombudsman_cases (reference),
  ombudsman_reference TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('type_1', 'type_2', 'type_3')),
  ground TEXT NOT NULL,
  description TEXT NOT NULL,
  issued_on iso_date NOT NULL,
  due_on iso_date NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'complied', 'not_complied')),
  complied_on iso_date
);

CREATE TABLE lgsco_letters (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  complaints_and_enquiries_received INTEGER NOT NULL CHECK (complaints_and_enquiries_received >= 0),
  decisions_made INTEGER NOT NULL CHECK (decisions_made >= 0),
  not_for_us INTEGER NOT NULL CHECK (not_for_us >= 0),
  assessed_and_closed INTEGER NOT NULL CHECK (assessed_and_closed >= 0),
  investigated INTEGER NOT NULL CHECK (investigated >= 0),
  upheld INTEGER NOT NULL CHECK (upheld >= 0),
  uphold_rate_percent DOUBLE PRECISION,
  average_uphold_rate_percent DOUBLE PRECISION,
  compliance_percent DOUBLE PRECISION,
  satisfactory_remedy_by_council INTEGER NOT NULL CHECK (satisfactory_remedy_by_council >= 0),
  comparison_group TEXT NOT NULL
);

CREATE TABLE learning_actions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  source TEXT NOT NULL CHECK (source IN ('complaints', 'ombudsman_case', 'theme')),
  ombudsman_case TEXT COLLATE "C" REFERENCES ombudsman_cases (reference),
  category TEXT COLLATE "C" REFERENCES categories (code),
  root_cause TEXT COLLATE "C" REFERENCES root_causes (code),
  lesson TEXT NOT NULL,
  action TEXT NOT NULL,
  owner TEXT COLLATE "C" NOT NULL REFERENCES users (username),
  raised_on iso_date NOT NULL,
  due_on iso_date NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'completed', 'cancelled')),
  evidence TEXT NOT NULL,
  completed_on iso_date
);

CREATE TABLE learning_action_complaints (
  action_id BIGINT NOT NULL REFERENCES learning_actions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  complaint TEXT COLLATE "C" NOT NULL REFERENCES complaints (reference),
  PRIMARY KEY (action_id, position)
);

CREATE TABLE self_assessments (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  version BIGINT NOT NULL CHECK (version >= 1),
  approved_on iso_date,
  meeting TEXT,
  minute_reference TEXT,
  response TEXT
);

CREATE TABLE self_assessment_provisions (
  financial_year INTEGER NOT NULL REFERENCES self_assessments (financial_year) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  provision TEXT COLLATE "C" NOT NULL,
  section TEXT NOT NULL,
  requirement TEXT NOT NULL,
  compliance TEXT CHECK (compliance IN ('complies', 'partly', 'does_not_comply')),
  evidence TEXT NOT NULL,
  commentary TEXT NOT NULL,
  action TEXT NOT NULL,
  action_due_on iso_date,
  PRIMARY KEY (financial_year, provision)
);

-- Readiness: GET /readyz proves the database can be written by writing this one row and
-- committing. Not data: nothing reads it, nothing audits it.
CREATE TABLE readiness_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  probed_at TEXT NOT NULL
);
