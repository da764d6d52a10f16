-- Finding people: a complaint is searched by its reference and its complainant's and
-- representative's contact details as well as its summary and description, and the same person's
-- other cases are found by a key of name and postcode as well as by e-mail and phone.
--
-- people_text is core::PeopleSearchText of the complaint, written by the store with every save
-- (the contact details as written and normalised: the one normalisation lives in the core). The
-- complaints already stored get theirs from redress_people_search_text, the same function
-- registered on the store's writing connection (storage/sqlite/search_functions.cpp).
ALTER TABLE complaints ADD COLUMN people_text TEXT NOT NULL DEFAULT '';
-- core::PersonKeyOf(complainant).name_postcode: "amira khan|sw1a1aa", '' unless both are known.
ALTER TABLE complaints ADD COLUMN person_key TEXT NOT NULL DEFAULT '';
UPDATE complaints SET
  people_text = redress_people_search_text(
    reference, complainant_name, complainant_email, complainant_phone, complainant_address,
    complainant_postcode, representative_name, representative_email, representative_phone,
    representative_address, representative_postcode),
  person_key = redress_person_key(complainant_name, complainant_postcode);

-- The same person's other cases (ComplaintRepository::ListByPerson) by name and postcode; by
-- e-mail and phone they are found through the repeat check's indexes (migration 0010), which
-- lead with the same keys.
CREATE INDEX complaints_person ON complaints (person_key, received_on) WHERE person_key <> '';

-- The full-text index takes a third column, people_text (see 0002 for how it is kept).
-- (IF EXISTS: tests take a database back to an earlier version by dropping the triggers.)
DROP TRIGGER IF EXISTS complaints_fts_insert;
DROP TRIGGER IF EXISTS complaints_fts_update;
DROP TRIGGER IF EXISTS complaints_fts_delete;
DROP TABLE complaints_fts_pending;
DROP TABLE complaints_fts;
CREATE VIRTUAL TABLE complaints_fts USING fts5 (
  summary,
  description,
  people_text,
  content = 'complaints',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE complaints_fts_pending (
  id INTEGER PRIMARY KEY,  -- complaints.id
  indexed_summary TEXT,
  indexed_description TEXT,
  indexed_people_text TEXT
) STRICT;
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
  INSERT OR IGNORE INTO complaints_fts_pending
    (id, indexed_summary, indexed_description, indexed_people_text)
    VALUES (new.id, NULL, NULL, NULL);
END;
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF summary, description, people_text ON complaints
  WHEN old.summary IS NOT new.summary OR old.description IS NOT new.description
    OR old.people_text IS NOT new.people_text BEGIN
  INSERT OR IGNORE INTO complaints_fts_pending
    (id, indexed_summary, indexed_description, indexed_people_text)
    VALUES (old.id, old.summary, old.description, old.people_text);
END;
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
  INSERT OR IGNORE INTO complaints_fts_pending
    (id, indexed_summary, indexed_description, indexed_people_text)
    VALUES (old.id, old.summary, old.description, old.people_text);
END;
INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild');

-- The dictionary of indexed words (0005) takes the words of people_text.
CREATE VIRTUAL TABLE temp.complaints_fts_vocabulary USING fts5vocab(main, complaints_fts, row);
INSERT OR IGNORE INTO complaints_fts_terms (term)
  SELECT term FROM temp.complaints_fts_vocabulary;
DROP TABLE temp.complaints_fts_vocabulary;
