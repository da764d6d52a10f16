-- The post room's printings of posted letters (issue 15; SQLite migration 0023): one row per
-- letter, written once when the print batch it was in is marked printed, never changed. A letter
-- that goes by post is waiting for the post room until it has a row here.
CREATE TABLE IF NOT EXISTS letter_printings (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  letter_id BIGINT NOT NULL UNIQUE REFERENCES letters (id),
  batch_date iso_date NOT NULL,
  printed_by TEXT NOT NULL,
  printed_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS letter_printings_batch ON letter_printings (batch_date);
-- The day's batch reads the posted letters by issue date.
CREATE INDEX IF NOT EXISTS letters_posted ON letters (issued_on) WHERE channel IN ('post', 'both');
