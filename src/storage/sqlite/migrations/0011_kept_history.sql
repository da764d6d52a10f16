-- History that stays put (issue 14): reopening a stage keeps the answer, refusal or withdrawal it
-- undoes, and every reopening date, so that a report for a past year counts what happened in it
-- whatever happened to its cases afterwards.

-- The responses of a stage that a reopening superseded, oldest first (position 0-based); the
-- answer that stands stays in complaint_stages and the stage_* lists. The response's lists are
-- kept whole as JSON arrays of the core value's fields: root_causes of codes, remedies of
-- {type, amount_pence, description}, actions of {description, due_on, owner, status,
-- completed_on}. A superseded response is never edited, so its lists are read and written whole.
CREATE TABLE IF NOT EXISTS stage_earlier_responses (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  responded_on TEXT NOT NULL CHECK (responded_on IS date(responded_on, '+0 days')),
  outcome TEXT NOT NULL CHECK (outcome IN ('upheld', 'partly_upheld', 'not_upheld')),
  learning TEXT NOT NULL,
  responded_by TEXT NOT NULL,
  root_causes TEXT NOT NULL CHECK (json_valid(root_causes) AND json_type(root_causes) = 'array'),
  remedies TEXT NOT NULL CHECK (json_valid(remedies) AND json_type(remedies) = 'array'),
  actions TEXT NOT NULL CHECK (json_valid(actions) AND json_type(actions) = 'array'),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Every reopening of a stage, oldest first; complaint_stages.reopened_on is the last.
CREATE TABLE IF NOT EXISTS stage_reopenings (
  complaint_id INTEGER NOT NULL,
  stage INTEGER NOT NULL,
  position INTEGER NOT NULL CHECK (position >= 0),
  reopened_on TEXT NOT NULL CHECK (reopened_on IS date(reopened_on, '+0 days')),
  PRIMARY KEY (complaint_id, stage, position),
  FOREIGN KEY (complaint_id, stage) REFERENCES complaint_stages (complaint_id, number)
    ON DELETE CASCADE
) STRICT, WITHOUT ROWID;

-- Refusals and withdrawals a reopening undid, oldest first.
CREATE TABLE IF NOT EXISTS complaint_earlier_refusals (
  complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  decided_on TEXT NOT NULL CHECK (decided_on IS date(decided_on, '+0 days')),
  reason TEXT NOT NULL CHECK (reason IN ('older_than_12_months', 'legal_proceedings',
                                         'previously_considered', 'other')),
  explanation TEXT NOT NULL,
  PRIMARY KEY (complaint_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS complaint_earlier_withdrawals (
  complaint_id INTEGER NOT NULL REFERENCES complaints (id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK (position >= 0),
  withdrawn_on TEXT NOT NULL CHECK (withdrawn_on IS date(withdrawn_on, '+0 days')),
  reason TEXT NOT NULL,
  status_before TEXT NOT NULL
    CHECK (status_before IN ('awaiting_acknowledgement', 'in_progress', 'responded', 'closed',
                             'not_accepted', 'withdrawn')),
  PRIMARY KEY (complaint_id, position)
) STRICT, WITHOUT ROWID;

-- Existing data: the answer that stands stays where it is (it is the stage's latest kept
-- response); the one reopening date a stage kept becomes its first recorded reopening. What a
-- reopening destroyed before this migration (an earlier answer's outcome and remedies, an undone
-- refusal or withdrawal) was never stored and cannot be recovered here; the first response date
-- survives in complaint_stages.first_responded_on and the audit log keeps the events.
INSERT OR IGNORE INTO stage_reopenings (complaint_id, stage, position, reopened_on)
  SELECT complaint_id, number, 0, reopened_on FROM complaint_stages WHERE reopened_on IS NOT NULL;
