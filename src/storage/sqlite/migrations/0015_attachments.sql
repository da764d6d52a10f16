-- Files attached to cases (issue 16). The content lives outside the database, in the file store,
-- named by its SHA-256; these rows are what is known about each attachment. A removed attachment
-- keeps its row (history is never lost) with who removed it, when and why.
-- IF NOT EXISTS: the store tests rebuild older schemas by deleting rows of schema_migrations and
-- dropping the tables of the migrations they undo; these tables may then be present already.
CREATE TABLE IF NOT EXISTS attachments (
  id INTEGER PRIMARY KEY,
  attached_to TEXT NOT NULL
    CHECK (attached_to IN ('complaint', 'service_request', 'ombudsman_case', 'learning_action')),
  reference TEXT NOT NULL CHECK (length(reference) > 0),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 255),
  media_type TEXT NOT NULL CHECK (length(media_type) > 0),
  size INTEGER NOT NULL CHECK (size > 0),
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  description TEXT NOT NULL,
  supplier TEXT NOT NULL CHECK (supplier IN ('staff', 'resident')),
  scan_state TEXT NOT NULL CHECK (scan_state IN ('pending', 'clean', 'infected', 'not_scanned')),
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL,
  removed_by TEXT,
  removed_at TEXT,
  removal_reason TEXT,
  CHECK ((removed_at IS NULL) = (removal_reason IS NULL))
) STRICT;
CREATE INDEX IF NOT EXISTS attachments_record ON attachments (attached_to, reference, id);
CREATE INDEX IF NOT EXISTS attachments_content ON attachments (sha256) WHERE removed_at IS NULL;

-- The allow-list and limits an admin keeps: one row; the defaults until one is saved.
CREATE TABLE IF NOT EXISTS attachment_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  max_file_bytes INTEGER NOT NULL CHECK (max_file_bytes > 0),
  max_case_bytes INTEGER NOT NULL CHECK (max_case_bytes >= max_file_bytes),
  allowed TEXT NOT NULL CHECK (json_valid(allowed) AND json_type(allowed) = 'array')
) STRICT;
