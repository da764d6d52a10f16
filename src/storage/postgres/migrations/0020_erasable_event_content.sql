-- Audit chain version 2 (issue 20; storage/common/audit_chain.hpp, docs/audit-trail.md "Erasable
-- content"): an event's summary and changes can be erased, for the disposal or redaction of
-- personal data, while `redress audit verify` still passes. A version 2 record is chained over
-- content_digest, the HMAC-SHA-256 of its content keyed by its own random content_salt (hex of 32
-- bytes); erasing blanks the content, forgets the salt and sets content_erased_at, and leaves the
-- digest and hash as they were. Every row already stored is version 1 (the DEFAULT): its hash,
-- covered by the signed checkpoints, is never rewritten. Every event appended from now on is
-- version 2 (the event repository writes the version). As SQLite's migration 31.
ALTER TABLE events ADD COLUMN chain_version INTEGER NOT NULL DEFAULT 1
  CHECK (chain_version IN (1, 2));
ALTER TABLE events ADD COLUMN content_digest TEXT;
ALTER TABLE events ADD COLUMN content_salt TEXT;
ALTER TABLE events ADD COLUMN content_erased_at TEXT;
