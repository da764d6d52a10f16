#pragma once

// User accounts and their API tokens on PostgreSQL (app::AccountRepository).

#include "app/account_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresAccountRepository final : public app::AccountRepository {
 public:
  explicit PostgresAccountRepository(Connection& connection) : connection_(connection) {}

  Result<app::User> InsertUser(app::User user) override;
  Result<app::User> FindUser(std::string_view username) override;
  Result<app::User> FindUserById(std::int64_t id) override;
  Result<std::vector<app::User>> ListUsers() override;
  Status UpdateUser(const app::User& user) override;
  Result<app::ApiToken> InsertToken(app::ApiToken token) override;
  Result<app::ApiToken> FindToken(std::int64_t id) override;
  Result<app::ApiToken> FindTokenByHash(std::string_view token_hash) override;
  Result<std::vector<app::ApiToken>> TokensOf(std::int64_t user_id) override;
  Status RevokeToken(std::int64_t id, std::string_view revoked_at) override;
  Result<int> RevokeTokensOf(std::int64_t user_id, std::string_view revoked_at) override;

 private:
  Result<app::User> FindUserWhere(std::string_view condition, const Params& params,
                                  std::string_view missing);
  Result<app::ApiToken> FindTokenWhere(std::string_view condition, const Params& params,
                                       std::string_view missing);

  Connection& connection_;
};

}  // namespace redress::storage::postgres
