-- Staff email addresses and the daily reminder digests (issue 15; issues 18 and 21 use the
-- address too).

-- '' = no address. An address is unique among users whatever its case, so that a reminder, a
-- password reset or a sign-in by identity provider reaches one person.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN reminder_digest INTEGER NOT NULL DEFAULT 1
  CHECK (reminder_digest IN (0, 1));
CREATE UNIQUE INDEX IF NOT EXISTS users_email ON users (lower(email)) WHERE email <> '';

-- A person's reminder digest for a working day, written once. The unique key is the guard that
-- sends it once, however many server instances run the schedule.
CREATE TABLE IF NOT EXISTS reminder_digests (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL REFERENCES users (username),
  sent_on TEXT NOT NULL CHECK (sent_on IS date(sent_on, '+0 days')),
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  cases INTEGER NOT NULL CHECK (cases >= 1),
  created_at TEXT NOT NULL,
  UNIQUE (username, sent_on)
);

-- The outbox carries digests beside letters: exactly one of letter_id and digest_id. A letter may
-- have several messages (a resend, a copy to a representative), each its own Message-ID. SQLite
-- cannot relax a NOT NULL or drop a UNIQUE in place, so the table is rebuilt with its rows
-- (nothing refers to it).
CREATE TABLE outbox_next (
  id INTEGER PRIMARY KEY,
  letter_id INTEGER REFERENCES letters (id),
  digest_id INTEGER UNIQUE REFERENCES reminder_digests (id),
  message_id TEXT NOT NULL UNIQUE,
  recipient TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  claim_token TEXT NOT NULL DEFAULT '',
  lease_expires_at INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at INTEGER,
  CHECK ((letter_id IS NULL) <> (digest_id IS NULL))
);
INSERT INTO outbox_next (id, letter_id, message_id, recipient, state, attempts, created_at,
                         next_attempt_at, claim_token, lease_expires_at, last_error, sent_at)
  SELECT id, letter_id, message_id, recipient, state, attempts, created_at, next_attempt_at,
         claim_token, lease_expires_at, last_error, sent_at FROM outbox;
DROP TABLE outbox;
ALTER TABLE outbox_next RENAME TO outbox;
CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS outbox_letter ON outbox (letter_id);
