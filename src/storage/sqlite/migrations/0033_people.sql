-- The people index (issue 20, app/people_repository.hpp): staff decisions on the matches
-- core/people_index.hpp proposes, the latest per person and record; each decision is also an
-- event on the record. The people are computed on read (docs/data-protection.md), so there is no
-- table of them: person_id names the record a person was found from ("CMP-2025-000001.complainant").
-- IF NOT EXISTS: the store tests that roll a database back to an older schema drop only the tables
-- of the migrations they know.
CREATE TABLE IF NOT EXISTS person_records (
  id INTEGER PRIMARY KEY,
  person_id TEXT NOT NULL CHECK (length(person_id) > 0),
  record_type TEXT NOT NULL CHECK (record_type IN ('complaint', 'service_request')),
  reference TEXT NOT NULL CHECK (length(reference) > 0),
  role TEXT NOT NULL CHECK (role IN ('complainant', 'representative', 'requester')),
  state TEXT NOT NULL CHECK (state IN ('proposed', 'confirmed', 'rejected')),
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  UNIQUE (person_id, record_type, reference, role)
) STRICT;
