-- The Housing Ombudsman's annual submission of each financial year (issue 19; rules §12): its
-- status from draft to submitted with what each step records, the form's Section 1 details, who
-- recorded each step and when, and the annual report as it was submitted (its figures frozen).
-- IF NOT EXISTS: the store tests that roll a database back to an older schema drop only the tables
-- of the migrations they know.
CREATE TABLE IF NOT EXISTS annual_submissions (
  financial_year INTEGER PRIMARY KEY,
  version INTEGER NOT NULL CHECK (version > 0),
  homes INTEGER NOT NULL CHECK (homes >= 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published', 'submitted')),
  landlord_code TEXT NOT NULL,
  officer_name TEXT NOT NULL,
  officer_job_title TEXT NOT NULL,
  officer_email TEXT NOT NULL,
  officer_phone TEXT NOT NULL,
  member_name TEXT NOT NULL,
  member_job_title TEXT NOT NULL,
  member_email TEXT NOT NULL,
  member_phone TEXT NOT NULL,
  policy_address TEXT NOT NULL,
  self_assessment_address TEXT NOT NULL,
  report_address TEXT NOT NULL,
  response_address TEXT NOT NULL,
  approved_on TEXT,
  governing_body TEXT NOT NULL,
  approval_minute TEXT NOT NULL,
  response TEXT NOT NULL,
  published_on TEXT,
  web_address TEXT NOT NULL,
  submitted_on TEXT,
  -- The annual report as JSON at the moment it was submitted; written once.
  submitted_report TEXT,
  CHECK ((status = 'draft') = (approved_on IS NULL)),
  CHECK ((status IN ('published', 'submitted')) = (published_on IS NOT NULL)),
  CHECK ((status = 'submitted') = (submitted_on IS NOT NULL))
) STRICT;

CREATE TRIGGER IF NOT EXISTS annual_submissions_report_written_once
BEFORE UPDATE OF submitted_report ON annual_submissions
WHEN OLD.submitted_report IS NOT NULL
BEGIN
  SELECT RAISE(ABORT, 'the report as submitted is written once');
END;

-- Who recorded each step, and when: appended, never rewritten.
CREATE TABLE IF NOT EXISTS annual_submission_steps (
  financial_year INTEGER NOT NULL REFERENCES annual_submissions (financial_year),
  position INTEGER NOT NULL CHECK (position >= 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published', 'submitted')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (financial_year, position)
) STRICT, WITHOUT ROWID;
