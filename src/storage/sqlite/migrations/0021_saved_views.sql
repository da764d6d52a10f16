-- Saved views of the case list (issue 18): a name a member of staff gives to the list's filters
-- and order (its query string), theirs alone or shared with their team. A view belongs to its
-- owner's account, which is never deleted (accounts are deactivated), so the reference holds.
CREATE TABLE IF NOT EXISTS saved_views (
  id INTEGER PRIMARY KEY,
  owner TEXT NOT NULL REFERENCES users (username),
  name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
  query TEXT NOT NULL CHECK (length(query) <= 2000),
  shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
  UNIQUE (owner, name)
) STRICT;
