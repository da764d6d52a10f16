-- Retention and disposal (issue 20); SQLite's 0032 is the same, commented there.
CREATE TABLE IF NOT EXISTS retention_rules (
  record_type TEXT COLLATE "C" NOT NULL CHECK (record_type IN ('complaint')),
  regime TEXT COLLATE "C" NOT NULL CHECK (regime IN ('housing', 'corporate', 'children', 'adults')),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (record_type, regime)
);

CREATE TABLE IF NOT EXISTS retention_holds (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL REFERENCES complaints (reference),
  kind TEXT NOT NULL CHECK (kind IN ('legal_proceedings', 'manual')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  placed_by TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  released_by TEXT NOT NULL DEFAULT '',
  released_at TEXT NOT NULL DEFAULT '',
  release_reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS retention_holds_reference ON retention_holds (reference);

CREATE TABLE IF NOT EXISTS disposal_runs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  version BIGINT NOT NULL CHECK (version >= 1),
  state TEXT NOT NULL CHECK (state IN ('dry_run', 'approved', 'completed', 'cancelled')),
  as_of DATE NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  approved_by TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL DEFAULT '',
  finished_by TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  to_dispose BIGINT NOT NULL CHECK (to_dispose >= 0),
  kept BIGINT NOT NULL CHECK (kept >= 0),
  disposed BIGINT NOT NULL DEFAULT 0 CHECK (disposed >= 0)
);

CREATE TABLE IF NOT EXISTS disposal_run_items (
  run_id BIGINT NOT NULL REFERENCES disposal_runs (id),
  reference TEXT COLLATE "C" NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('dispose', 'keep')),
  disposable_from DATE,
  kept_because TEXT NOT NULL CHECK (json_typeof(kept_because::json) = 'array'),
  disposed_at TEXT NOT NULL DEFAULT '',
  kept_at_run TEXT NOT NULL DEFAULT '[]' CHECK (json_typeof(kept_at_run::json) = 'array'),
  PRIMARY KEY (run_id, reference)
);

CREATE TABLE IF NOT EXISTS disposed_complaints (
  reference TEXT COLLATE "C" PRIMARY KEY REFERENCES complaints (reference),
  run_id BIGINT NOT NULL REFERENCES disposal_runs (id),
  disposed_at TEXT NOT NULL
);
