-- Correspondence (SQLite migration 0014) and attachments (SQLite migration 0015) on PostgreSQL:
-- the same tables, columns, keys and checks, in the conventions of 0001_initial.sql. New tables
-- only.

-- A letter is written once and never updated: the store has no statement that updates it. Its
-- PDF is kept as bytes with its SHA-256, which the audit event of its issue also carries.
CREATE TABLE letters (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  complaint_id BIGINT NOT NULL REFERENCES complaints (id),
  number INTEGER NOT NULL CHECK (number >= 1),
  type TEXT NOT NULL,
  stage INTEGER NOT NULL CHECK (stage >= 1),
  issued_on iso_date NOT NULL,
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'both')),
  format TEXT NOT NULL CHECK (format IN ('standard', 'large_print', 'easy_read')),
  recipient_name TEXT NOT NULL,
  recipient_email TEXT NOT NULL,
  recipient_address TEXT NOT NULL,
  template_version BIGINT NOT NULL CHECK (template_version >= 0),
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  pdf BYTEA NOT NULL,
  pages INTEGER NOT NULL CHECK (pages BETWEEN 1 AND 10),
  sha256 TEXT COLLATE "C" NOT NULL CHECK (length(sha256) = 64),
  corrects INTEGER CHECK (corrects IS NULL OR corrects < number),
  UNIQUE (complaint_id, number)
);

CREATE TABLE letter_templates (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  type TEXT COLLATE "C" NOT NULL,
  regime TEXT COLLATE "C" NOT NULL DEFAULT '',  -- '' = every regime without its own
  version BIGINT NOT NULL CHECK (version >= 1),
  text TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  UNIQUE (type, regime, version)
);

-- One row per email to send. Claimed with SELECT ... FOR UPDATE SKIP LOCKED and an UPDATE that
-- sets claim_token and lease_expires_at; the attempt is counted in that UPDATE, before the send.
CREATE TABLE outbox (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  letter_id BIGINT NOT NULL UNIQUE REFERENCES letters (id),
  message_id TEXT COLLATE "C" NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL,
  next_attempt_at BIGINT NOT NULL,
  claim_token TEXT NOT NULL DEFAULT '',
  lease_expires_at BIGINT NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at BIGINT
);
CREATE INDEX outbox_due ON outbox (state, next_attempt_at);

-- The complainant's contact preferences and reasonable adjustments, one row per complaint that
-- recorded any (a complaint without one has the defaults of core::DefaultContactPreferences).
CREATE TABLE complaint_contact_preferences (
  complaint_id BIGINT PRIMARY KEY REFERENCES complaints (id),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'both')),
  format TEXT NOT NULL CHECK (format IN ('standard', 'large_print', 'easy_read')),
  language TEXT NOT NULL,
  copy_representative BOOLEAN NOT NULL
);

-- Files attached to cases. The content lives outside the database, in the file store, named by
-- its SHA-256; these rows are what is known about each attachment. A removed attachment keeps
-- its row (history is never lost) with who removed it, when and why.
CREATE TABLE attachments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  attached_to TEXT NOT NULL
    CHECK (attached_to IN ('complaint', 'service_request', 'ombudsman_case', 'learning_action')),
  reference TEXT COLLATE "C" NOT NULL CHECK (length(reference) > 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type TEXT NOT NULL CHECK (length(media_type) > 0),
  size BIGINT NOT NULL CHECK (size > 0),
  sha256 TEXT COLLATE "C" NOT NULL CHECK (length(sha256) = 64),
  description TEXT NOT NULL,
  supplier TEXT NOT NULL CHECK (supplier IN ('staff', 'resident')),
  scan_state TEXT NOT NULL CHECK (scan_state IN ('pending', 'clean', 'infected', 'not_scanned')),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  removed_by TEXT,
  removed_at TEXT,
  removal_reason TEXT,
  CHECK ((removed_at IS NULL) = (removal_reason IS NULL))
);
CREATE INDEX attachments_record ON attachments (attached_to, reference, id);
CREATE INDEX attachments_content ON attachments (sha256) WHERE removed_at IS NULL;

-- The allow-list and limits an admin keeps: one row; the defaults until one is saved.
CREATE TABLE attachment_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  max_file_bytes BIGINT NOT NULL CHECK (max_file_bytes > 0),
  max_case_bytes BIGINT NOT NULL CHECK (max_case_bytes >= max_file_bytes),
  allowed TEXT NOT NULL CHECK (json_typeof(allowed::json) = 'array')
);
