-- Organisation configuration edited on the admin pages (issue 15). The Ombudsman contact blocks
-- an administrator added, each in force for letters issued from its date: rows are only ever
-- added, never changed, so the history of what letters said is kept (the compiled-in blocks of
-- core/letter.cpp are the list's start and need no row). The office hours reminder digests go
-- in: one row once saved; none = the hours `redress serve --office-hours` gives.
CREATE TABLE IF NOT EXISTS ombudsman_contacts (
  id INTEGER PRIMARY KEY,
  ombudsman TEXT NOT NULL,
  valid_from TEXT NOT NULL CHECK (valid_from IS date(valid_from, '+0 days')),
  name TEXT NOT NULL,
  web_form TEXT NOT NULL,
  phone TEXT NOT NULL,
  postal_address TEXT NOT NULL,
  email TEXT NOT NULL,
  time_limit TEXT NOT NULL,
  source TEXT NOT NULL,
  added_by TEXT NOT NULL,
  added_at TEXT NOT NULL
) STRICT;

CREATE TABLE IF NOT EXISTS office_hours (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 1 AND 1440 AND end_minute > start_minute),
  saved_by TEXT NOT NULL,
  saved_at TEXT NOT NULL
) STRICT;
