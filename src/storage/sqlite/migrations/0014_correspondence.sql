-- Correspondence (issue 15): letters kept exactly as issued, versioned letter templates, and the
-- email outbox. New tables only, so that no existing row is rewritten.

-- A letter is written once and never updated (no UPDATE trigger is needed to say so: the store
-- has no statement that updates it). Its PDF is kept as bytes with its SHA-256, which the audit
-- event of its issue also carries.
CREATE TABLE IF NOT EXISTS letters (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints(id),
  number INTEGER NOT NULL CHECK (number >= 1),
  type TEXT NOT NULL,
  stage INTEGER NOT NULL CHECK (stage >= 1),
  issued_on TEXT NOT NULL CHECK (issued_on IS date(issued_on, '+0 days')),
  issued_by TEXT NOT NULL,
  issued_at TEXT NOT NULL,
  channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'both')),
  format TEXT NOT NULL CHECK (format IN ('standard', 'large_print', 'easy_read')),
  recipient_name TEXT NOT NULL,
  recipient_email TEXT NOT NULL,
  recipient_address TEXT NOT NULL,
  template_version INTEGER NOT NULL CHECK (template_version >= 0),
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  pdf BLOB NOT NULL,
  pages INTEGER NOT NULL CHECK (pages BETWEEN 1 AND 10),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  corrects INTEGER CHECK (corrects IS NULL OR corrects < number),
  UNIQUE (complaint_id, number)
);

CREATE TABLE IF NOT EXISTS letter_templates (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL,
  regime TEXT NOT NULL DEFAULT '',  -- '' = every regime without its own
  version INTEGER NOT NULL CHECK (version >= 1),
  text TEXT NOT NULL,
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  UNIQUE (type, regime, version)
);

-- One row per email to send. Claimed by a conditional UPDATE that sets claim_token and
-- lease_expires_at; the attempt is counted in that UPDATE, before the send.
CREATE TABLE IF NOT EXISTS outbox (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER NOT NULL UNIQUE REFERENCES letters(id),
  message_id TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  claim_token TEXT NOT NULL DEFAULT '',
  lease_expires_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at INTEGER
);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);

-- The complainant's contact preferences and reasonable adjustments, one row per complaint that
-- recorded any (a complaint without one has the defaults of core::DefaultContactPreferences).
CREATE TABLE IF NOT EXISTS complaint_contact_preferences (
  complaint_id INTEGER PRIMARY KEY REFERENCES complaints(id),
  channel TEXT NOT NULL CHECK (channel IN ('email', 'post', 'both')),
  format TEXT NOT NULL CHECK (format IN ('standard', 'large_print', 'easy_read')),
  language TEXT NOT NULL,
  copy_representative INTEGER NOT NULL CHECK (copy_representative IN (0, 1))
);
