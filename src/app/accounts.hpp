#pragma once

// Accounts: users with roles, and bearer tokens for integrations.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/role.hpp"

namespace redress::app {

struct NewUser {
  std::string username;
  std::string display_name;  // empty = the username
  core::Role role = core::Role::kViewer;
  std::string team;  // empty = none; must exist otherwise
  std::string password;
};

// Validates (username 2-64 characters of [a-z0-9._-], starting with a letter or digit; team
// known; password policy of secrets.hpp), hashes the password and stores the user.
Result<User> AddUserIn(Tx& tx, const Actor& actor, core::Date today, const NewUser& user);
Result<User> AddUser(Store& store, const Clock& clock, const Actor& actor, const NewUser& user);

// What to change of a user; an unset member is left as it is.
struct UserChanges {
  std::optional<std::string> display_name;  // 1 to kMaxDisplayNameLength characters
  std::optional<core::Role> role;
  std::optional<std::string> team;  // "" = no team; a known team otherwise
  std::optional<bool> active;       // an inactive user cannot sign in, and their tokens stop
  std::optional<std::string> password;
};

inline constexpr std::size_t kMaxDisplayNameLength = 100;

// Changes a user, recorded in the audit trail (a new password as "changed", never its hash).
// The organisation always keeps an active admin: demoting or deactivating the last one is
// kConflict. An unknown username is kNotFound.
Result<User> UpdateUser(Store& store, const Clock& clock, const Actor& actor,
                        const std::string& username, const UserChanges& changes);

struct IssuedToken {
  std::string token;  // shown once; only its hash is stored
  ApiToken record;
};

inline constexpr std::size_t kMaxTokenLabelLength = 100;

// Issues a bearer token for an active user. The label is required, at most kMaxTokenLabelLength
// characters.
Result<IssuedToken> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                const std::string& username, const std::string& label);

// The actor's own tokens, oldest first (hashes included: the caller decides what to show).
Result<std::vector<ApiToken>> ListOwnTokens(Store& store, const Actor& actor);

// Revokes token `id`: the actor's own, or anyone's when the actor's role manages users (the
// command line's SystemActor does). Someone else's token is kNotFound to an actor who may not
// manage it, as if it did not exist. Revoking a revoked token changes nothing and succeeds.
Status RevokeToken(Store& store, const Clock& clock, const Actor& actor, std::int64_t id);

}  // namespace redress::app
