#pragma once

// User accounts and their API tokens. Part of the ports (app/ports.hpp).

#include <cstdint>
#include <string_view>
#include <vector>

#include "app/records.hpp"
#include "core/result.hpp"

namespace redress::app {

// The accounts of one transaction (Tx::Accounts). Usernames are unique (kConflict); a token is
// found by the hash of its secret, never by the secret.
class AccountRepository {
 public:
  virtual ~AccountRepository() = default;

  virtual core::Result<User> InsertUser(User user) = 0;                // assigns id
  virtual core::Result<User> FindUser(std::string_view username) = 0;  // kNotFound if absent
  virtual core::Result<User> FindUserById(std::int64_t id) = 0;        // kNotFound if absent
  virtual core::Result<std::vector<User>> ListUsers() = 0;             // by username
  // Stores every field of the user with this id (the username included); kNotFound if absent.
  virtual core::Status UpdateUser(const User& user) = 0;
  virtual core::Result<ApiToken> InsertToken(ApiToken token) = 0;  // assigns id
  virtual core::Result<ApiToken> FindToken(std::int64_t id) = 0;   // kNotFound if absent
  virtual core::Result<ApiToken> FindTokenByHash(std::string_view token_hash) = 0;  // kNotFound
  virtual core::Result<std::vector<ApiToken>> TokensOf(std::int64_t user_id) = 0;   // by id
  // Sets revoked_at; kNotFound if absent. A revoked token keeps its first revoked_at.
  virtual core::Status RevokeToken(std::int64_t id, std::string_view revoked_at) = 0;
  // Revokes every token of the user not yet revoked; returns how many it revoked.
  virtual core::Result<int> RevokeTokensOf(std::int64_t user_id, std::string_view revoked_at) = 0;
};

}  // namespace redress::app
