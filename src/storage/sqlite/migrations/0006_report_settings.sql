-- The annual report: homes owned per year (TSM CH01), and an index that lets the report read every
-- complaint without reading the wide rows. IF NOT EXISTS: applying it again to a database that
-- has its objects (one taken back to an earlier schema version by hand) changes nothing.

-- Homes owned in a financial year (1 April to 31 March, named by its first year): the denominator
-- of the Tenant Satisfaction Measure CH01, complaints per 1,000 homes. Configuration: each change
-- is in the audit trail (app/report_use_cases.hpp).
CREATE TABLE IF NOT EXISTS homes_owned (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  homes INTEGER NOT NULL CHECK (homes > 0)
) STRICT;

-- The report streams every complaint's regime, service area, category, dates and status in id
-- order, merged with its stages (complaint_stages is keyed by complaint id). A complaint row is
-- wide (summary, description, complainant), so scanning the table reads the whole database; this
-- covering index holds only what the report reads, in id order, and is scanned instead.
CREATE INDEX IF NOT EXISTS complaints_report ON complaints (id, regime, service_area, category, received_on,
                                              status, refusal_decided_on, refusal_reason,
                                              withdrawn_on);
