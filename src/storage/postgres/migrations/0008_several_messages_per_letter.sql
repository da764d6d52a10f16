-- A letter may have several outbox messages (issue 15): its own, a copy to the complainant's
-- representative, each resend, every one with its own Message-ID (still unique). SQLite's 0016
-- did the same; here the unique constraint on letter_id is dropped in place (IF EXISTS: another
-- migration that rebuilds the outbox for digests may already have dropped it) and an ordinary
-- index keeps a complaint's messages quick to find.
ALTER TABLE outbox DROP CONSTRAINT IF EXISTS outbox_letter_id_key;
CREATE INDEX IF NOT EXISTS outbox_letter ON outbox (letter_id);
