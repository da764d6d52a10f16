-- The items staff withhold from a subject access request's bundle (issue 20); SQLite's 0030 is
-- the same.
CREATE TABLE IF NOT EXISTS subject_access_withholdings (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  request_id BIGINT NOT NULL REFERENCES subject_access_requests (id),
  item TEXT COLLATE "C" NOT NULL CHECK (length(item) > 0),
  reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
  withheld_by TEXT NOT NULL,
  withheld_at TEXT NOT NULL,
  UNIQUE (request_id, item)
);
