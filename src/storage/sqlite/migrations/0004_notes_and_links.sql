-- Internal notes on complaints, links between complaints, and an events table whose kinds of
-- event and of entity are no longer listed in a CHECK.

-- A note for staff only, never sent to the complainant. Notes are never edited or removed: a
-- correction is another note. Adding one appends a 'note_added' event to the case's timeline.
CREATE TABLE complaint_notes (
  id INTEGER PRIMARY KEY,
  complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  author TEXT NOT NULL,
  created_at TEXT NOT NULL,
  text TEXT NOT NULL CHECK (length(text) > 0)
) STRICT;
CREATE INDEX complaint_notes_complaint ON complaint_notes (complaint_id, id);

-- A link between two complaints, made from one (from_id) to the other (to_id). Two complaints
-- are linked at most once, whichever way round: the expression index makes the pair unique.
CREATE TABLE complaint_links (
  from_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  to_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  relation TEXT NOT NULL CHECK (relation IN ('related', 'duplicate_of', 'repeat_of')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (from_id, to_id),
  CHECK (from_id <> to_id)
) STRICT, WITHOUT ROWID;
CREATE UNIQUE INDEX complaint_links_pair ON complaint_links (min(from_id, to_id), max(from_id, to_id));
CREATE INDEX complaint_links_to ON complaint_links (to_id);

-- The events table again, without the CHECKs that listed every type of event and of entity:
-- each feature adds some (notes, links, user changes, and later Ombudsman cases and learning
-- actions), and rebuilding the log for each would copy every event each time. The application
-- writes both from its enums and refuses a name it does not know when it reads one back. Every
-- row is copied unchanged, so the hash chain still verifies, and the AUTOINCREMENT counter is
-- carried over so a sequence number is never reused.
CREATE TABLE events_new (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  entity_type TEXT NOT NULL CHECK (length(entity_type) > 0),
  entity_ref TEXT NOT NULL,
  type TEXT NOT NULL CHECK (length(type) > 0),
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
UPDATE sqlite_sequence
  SET seq = (SELECT max(seq) FROM sqlite_sequence WHERE name IN ('events', 'events_new'))
  WHERE name = 'events_new';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'events_new', seq FROM sqlite_sequence
  WHERE name = 'events' AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'events_new');
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_entity ON events (entity_type, entity_ref, sequence);
