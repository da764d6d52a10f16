-- Sign-in with the organisation's OpenID Connect provider (issue 21). The client secret is never
-- stored: only where the server reads it from (an environment variable or a file).
-- IF NOT EXISTS: the store tests rebuild older schemas by deleting rows of schema_migrations.
CREATE TABLE IF NOT EXISTS oidc_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  display_name TEXT NOT NULL,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret_source TEXT NOT NULL
    CHECK (client_secret_source = '' OR client_secret_source LIKE 'env:%'
           OR client_secret_source LIKE 'file:/%'),
  redirect_url TEXT NOT NULL,
  create_users INTEGER NOT NULL CHECK (create_users IN (0, 1)),
  password_sign_in TEXT NOT NULL CHECK (password_sign_in IN ('everyone', 'break_glass_only')),
  break_glass_username TEXT NOT NULL
) STRICT;

-- The role mapping, in order: the first rule whose value the token's claim holds wins.
CREATE TABLE IF NOT EXISTS oidc_role_mappings (
  position INTEGER PRIMARY KEY CHECK (position >= 0),
  claim TEXT NOT NULL CHECK (claim IN ('roles', 'groups')),
  value TEXT NOT NULL CHECK (length(value) > 0),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'complaints_officer', 'case_handler', 'manager', 'viewer')),
  team TEXT NOT NULL
) STRICT;

-- A provider's account linked to a user, on the provider's stable subject, never on an email.
CREATE TABLE IF NOT EXISTS identity_links (
  id INTEGER PRIMARY KEY,
  issuer TEXT NOT NULL CHECK (length(issuer) > 0),
  subject TEXT NOT NULL CHECK (length(subject) > 0),
  user_id INTEGER NOT NULL REFERENCES users (id),
  email TEXT NOT NULL,  -- the email claim at the last sign-in
  linked_at TEXT NOT NULL,
  last_sign_in_at TEXT NOT NULL,
  UNIQUE (issuer, subject),
  UNIQUE (user_id, issuer)
) STRICT;

-- Sign-ins sent to the provider and not yet answered: each state is taken once.
CREATE TABLE IF NOT EXISTS oidc_pending_sign_ins (
  state_hash TEXT PRIMARY KEY,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  expires_at INTEGER NOT NULL
) STRICT;
CREATE INDEX IF NOT EXISTS oidc_pending_sign_ins_expiry ON oidc_pending_sign_ins (expires_at);
