-- The resident's public service (issue 17): complaints made through it have the channel 'online',
-- and its form sessions and one-time codes live here rather than in one process's memory.
--
-- SQLite cannot alter a CHECK constraint, and rebuilding complaints (its full-text index, its
-- triggers, every table that refers to it) to widen one list of names is a risk out of all
-- proportion. The documented alternative (sqlite.org/lang_altertable.html, "making other kinds of
-- table schema changes") is used instead: the constraint's text is edited in the schema, which is
-- safe because the new list only adds a name, so every row already stored still satisfies it.
-- RESET makes this connection read the schema again; the CREATE TABLE below changes the schema
-- cookie, so every other connection does too. Run again on a migrated schema (the store tests
-- do), the replace finds nothing to change.
PRAGMA writable_schema = ON;
UPDATE sqlite_master
   SET sql = replace(sql, '''web_form'', ''social_media'')',
                     '''web_form'', ''social_media'', ''online'')')
 WHERE type = 'table' AND name IN ('complaints', 'service_requests');
PRAGMA writable_schema = RESET;

-- A browser's form session: found by the hash of its cookie's token; its data (the answers of an
-- unfinished complaint, the CSRF token, the case a code opened) is the portal's JSON.
CREATE TABLE IF NOT EXISTS resident_sessions (
  token_hash TEXT PRIMARY KEY,
  data TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS resident_sessions_expiry ON resident_sessions (expires_at);

-- One-time codes: one per (reference, email) pair, both kept only as keyed hashes.
CREATE TABLE IF NOT EXISTS resident_codes (
  pair_hash TEXT PRIMARY KEY,
  code_hash TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  wrong_tries INTEGER NOT NULL CHECK (wrong_tries >= 0),
  used INTEGER NOT NULL CHECK (used IN (0, 1))
) STRICT;
CREATE INDEX IF NOT EXISTS resident_codes_expiry ON resident_codes (expires_at);
