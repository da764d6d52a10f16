-- Subject access requests (issue 20, core/subject_access_request.hpp): who asked, about whom, what,
-- and the request's state. The due date is not stored: it is the core's clock on the
-- organisation's calendar, computed whenever the request is read (a closure day added later moves
-- it). IF NOT EXISTS: the store tests that roll a database back to an older schema drop only the
-- tables of the migrations they know.
CREATE TABLE IF NOT EXISTS subject_access_requests (
  id INTEGER PRIMARY KEY,
  reference TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL CHECK (version >= 1),
  requester_name TEXT NOT NULL CHECK (length(trim(requester_name)) > 0),
  requester_email TEXT NOT NULL,
  requester_phone TEXT NOT NULL,
  requester_address TEXT NOT NULL,
  requester_postcode TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  details TEXT NOT NULL,
  received_on TEXT NOT NULL CHECK (received_on IS date(received_on, '+0 days')),
  identity_confirmed_on TEXT
    CHECK (identity_confirmed_on IS date(identity_confirmed_on, '+0 days')),
  status TEXT NOT NULL CHECK (status IN ('received', 'extended', 'completed', 'withdrawn')),
  extension_months INTEGER CHECK (extension_months BETWEEN 1 AND 2),
  extension_reason TEXT,
  extension_told_on TEXT CHECK (extension_told_on IS date(extension_told_on, '+0 days')),
  completed_on TEXT CHECK (completed_on IS date(completed_on, '+0 days')),
  withdrawn_on TEXT CHECK (withdrawn_on IS date(withdrawn_on, '+0 days')),
  withdrawal_reason TEXT NOT NULL,
  CHECK ((extension_months IS NULL) = (extension_reason IS NULL)
         AND (extension_months IS NULL) = (extension_told_on IS NULL)),
  CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL))
) STRICT;

-- The dashboard and the list read the open ones.
CREATE INDEX IF NOT EXISTS subject_access_requests_status ON subject_access_requests (status);
