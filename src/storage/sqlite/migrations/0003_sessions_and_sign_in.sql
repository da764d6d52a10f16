-- Web sessions, throttling of failed sign-ins, and the audit events of both.

-- A signed-in browser. Only hashes are kept: of the cookie's token and of the CSRF token, so a
-- copy of the database signs nobody in. Times are Unix seconds (UTC). expires_at is the sliding
-- idle deadline, never later than created_at plus the absolute lifetime (app/sessions.hpp).
CREATE TABLE sessions (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  csrf_token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL CHECK (expires_at >= created_at)
) STRICT;
CREATE INDEX sessions_user ON sessions (user_id);

-- Consecutive failed sign-ins per username, whether or not such a user exists: throttling only
-- known users would tell a guesser which usernames exist. A success resets the row.
CREATE TABLE sign_in_attempts (
  username TEXT PRIMARY KEY,
  consecutive_failures INTEGER NOT NULL CHECK (consecutive_failures >= 0),
  last_failure_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- The events table again, with the event types of sign-in, sign-out and token revocation added
-- to its CHECK (SQLite cannot alter a CHECK in place). Every row is copied unchanged, so the hash
-- chain still verifies, and the AUTOINCREMENT counter is carried over so a sequence number is
-- never reused.
CREATE TABLE events_new (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_type TEXT NOT NULL
    CHECK (entity_type IN ('complaint', 'service_request', 'user', 'token', 'configuration')),
  entity_ref TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('logged', 'acknowledged', 'extended', 'responded',
                                     'escalated', 'refused', 'withdrawn', 'reopened', 'closed',
                                     'reassigned', 'note_added', 'linked', 'action_updated',
                                     'service_request_logged', 'service_request_resolved',
                                     'service_request_converted', 'configured', 'user_created',
                                     'token_created', 'token_revoked', 'signed_in',
                                     'sign_in_failed', 'locked_out', 'signed_out')),
  occurred_on TEXT NOT NULL CHECK (occurred_on IS date(occurred_on, '+0 days')),
  stage INTEGER NOT NULL CHECK (stage >= 0),
  actor TEXT NOT NULL,
  summary TEXT NOT NULL,
  changes TEXT NOT NULL CHECK (json_valid(changes) AND json_type(changes) = 'array'),
  recorded_at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
INSERT INTO events_new (sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary,
                        changes, recorded_at, prev_hash, hash)
  SELECT sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary, changes,
         recorded_at, prev_hash, hash
  FROM events ORDER BY sequence;
-- The copy sets events_new's counter to its largest sequence; the old counter may be higher.
UPDATE sqlite_sequence
  SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ('events', 'events_new'))
  WHERE name = 'events_new';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'events_new', seq FROM sqlite_sequence
  WHERE name = 'events' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events_new');
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_entity ON events (entity_type, entity_ref, sequence);
