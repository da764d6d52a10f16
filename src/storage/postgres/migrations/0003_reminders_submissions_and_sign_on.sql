-- Staff email addresses and reminder digests (SQLite migration 0016), the Housing Ombudsman's
-- annual submissions (0017) and sign-in with the organisation's OpenID Connect provider (0018) on
-- PostgreSQL: the same tables, columns, keys and checks, in the conventions of 0001_initial.sql.

-- '' = no address. An address is unique among users whatever its case, so that a reminder, a
-- password reset or a sign-in by identity provider reaches one person.
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN reminder_digest BOOLEAN NOT NULL DEFAULT TRUE;
CREATE UNIQUE INDEX users_email ON users (lower(email)) WHERE email <> '';

-- A person's reminder digest for a working day, written once. The unique key is the guard that
-- sends it once, however many server instances run the schedule.
CREATE TABLE reminder_digests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  username TEXT COLLATE "C" NOT NULL REFERENCES users (username),
  sent_on iso_date NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  text TEXT NOT NULL,
  html TEXT NOT NULL,
  cases INTEGER NOT NULL CHECK (cases >= 1),
  created_at TEXT NOT NULL,
  UNIQUE (username, sent_on)
);

-- The outbox carries digests beside letters: exactly one of letter_id and digest_id. A letter may
-- have several messages (a resend, a copy to a representative), each its own Message-ID.
ALTER TABLE outbox ALTER COLUMN letter_id DROP NOT NULL;
ALTER TABLE outbox DROP CONSTRAINT outbox_letter_id_key;
ALTER TABLE outbox ADD COLUMN digest_id BIGINT UNIQUE REFERENCES reminder_digests (id);
ALTER TABLE outbox ADD CONSTRAINT outbox_letter_or_digest
  CHECK ((letter_id IS NULL) <> (digest_id IS NULL));
CREATE INDEX outbox_letter ON outbox (letter_id);

-- The Housing Ombudsman's annual submission of each financial year (issue 19; rules §12): its
-- status from draft to submitted with what each step records, the form's Section 1 details, who
-- recorded each step and when, and the annual report as it was submitted (its figures frozen).
CREATE TABLE annual_submissions (
  financial_year INTEGER PRIMARY KEY,
  version BIGINT NOT NULL CHECK (version > 0),
  homes BIGINT NOT NULL CHECK (homes >= 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published', 'submitted')),
  landlord_code TEXT NOT NULL,
  officer_name TEXT NOT NULL,
  officer_job_title TEXT NOT NULL,
  officer_email TEXT NOT NULL,
  officer_phone TEXT NOT NULL,
  member_name TEXT NOT NULL,
  member_job_title TEXT NOT NULL,
  member_email TEXT NOT NULL,
  member_phone TEXT NOT NULL,
  policy_address TEXT NOT NULL,
  self_assessment_address TEXT NOT NULL,
  report_address TEXT NOT NULL,
  response_address TEXT NOT NULL,
  approved_on iso_date,
  governing_body TEXT NOT NULL,
  approval_minute TEXT NOT NULL,
  response TEXT NOT NULL,
  published_on iso_date,
  web_address TEXT NOT NULL,
  submitted_on iso_date,
  -- The annual report as JSON at the moment it was submitted; written once.
  submitted_report TEXT,
  CHECK ((status = 'draft') = (approved_on IS NULL)),
  CHECK ((status IN ('published', 'submitted')) = (published_on IS NOT NULL)),
  CHECK ((status = 'submitted') = (submitted_on IS NOT NULL))
);

-- The report as submitted is written once: once set, any write of it is refused by the server
-- itself, whatever statement tries it (as SQLite's trigger of the same name).
CREATE FUNCTION annual_submissions_report_written_once() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.submitted_report IS NOT NULL THEN
    RAISE EXCEPTION 'the report as submitted is written once' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER annual_submissions_report_written_once
  BEFORE UPDATE OF submitted_report ON annual_submissions
  FOR EACH ROW EXECUTE FUNCTION annual_submissions_report_written_once();

-- Who recorded each step, and when: appended, never rewritten.
CREATE TABLE annual_submission_steps (
  financial_year INTEGER NOT NULL REFERENCES annual_submissions (financial_year),
  position INTEGER NOT NULL CHECK (position >= 0),
  status TEXT NOT NULL CHECK (status IN ('draft', 'approved', 'published', 'submitted')),
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (financial_year, position)
);

-- Sign-in with the organisation's OpenID Connect provider (issue 21). The client secret is never
-- stored: only where the server reads it from (an environment variable or a file).
CREATE TABLE oidc_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled BOOLEAN NOT NULL,
  display_name TEXT NOT NULL,
  issuer TEXT NOT NULL,
  client_id TEXT NOT NULL,
  client_secret_source TEXT NOT NULL
    CHECK (client_secret_source = '' OR client_secret_source LIKE 'env:%'
           OR client_secret_source LIKE 'file:/%'),
  redirect_url TEXT NOT NULL,
  create_users BOOLEAN NOT NULL,
  password_sign_in TEXT NOT NULL CHECK (password_sign_in IN ('everyone', 'break_glass_only')),
  break_glass_username TEXT NOT NULL
);

-- The role mapping, in order: the first rule whose value the token's claim holds wins.
CREATE TABLE oidc_role_mappings (
  position INTEGER PRIMARY KEY CHECK (position >= 0),
  claim TEXT NOT NULL CHECK (claim IN ('roles', 'groups')),
  value TEXT NOT NULL CHECK (length(value) > 0),
  role TEXT NOT NULL
    CHECK (role IN ('admin', 'complaints_officer', 'case_handler', 'manager', 'viewer')),
  team TEXT NOT NULL
);

-- A provider's account linked to a user, on the provider's stable subject, never on an email.
CREATE TABLE identity_links (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  issuer TEXT COLLATE "C" NOT NULL CHECK (length(issuer) > 0),
  subject TEXT COLLATE "C" NOT NULL CHECK (length(subject) > 0),
  user_id BIGINT NOT NULL REFERENCES users (id),
  email TEXT NOT NULL,  -- the email claim at the last sign-in
  linked_at TEXT NOT NULL,
  last_sign_in_at TEXT NOT NULL,
  UNIQUE (issuer, subject),
  UNIQUE (user_id, issuer)
);

-- Sign-ins sent to the provider and not yet answered: each state is taken once.
CREATE TABLE oidc_pending_sign_ins (
  state_hash TEXT COLLATE "C" PRIMARY KEY,
  nonce TEXT NOT NULL,
  code_verifier TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
CREATE INDEX oidc_pending_sign_ins_expiry ON oidc_pending_sign_ins (expires_at);
