#pragma once

// Accounts: users with roles, and bearer tokens for integrations.

#include <string>

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

struct IssuedToken {
  std::string token;  // shown once; only its hash is stored
  ApiToken record;
};

// Issues a bearer token for an active user.
Result<IssuedToken> CreateToken(Store& store, const Clock& clock, const Actor& actor,
                                const std::string& username, const std::string& label);

}  // namespace redress::app
