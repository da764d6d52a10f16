-- Accounts hardening: tokens that expire, tokens of inactive users revoked rather than suspended,
-- and no record of what was typed as a username nobody has.

-- A token is refused from this day on; NULL = until revoked (app/records.hpp ApiToken).
ALTER TABLE api_tokens ADD COLUMN expires_on TEXT
  CHECK (expires_on IS date(expires_on, '+0 days'));

-- Failed sign-ins to usernames nobody has were kept under what was typed, which is sometimes a
-- password. They are now kept under a keyed hash (app/sign_in_guard.hpp); the old rows go.
DELETE FROM sign_in_attempts WHERE username NOT IN (SELECT username FROM users);

-- Deactivating a user now revokes their tokens and ends their sessions, so that reactivating
-- them does not bring either back; users deactivated before this migration get the same.
UPDATE api_tokens SET revoked_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
  WHERE revoked_at IS NULL AND user_id IN (SELECT id FROM users WHERE active = 0);
DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE active = 0);
