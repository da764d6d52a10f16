-- Retention and disposal (issue 20, core/retention.hpp, app/disposal.hpp). IF NOT EXISTS: the
-- store tests that roll a database back to an older schema drop only the tables they know.

-- The retention period per record type and regime; one without a row keeps the default (six
-- years after the case ended). Each change is also a retention_rule_changed event.
CREATE TABLE IF NOT EXISTS retention_rules (
  record_type TEXT NOT NULL CHECK (record_type IN ('complaint')),
  regime TEXT NOT NULL CHECK (regime IN ('housing', 'corporate', 'children', 'adults')),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100),
  changed_by TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  PRIMARY KEY (record_type, regime)
) STRICT;

-- Holds staff place on a complaint that stop its disposal; released, never deleted.
CREATE TABLE IF NOT EXISTS retention_holds (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL REFERENCES complaints (reference),
  kind TEXT NOT NULL CHECK (kind IN ('legal_proceedings', 'manual')),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  placed_by TEXT NOT NULL,
  placed_at TEXT NOT NULL,
  released_by TEXT NOT NULL DEFAULT '',
  released_at TEXT NOT NULL DEFAULT '',
  release_reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX IF NOT EXISTS retention_holds_reference ON retention_holds (reference);

-- A disposal run: the dry run's verdicts, its approval by a second person, then the run.
CREATE TABLE IF NOT EXISTS disposal_runs (
  id INTEGER PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version >= 1),
  state TEXT NOT NULL CHECK (state IN ('dry_run', 'approved', 'completed', 'cancelled')),
  as_of TEXT NOT NULL CHECK (as_of IS date(as_of, '+0 days')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  approved_by TEXT NOT NULL DEFAULT '',
  approved_at TEXT NOT NULL DEFAULT '',
  finished_by TEXT NOT NULL DEFAULT '',
  finished_at TEXT NOT NULL DEFAULT '',
  to_dispose INTEGER NOT NULL CHECK (to_dispose >= 0),
  kept INTEGER NOT NULL CHECK (kept >= 0),
  disposed INTEGER NOT NULL DEFAULT 0 CHECK (disposed >= 0)
) STRICT;

-- Each complaint a dry run judged: its verdict and reasons (JSON array of {reason, detail}), and
-- what the run did with it.
CREATE TABLE IF NOT EXISTS disposal_run_items (
  run_id INTEGER NOT NULL REFERENCES disposal_runs (id),
  reference TEXT NOT NULL,
  verdict TEXT NOT NULL CHECK (verdict IN ('dispose', 'keep')),
  disposable_from TEXT CHECK (disposable_from IS date(disposable_from, '+0 days')),
  kept_because TEXT NOT NULL CHECK (json_valid(kept_because)),
  disposed_at TEXT NOT NULL DEFAULT '',
  kept_at_run TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(kept_at_run)),
  PRIMARY KEY (run_id, reference)
) STRICT, WITHOUT ROWID;

-- The complaints whose personal data was disposed of, and by which run.
CREATE TABLE IF NOT EXISTS disposed_complaints (
  reference TEXT PRIMARY KEY REFERENCES complaints (reference),
  run_id INTEGER NOT NULL REFERENCES disposal_runs (id),
  disposed_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
