#pragma once

// Web sessions and sign-in throttling on PostgreSQL (app::SessionRepository): in the database,
// so that every instance sees a sign-out or a throttle at once.

#include "app/session_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresSessionRepository final : public app::SessionRepository {
 public:
  explicit PostgresSessionRepository(Connection& connection) : connection_(connection) {}

  Result<app::Session> Insert(app::Session session) override;
  Result<app::Session> FindByHash(std::string_view token_hash) override;
  Status Extend(std::int64_t id, std::int64_t expires_at) override;
  Status Delete(std::int64_t id) override;
  Result<int> DeleteAllOf(std::int64_t user_id, std::string_view keep_token_hash) override;
  Result<app::SignInAttempts> LoadSignInAttempts(std::string_view username) override;
  Status SaveSignInAttempts(std::string_view username,
                            const app::SignInAttempts& attempts) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
