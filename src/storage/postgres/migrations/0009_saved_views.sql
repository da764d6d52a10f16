-- Saved views of the case list (issue 18): a name a member of staff gives to the list's filters
-- and order (its query string), theirs alone or shared with their team. SQLite's 0021 is the
-- same table.
CREATE TABLE IF NOT EXISTS saved_views (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  owner TEXT COLLATE "C" NOT NULL REFERENCES users (username),
  name TEXT NOT NULL CHECK (char_length(name) BETWEEN 1 AND 80),
  query TEXT NOT NULL CHECK (char_length(query) <= 2000),
  shared BOOLEAN NOT NULL,
  UNIQUE (owner, name)
);
