-- Complaint lists, free-text search and counts at a million complaints: indexes for the common
-- dashboard lists, the guard that lets a range of receipt dates bound the references, and the
-- dictionary of indexed words that turns the last word of a search into whole words.
--
-- Every statement may run again on a database that already has its object (IF NOT EXISTS, OR
-- IGNORE): tests take a database back to an earlier version without dropping what this adds.

-- A service area's dashboard: its cases of one status, in reference order (and its counts by
-- status, read from the index alone).
CREATE INDEX IF NOT EXISTS complaints_service_area_status
  ON complaints (service_area, status, reference);

-- The cases of one status by deadline. Only pending cases have a due_on, so the index holds only
-- them; the store asks for `due_on IS NOT NULL` in so many words for SQLite to use it.
CREATE INDEX IF NOT EXISTS complaints_status_due
  ON complaints (status, due_on, reference) WHERE due_on IS NOT NULL;

-- Escalated cases by stage, in reference order. Most cases never leave stage 1, and a list of
-- stage 1 finds its rows at once in any order, so the index leaves them out: a new complaint adds
-- nothing to it. The store adds `current_stage <> 1` to a filter on a later stage, word for word,
-- for SQLite to use it (`<>` is never an index constraint, so `current_stage = ?` stays the one
-- that keeps the reference order).
CREATE INDEX IF NOT EXISTS complaints_escalated
  ON complaints (current_stage, reference) WHERE current_stage <> 1;

-- The restricted cases, few: a count for a team lists the ones hidden from it from here, once,
-- and can then count from an index alone. A new complaint is rarely restricted.
CREATE INDEX IF NOT EXISTS complaints_restricted
  ON complaints (restricted) WHERE restricted = 1;

-- A reference begins with the year the complaint was received ("CMP-2024-000123", given at
-- insert), so a list in reference order filtered on receipt dates reads only the references of
-- those years. That holds only while the received year of a stored complaint never changes: no
-- use case changes it, and this makes it an error rather than a silently wrong list.
CREATE TRIGGER IF NOT EXISTS complaints_received_year_fixed
  BEFORE UPDATE OF received_on ON complaints
  WHEN substr(new.received_on, 1, 4) IS NOT substr(old.received_on, 1, 4) BEGIN
  SELECT RAISE(ABORT, 'the year a complaint was received is part of its reference');
END;

-- Every word the full-text index holds, or has held: the store expands the last word of a
-- search, a prefix, into the words it begins ("mou" into "mould" OR "mouse"). FTS5 answers a
-- prefix by merging the whole posting list of every such word before it returns a row, whereas
-- whole words are read lazily in rowid order and a page stops early. The store adds the words of
-- every text it indexes, in the same transaction (sqlite_store.cpp, SyncTextIndex); a word whose
-- text was changed stays, which only costs an empty branch of an OR.
CREATE TABLE IF NOT EXISTS complaints_fts_terms (
  term TEXT PRIMARY KEY
) STRICT, WITHOUT ROWID;
CREATE VIRTUAL TABLE temp.complaints_fts_vocabulary USING fts5vocab(main, complaints_fts, row);
INSERT OR IGNORE INTO complaints_fts_terms (term)
  SELECT term FROM temp.complaints_fts_vocabulary;
DROP TABLE temp.complaints_fts_vocabulary;
