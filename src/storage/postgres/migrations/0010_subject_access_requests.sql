-- Subject access requests (issue 20, core/subject_access_request.hpp); SQLite's 0022 is the same.
-- The due date is not stored: it is the core's clock on the organisation's calendar, computed
-- whenever the request is read.
CREATE TABLE IF NOT EXISTS subject_access_requests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  reference TEXT COLLATE "C" NOT NULL UNIQUE,
  version BIGINT NOT NULL CHECK (version >= 1),
  requester_name TEXT NOT NULL CHECK (length(trim(requester_name)) > 0),
  requester_email TEXT NOT NULL,
  requester_phone TEXT NOT NULL,
  requester_address TEXT NOT NULL,
  requester_postcode TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  details TEXT NOT NULL,
  received_on iso_date NOT NULL,
  identity_confirmed_on iso_date,
  status TEXT NOT NULL CHECK (status IN ('received', 'extended', 'completed', 'withdrawn')),
  extension_months INTEGER CHECK (extension_months BETWEEN 1 AND 2),
  extension_reason TEXT,
  extension_told_on iso_date,
  completed_on iso_date,
  withdrawn_on iso_date,
  withdrawal_reason TEXT NOT NULL,
  CHECK ((extension_months IS NULL) = (extension_reason IS NULL)
         AND (extension_months IS NULL) = (extension_told_on IS NULL)),
  CHECK ((status = 'completed') = (completed_on IS NOT NULL)),
  CHECK ((status = 'withdrawn') = (withdrawn_on IS NOT NULL))
);
CREATE INDEX IF NOT EXISTS subject_access_requests_status ON subject_access_requests (status);
