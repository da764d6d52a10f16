-- The repeat check reads only the few most recent earlier complaints with the same key and
-- category (SqliteTx::RepeatCandidates): an index per key that ends with category and
-- received_on serves "the N most recent" directly, whatever the number of complaints that share
-- the key. Each replaces the key's single-column index, whose other uses it also serves.
DROP INDEX IF EXISTS complaints_email_key;
DROP INDEX IF EXISTS complaints_phone_key;
DROP INDEX IF EXISTS complaints_property_key;
CREATE INDEX IF NOT EXISTS complaints_email_repeats ON complaints (email_key, category, received_on)
  WHERE email_key <> '';
CREATE INDEX IF NOT EXISTS complaints_phone_repeats ON complaints (phone_key, category, received_on)
  WHERE phone_key <> '';
CREATE INDEX IF NOT EXISTS complaints_property_repeats ON complaints (property_key, category, received_on)
  WHERE property_key <> '';
