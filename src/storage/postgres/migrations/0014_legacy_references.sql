-- Cases imported from a legacy system (issue 20; docs/legacy-import.md): the legacy system's
-- reference beside the complaint it became, unique per system, so that a file imported twice
-- imports nothing the second time.
CREATE TABLE IF NOT EXISTS legacy_references (
  system TEXT COLLATE "C" NOT NULL,
  legacy_reference TEXT COLLATE "C" NOT NULL,
  complaint_reference TEXT COLLATE "C" NOT NULL UNIQUE REFERENCES complaints (reference),
  imported_at TEXT NOT NULL,
  PRIMARY KEY (system, legacy_reference)
);
