-- Issue 14: the time limit for complaining, and the Tenant Satisfaction Measure TP09.

-- When the matter complained of happened or came to the complainant's notice (ISO date, never
-- after received_on; NULL when not recorded): the evidence for a refusal as older than the
-- regime's time limit (core/time_limit.hpp). Complaints logged before this migration have none.
ALTER TABLE complaints ADD COLUMN matter_arose_on TEXT CHECK (matter_arose_on IS NULL OR matter_arose_on <= received_on);

-- TP09, satisfaction with the landlord's approach to handling complaints, per financial year
-- (1 April to 31 March, named by its first year): a survey's result entered with its sample size,
-- in tenths of a percent so that one decimal is exact. Configuration: each change is in the audit
-- trail (app/organisation.cpp SaveTenantSatisfaction).
CREATE TABLE IF NOT EXISTS tenant_satisfaction (
  financial_year INTEGER PRIMARY KEY CHECK (financial_year BETWEEN 2000 AND 2100),
  satisfied_tenths INTEGER NOT NULL CHECK (satisfied_tenths BETWEEN 0 AND 1000),
  sample_size INTEGER NOT NULL CHECK (sample_size > 0)
) STRICT;
