#pragma once

// The public service's form sessions and one-time codes on PostgreSQL
// (app::ResidentAccessRepository, migration 0004): shared by every instance.

#include "app/resident_access_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresResidentAccessRepository final : public app::ResidentAccessRepository {
 public:
  explicit PostgresResidentAccessRepository(Connection& connection) : connection_(connection) {}

  Result<std::optional<app::ResidentSessionRecord>> FindSession(
      std::string_view token_hash) override;
  Status SaveSession(const app::ResidentSessionRecord& session) override;
  Status DeleteSession(std::string_view token_hash) override;
  // SELECT ... FOR UPDATE: a second instance's try at the same code waits for this transaction
  // and then reads the row as it left it (READ COMMITTED re-reads a locked row).
  Result<std::optional<app::ResidentCodeRecord>> LockCode(std::string_view pair_hash) override;
  Status SaveCode(const app::ResidentCodeRecord& code) override;
  Status DeleteCode(std::string_view pair_hash) override;
  Result<int> DeleteExpired(std::int64_t now) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
