-- Retention of service requests that never became a complaint and of subject access requests
-- (issue 20); SQLite's 0034 is the same, commented there. Their periods are stored with regime ''.
ALTER TABLE retention_rules
  DROP CONSTRAINT IF EXISTS retention_rules_record_type_check,
  DROP CONSTRAINT IF EXISTS retention_rules_regime_check;
ALTER TABLE retention_rules
  ADD CONSTRAINT retention_rules_record_type_check
    CHECK (record_type IN ('complaint', 'service_request', 'subject_access_request')),
  ADD CONSTRAINT retention_rules_regime_check CHECK (
    (record_type = 'complaint' AND regime IN ('housing', 'corporate', 'children', 'adults'))
    OR (record_type <> 'complaint' AND regime = ''));

ALTER TABLE disposal_run_items
  ADD COLUMN IF NOT EXISTS record_type TEXT COLLATE "C" NOT NULL DEFAULT 'complaint'
    CHECK (record_type IN ('complaint', 'service_request', 'subject_access_request'));

CREATE TABLE IF NOT EXISTS disposed_service_requests (
  reference TEXT COLLATE "C" PRIMARY KEY REFERENCES service_requests (reference),
  run_id BIGINT NOT NULL REFERENCES disposal_runs (id),
  disposed_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS disposed_subject_access_requests (
  reference TEXT COLLATE "C" PRIMARY KEY REFERENCES subject_access_requests (reference),
  run_id BIGINT NOT NULL REFERENCES disposal_runs (id),
  disposed_at TEXT NOT NULL
);
