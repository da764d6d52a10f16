-- The complainant's needs (issue 18) beside their contact preferences: reasonable adjustments in
-- words, vulnerabilities as a comma-separated list of core::Vulnerability names ('' for none) and
-- a note of their detail. Special-category data, shown only to those who see the case.
ALTER TABLE complaint_contact_preferences ADD COLUMN adjustments TEXT NOT NULL DEFAULT '';
ALTER TABLE complaint_contact_preferences ADD COLUMN vulnerabilities TEXT NOT NULL DEFAULT '';
ALTER TABLE complaint_contact_preferences ADD COLUMN vulnerability_note TEXT NOT NULL DEFAULT '';
