-- Finding people (SQLite's 0020): a complaint is searched by its reference and its complainant's
-- and representative's contact details as well as its summary and description, and the same
-- person's other cases are found by a key of name and postcode as well as by e-mail and phone.
--
-- people_text is core::PeopleSearchText of the complaint and person_key
-- core::PersonKeyOf(complainant).name_postcode, both written by the store with every save (the
-- one normalisation lives in the core). The complaints already stored get theirs from the
-- migration's C++ step (migrate.cpp, FillPeopleSearch), in the same transaction as this script.
ALTER TABLE complaints ADD COLUMN people_text TEXT NOT NULL DEFAULT '';
ALTER TABLE complaints ADD COLUMN person_key TEXT COLLATE "C" NOT NULL DEFAULT '';

-- The search vector takes people_text. A generated column's expression cannot be changed in
-- PostgreSQL 15, so the column is made again (its index goes with it).
ALTER TABLE complaints DROP COLUMN search;
ALTER TABLE complaints ADD COLUMN search tsvector GENERATED ALWAYS AS
  (redress_search_vector(summary, description || ' ' || people_text)) STORED;
CREATE INDEX complaints_search ON complaints USING GIN (search);

-- The same person's other cases (ComplaintRepository::ListByPerson) by name and postcode; by
-- e-mail and phone through the repeat check's indexes, which lead with the same keys.
CREATE INDEX complaints_person ON complaints (person_key, received_on) WHERE person_key <> '';
