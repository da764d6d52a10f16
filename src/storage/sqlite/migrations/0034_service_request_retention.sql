-- Retention of service requests that never became a complaint and of subject access requests
-- (issue 20, core/retention.hpp): periods of their own with no regime, disposal run items that say
-- which kind of record they name, and the records disposed of. The two tables whose CHECKs change are rebuilt
-- (SQLite cannot alter a CHECK), so that running this again on a database rolled back by the
-- store tests is harmless.

CREATE TABLE retention_rules_0034 (
  record_type TEXT NOT NULL CHECK (record_type IN ('complaint', 'service_request', 'subject_access_request')),
  -- A complaint's period is per regime; another record's is one, stored with regime ''.
  regime TEXT NOT NULL CHECK (
    (record_type = 'complaint' AND regime IN ('housing', 'corporate', 'children', 'adults'))
    OR (record_type <> 'complaint' AND regime = '')),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (record_type, regime)
) STRICT;
INSERT INTO retention_rules_0034 (record_type, regime, years, changed_by, changed_at)
  SELECT record_type, regime, years, changed_by, changed_at FROM retention_rules;
DROP TABLE retention_rules;
ALTER TABLE retention_rules_0034 RENAME TO retention_rules;

CREATE TABLE disposal_run_items_0034 (
  run_id INTEGER NOT NULL REFERENCES disposal_runs (id),
  record_type TEXT NOT NULL DEFAULT 'complaint'
    CHECK (record_type IN ('complaint', 'service_request', 'subject_access_request')),
  reference TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('dispose', 'keep')),
  disposable_from TEXT CHECK (disposable_from IS date(disposable_from, '+0 days')),
  kept_because TEXT NOT NULL CHECK (json_valid(kept_because)),
  disposed_at TEXT NOT NULL DEFAULT '',
  kept_at_run TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(kept_at_run)),
  PRIMARY KEY (run_id, reference)
) STRICT, WITHOUT ROWID;
INSERT INTO disposal_run_items_0034 (run_id, reference, verdict, disposable_from, kept_because,
                                     disposed_at, kept_at_run)
  SELECT run_id, reference, verdict, disposable_from, kept_because, disposed_at, kept_at_run
  FROM disposal_run_items;
DROP TABLE disposal_run_items;
ALTER TABLE disposal_run_items_0034 RENAME TO disposal_run_items;

-- The service requests whose personal data was disposed of, and by which run.
CREATE TABLE IF NOT EXISTS disposed_service_requests (
  reference TEXT PRIMARY KEY REFERENCES service_requests (reference),
  run_id INTEGER NOT NULL REFERENCES disposal_runs (id),
  disposed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- The subject access requests whose personal data was disposed of, and by which run.
CREATE TABLE IF NOT EXISTS disposed_subject_access_requests (
  reference TEXT PRIMARY KEY REFERENCES subject_access_requests (reference),
  run_id INTEGER NOT NULL REFERENCES disposal_runs (id),
  disposed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
