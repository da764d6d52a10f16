-- The resident's public service (issue 17), as SQLite's 0019: the channel 'online' for complaints
-- made through it, and its form sessions and one-time codes in the database, so that every
-- instance sees the same ones and a restart loses none. (The constraints are the ones 0001
-- declared unnamed, which PostgreSQL names <table>_channel_check.)
ALTER TABLE complaints DROP CONSTRAINT complaints_channel_check;
ALTER TABLE complaints ADD CONSTRAINT complaints_channel_check
  CHECK (channel IN ('phone', 'email', 'letter', 'in_person', 'web_form', 'social_media',
                     'online'));
ALTER TABLE service_requests DROP CONSTRAINT service_requests_channel_check;
ALTER TABLE service_requests ADD CONSTRAINT service_requests_channel_check
  CHECK (channel IN ('phone', 'email', 'letter', 'in_person', 'web_form', 'social_media',
                     'online'));

-- A browser's form session, found by the hash of its cookie's token; its data is the portal's JSON.
CREATE TABLE resident_sessions (
  token_hash TEXT COLLATE "C" PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX resident_sessions_expiry ON resident_sessions (expires_at);

-- One-time codes: one per (reference, email) pair, both kept only as keyed hashes. A try locks
-- the row (SELECT ... FOR UPDATE), so tries on two instances are counted one after the other.
CREATE TABLE resident_codes (
  pair_hash TEXT COLLATE "C" PRIMARY KEY,
  code_hash TEXT COLLATE "C" NOT NULL,
  expires_at BIGINT NOT NULL,
  wrong_tries INTEGER NOT NULL CHECK (wrong_tries >= 0),
  used INTEGER NOT NULL CHECK (used IN (0, 1))
);
CREATE INDEX resident_codes_expiry ON resident_codes (expires_at);
