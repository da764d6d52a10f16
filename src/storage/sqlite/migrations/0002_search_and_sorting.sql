-- Free-text search over complaints, and indexes for the list's sort orders and dashboards.

-- Full-text index of each complaint's summary and description. External content: the text lives
-- only in complaints (rowid = complaints.id), the index holds the tokens. unicode61 with
-- remove_diacritics 2 folds case and accents, so "cafe" finds "café".
CREATE VIRTUAL TABLE complaints_fts USING fts5 (
  summary,
  description,
  content = 'complaints',
  content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);

-- The triggers below list the complaints whose text changed, whoever changes it; the store brings
-- the index up to date from the list once per transaction, just before it commits (a change made
-- outside the store is indexed at the store's next commit). Why not update the index in the
-- triggers directly: FTS5 writes its pending changes out as a new index segment at every savepoint, and
-- the store runs each Write of a group commit in its own savepoint, so an index updated per
-- complaint would grow (and merge) a segment per complaint rather than one per commit.
--
-- indexed_summary and indexed_description are the text the index holds for the complaint (NULL
-- when it holds none): an external content index must be given the old text to remove it. The
-- first change since the last update of the index records it; later ones keep it (OR IGNORE).
-- A case is rewritten on every action but its text rarely changes, hence the WHEN.
CREATE TABLE complaints_fts_pending (
  id INTEGER PRIMARY KEY,  -- complaints.id
  indexed_summary TEXT,
  indexed_description TEXT
) STRICT;
CREATE TRIGGER complaints_fts_insert AFTER INSERT ON complaints BEGIN
  INSERT OR IGNORE INTO complaints_fts_pending (id, indexed_summary, indexed_description)
    VALUES (new.id, NULL, NULL);
END;
CREATE TRIGGER complaints_fts_update AFTER UPDATE OF summary, description ON complaints
  WHEN old.summary IS NOT new.summary OR old.description IS NOT new.description BEGIN
  INSERT OR IGNORE INTO complaints_fts_pending (id, indexed_summary, indexed_description)
    VALUES (old.id, old.summary, old.description);
END;
CREATE TRIGGER complaints_fts_delete AFTER DELETE ON complaints BEGIN
  INSERT OR IGNORE INTO complaints_fts_pending (id, indexed_summary, indexed_description)
    VALUES (old.id, old.summary, old.description);
END;

-- Index what the database already holds.
INSERT INTO complaints_fts (complaints_fts) VALUES ('rebuild');

-- The list's keyset orders: every sort ends with reference, so each sort index does too. These
-- replace indexes of 0001 on the same leading columns (a write maintains no more indexes than
-- before).
DROP INDEX complaints_received;
CREATE INDEX complaints_received ON complaints (received_on, reference);
DROP INDEX complaints_due;
CREATE INDEX complaints_due ON complaints (due_on, reference) WHERE due_on IS NOT NULL;
-- A team's dashboard: its cases by status.
DROP INDEX complaints_team;
CREATE INDEX complaints_team ON complaints (team, status, reference);
