#pragma once

// The SQLite AccountRepository (app/account_repository.hpp), on the connection of one transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The users and API tokens of a transaction.
class SqliteAccountRepository final : public app::AccountRepository {
 public:
  explicit SqliteAccountRepository(Connection& connection) : connection_(connection) {}

  core::Result<app::User> InsertUser(app::User user) override;
  core::Result<app::User> FindUser(std::string_view username) override;
  core::Result<app::User> FindUserById(std::int64_t id) override;
  core::Result<std::vector<app::User>> ListUsers() override;
  core::Status UpdateUser(const app::User& user) override;
  core::Result<app::ApiToken> InsertToken(app::ApiToken token) override;
  core::Result<app::ApiToken> FindToken(std::int64_t id) override;
  core::Result<app::ApiToken> FindTokenByHash(std::string_view token_hash) override;
  core::Result<std::vector<app::ApiToken>> TokensOf(std::int64_t user_id) override;
  core::Status RevokeToken(std::int64_t id, std::string_view revoked_at) override;
  core::Result<int> RevokeTokensOf(std::int64_t user_id, std::string_view revoked_at) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
