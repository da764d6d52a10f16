-- Ombudsman cases with their findings and remedies, Complaint Handling Failure Orders, the LGSCO
-- annual letter, learning actions and the Code self-assessment (core/ombudsman.hpp,
-- core/learning.hpp). The rules live in the core; the CHECKs here keep only the shape (dates,
-- counts, fixed vocabularies). IF NOT EXISTS: applying it again to a database that has its objects
-- (one taken back to an earlier schema version by hand) changes nothing.

-- A case with the Housing Ombudsman or the LGSCO. reference is Redress's own (OMB-...); the
-- Ombudsman's reference may be unknown at first, so it is not unique.
CREATE TABLE IF NOT EXISTS ombudsman_cases (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  ombudsman TEXT NOT NULL CHECK (ombudsman IN ('housing_ombudsman', 'lgsco')),
  ombudsman_reference TEXT NOT NULL,
  summary TEXT NOT NULL,
  referred_on TEXT CHECK (referred_on IS date(referred_on, '+0 days')),
  enquiry_received_on TEXT CHECK (enquiry_received_on IS date(enquiry_received_on, '+0 days')),
  information_due_on TEXT CHECK (information_due_on IS date(information_due_on, '+0 days')),
  information_sent_on TEXT CHECK (information_sent_on IS date(information_sent_on, '+0 days')),
  draft_decision_on TEXT CHECK (draft_decision_on IS date(draft_decision_on, '+0 days')),
  final_decision_on TEXT CHECK (final_decision_on IS date(final_decision_on, '+0 days')),
  lgsco_decision TEXT,
  satisfactory_remedy_by_council INTEGER NOT NULL CHECK (satisfactory_remedy_by_council IN (0, 1))
) STRICT;

-- The complaints a case concerns, by their unique reference (what the API names them by); a
-- complaint's Ombudsman history reads this by complaint.
CREATE TABLE IF NOT EXISTS ombudsman_case_complaints (
  case_id INTEGER NOT NULL REFERENCES ombudsman_cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  complaint TEXT NOT NULL REFERENCES complaints (reference),
  PRIMARY KEY (case_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS ombudsman_case_complaints_complaint
  ON ombudsman_case_complaints (complaint);

-- Housing Ombudsman findings, one per complaint element, in the determination's order.
CREATE TABLE IF NOT EXISTS ombudsman_findings (
  case_id INTEGER NOT NULL REFERENCES ombudsman_cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  element TEXT NOT NULL,
  finding TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
) STRICT, WITHOUT ROWID;

-- Orders and recommendations, with compliance.
CREATE TABLE IF NOT EXISTS ombudsman_remedies (
  case_id INTEGER NOT NULL REFERENCES ombudsman_cases (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('order', 'recommendation')),
  type TEXT NOT NULL,
  description TEXT NOT NULL,
  due_on TEXT NOT NULL CHECK (due_on IS date(due_on, '+0 days')),
  completed_on TEXT CHECK (completed_on IS date(completed_on, '+0 days')),
  evidence TEXT NOT NULL,
  PRIMARY KEY (case_id, position)
) STRICT, WITHOUT ROWID;

-- Complaint Handling Failure Orders (rules 1.7), with or without an Ombudsman case.
CREATE TABLE IF NOT EXISTS failure_orders (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  ombudsman_case TEXT REFERENCES ombudsman_cases (reference),
  ombudsman_reference TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('type_1', 'type_2', 'type_3')),
  ground TEXT NOT NULL,
  description TEXT NOT NULL,
  issued_on TEXT NOT NULL CHECK (issued_on IS date(issued_on, '+0 days')),
  due_on TEXT NOT NULL CHECK (due_on IS date(due_on, '+0 days')),
  outcome TEXT NOT NULL CHECK (outcome IN ('pending', 'complied', 'not_complied')),
  complied_on TEXT CHECK (complied_on IS date(complied_on, '+0 days'))
) STRICT;

-- The LGSCO annual review letter's figures of a financial year, as entered from the letter.
CREATE TABLE IF NOT EXISTS lgsco_letters (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  complaints_and_enquiries_received INTEGER NOT NULL CHECK (complaints_and_enquiries_received >= 0),
  decisions_made INTEGER NOT NULL CHECK (decisions_made >= 0),
  not_for_us INTEGER NOT NULL CHECK (not_for_us >= 0),
  assessed_and_closed INTEGER NOT NULL CHECK (assessed_and_closed >= 0),
  investigated INTEGER NOT NULL CHECK (investigated >= 0),
  upheld INTEGER NOT NULL CHECK (upheld >= 0),
  uphold_rate_percent REAL,
  average_uphold_rate_percent REAL,
  compliance_percent REAL,
  satisfactory_remedy_by_council INTEGER NOT NULL CHECK (satisfactory_remedy_by_council >= 0),
  comparison_group TEXT NOT NULL
) STRICT;

-- Learning and service-improvement actions. The owner is a user; a theme names reference data.
CREATE TABLE IF NOT EXISTS learning_actions (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  source TEXT NOT NULL CHECK (source IN ('complaints', 'ombudsman_case', 'theme')),
  ombudsman_case TEXT REFERENCES ombudsman_cases (reference),
  category TEXT REFERENCES categories (code),
  root_cause TEXT REFERENCES root_causes (code),
  lesson TEXT NOT NULL,
  action TEXT NOT NULL,
  owner TEXT NOT NULL REFERENCES users (username),
  raised_on TEXT NOT NULL CHECK (raised_on IS date(raised_on, '+0 days')),
  due_on TEXT NOT NULL CHECK (due_on IS date(due_on, '+0 days')),
  status TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'completed', 'cancelled')),
  evidence TEXT NOT NULL,
  completed_on TEXT CHECK (completed_on IS date(completed_on, '+0 days'))
) STRICT;

CREATE TABLE IF NOT EXISTS learning_action_complaints (
  action_id INTEGER NOT NULL REFERENCES learning_actions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  complaint TEXT NOT NULL REFERENCES complaints (reference),
  PRIMARY KEY (action_id, position)
) STRICT, WITHOUT ROWID;

-- The Code self-assessment of a financial year and the governing body's approval of it.
CREATE TABLE IF NOT EXISTS self_assessments (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  version INTEGER NOT NULL CHECK (version >= 1),
  approved_on TEXT CHECK (approved_on IS date(approved_on, '+0 days')),
  meeting TEXT,
  minute_reference TEXT,
  response TEXT
) STRICT;

CREATE TABLE IF NOT EXISTS self_assessment_provisions (
  financial_year INTEGER NOT NULL REFERENCES self_assessments (financial_year) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  provision TEXT NOT NULL,
  section TEXT NOT NULL,
  requirement TEXT NOT NULL,
  compliance TEXT CHECK (compliance IN ('complies', 'partly', 'does_not_comply')),
  evidence TEXT NOT NULL,
  commentary TEXT NOT NULL,
  action TEXT NOT NULL,
  action_due_on TEXT CHECK (action_due_on IS date(action_due_on, '+0 days')),
  PRIMARY KEY (financial_year, provision)
) STRICT, WITHOUT ROWID;
