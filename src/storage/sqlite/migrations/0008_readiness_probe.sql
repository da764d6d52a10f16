-- Readiness: GET /readyz proves the database can be written (not only read) by writing this one
-- row and committing, so that a full disk or a file that cannot be written takes the instance out
-- of a load balancer before users' changes fail. Not data: nothing reads it, nothing audits it.
CREATE TABLE IF NOT EXISTS readiness_probe (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  probed_at TEXT NOT NULL
) STRICT;
