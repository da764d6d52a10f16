#pragma once

// Accounts: users with roles, and bearer tokens for integrations.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/organisation.hpp"
#include "app/password_policy.hpp"
#include "app/ports.hpp"
#include "core/role.hpp"

namespace redress::app {

struct NewUser {
  std::string username;
  std::string display_name;  // empty = the username
  core::Role role = core::Role::kViewer;
  std::string team;  // empty = none; must exist otherwise
  std::string password;
  std::string email{};  // empty = none; else an address no other user has (any case)
  ReminderDigest reminder_digest = ReminderDigest::kDaily;
};

// Validates (username 2-64 characters of [a-z0-9._-], starting with a letter or digit; team
// known; the password accepted by `policy`; an email that looks like one, kMaxEmailLength at most,
// no other user's in any case: kDuplicate), hashes the password and stores the user.
Result<User> AddUserIn(Tx& tx, const Actor& actor, core::Date today, const NewUser& user,
                       const PasswordPolicy& policy);
Result<User> AddUser(Store& store, const Clock& clock, const Actor& actor, const NewUser& user,
                     const PasswordPolicy& policy);

// Adds a field error to `errors` unless `email` is empty, or looks like an address within
// kMaxEmailLength that no user but `user_id` has in any case (kDuplicate). The database's unique
// index holds the same rule; this names the field instead of failing the transaction.
Status CheckUserEmail(AccountRepository& accounts, const std::string& email, std::int64_t user_id,
                      core::FieldErrors& errors);

// What to change of a user; an unset member is left as it is.
struct UserChanges {
  std::optional<std::string> display_name;  // 1 to kMaxDisplayNameLength characters
  std::optional<core::Role> role;
  std::optional<std::string> team;  // "" = no team; a known team otherwise
  std::optional<bool> active;       // an inactive user cannot sign in and has no tokens
  std::optional<std::string> password;
  std::optional<std::string> email;  // "" = none; else unique among users, whatever its case
  std::optional<ReminderDigest> reminder_digest;
};

inline constexpr std::size_t kMaxDisplayNameLength = 100;
// RFC 5321's limit on a forward path.
inline constexpr std::size_t kMaxEmailLength = 254;

// Changes a user, recorded in the audit trail (a new password as "changed", never its hash; a
// new password must be accepted by `policy`). A new password ends the user's sessions but the
// one whose token hash is `keep_session_token_hash` (the session that changed it, if it is
// theirs) and revokes all their tokens; deactivating ends all their sessions and revokes all
// their tokens, so reactivating brings neither back. The organisation always keeps an active
// admin: demoting or deactivating the last one is kConflict. An unknown username is kNotFound.
Result<User> UpdateUser(Store& store, const Clock& clock, const Actor& actor,
                        const std::string& username, const UserChanges& changes,
                        const PasswordPolicy& policy,
                        std::string_view keep_session_token_hash = {});

struct IssuedToken {
  std::string token;  // shown once; only its hash is stored
  ApiToken record;
};

inline constexpr std::size_t kMaxTokenLabelLength = 100;

// Issues a bearer token for an active user. The label is required, at most kMaxTokenLabelLength
// characters. A token with `expires_on` is refused from that day on, like an unknown one; the day
// must be after today and at most kMaxTokenLifetimeDays away (field "expires_on").
Result<IssuedToken> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                const std::string& username, const std::string& label,
                                std::optional<core::Date> expires_on = std::nullopt);

// Long enough for any integration's renewal cycle; a date further off is more likely a typo.
inline constexpr int kMaxTokenLifetimeDays = 5 * 366;

// The user named `username` (the signed-in user's own record, or any for an administrator: the
// router has checked the role); kNotFound when there is none.
Result<User> GetUser(Store& store, std::string_view username);

// Every user, by username.
Result<std::vector<User>> ListUsers(Store& store);

// The live user an API token (as sent, not hashed) stands for: nullopt when the token is unknown,
// revoked, expired as at the clock's today, or its user inactive, so the caller answers every
// reason alike; kStorage when the database fails.
Result<std::optional<Actor>> ActorOfApiToken(Store& store, const Clock& clock,
                                             std::string_view token);

// The actor's own tokens, oldest first (hashes included: the caller decides what to show).
Result<std::vector<ApiToken>> ListOwnTokens(Store& store, const Actor& actor);

// Revokes token `id`: the actor's own, or anyone's when the actor's role manages users (the
// command line's SystemActor does). Someone else's token is kNotFound to an actor who may not
// manage it, as if it did not exist. Revoking a revoked token changes nothing and succeeds.
Status RevokeToken(Store& store, const Clock& clock, const Actor& actor, std::int64_t id);

}  // namespace redress::app
