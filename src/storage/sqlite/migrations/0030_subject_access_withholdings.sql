-- The items staff withhold from a subject access request's bundle (issue 20,
-- core/subject_access_bundle.hpp), each with its reason, who and when; each mark is also an event
-- subject_access_item_withheld. Marks are only added. IF NOT EXISTS: the store tests that roll a
-- database back to an older schema drop only the tables of the migrations they know.
CREATE TABLE IF NOT EXISTS subject_access_withholdings (
  id INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES subject_access_requests (id),
  item TEXT NOT NULL CHECK (length(item) > 0),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  withheld_by TEXT NOT NULL,
  withheld_at TEXT NOT NULL,
  UNIQUE (request_id, item)
) STRICT;
