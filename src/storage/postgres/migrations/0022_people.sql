-- The people index (issue 20): staff decisions on proposed matches; SQLite's 0033 is the same.
CREATE TABLE IF NOT EXISTS person_records (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  person_id TEXT COLLATE "C" NOT NULL CHECK (length(person_id) > 0),
  record_type TEXT COLLATE "C" NOT NULL CHECK (record_type IN ('complaint', 'service_request')),
  reference TEXT COLLATE "C" NOT NULL CHECK (length(reference) > 0),
  role TEXT COLLATE "C" NOT NULL CHECK (role IN ('complainant', 'representative', 'requester')),
  state TEXT COLLATE "C" NOT NULL CHECK (state IN ('proposed', 'confirmed', 'rejected')),
  reason TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_at TEXT NOT NULL,
  UNIQUE (person_id, record_type, reference, role)
);
