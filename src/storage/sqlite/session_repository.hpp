#pragma once

// The SQLite SessionRepository (app/session_repository.hpp), on the connection of one transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The web sessions and sign-in attempts of a transaction.
class SqliteSessionRepository final : public app::SessionRepository {
 public:
  explicit SqliteSessionRepository(Connection& connection) : connection_(connection) {}

  core::Result<app::Session> Insert(app::Session session) override;
  core::Result<app::Session> FindByHash(std::string_view token_hash) override;
  core::Status Extend(std::int64_t id, std::int64_t expires_at) override;
  core::Status Delete(std::int64_t id) override;
  core::Result<int> DeleteAllOf(std::int64_t user_id, std::string_view keep_token_hash) override;
  core::Result<app::SignInAttempts> LoadSignInAttempts(std::string_view username) override;
  core::Status SaveSignInAttempts(std::string_view username,
                                  const app::SignInAttempts& attempts) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
