#pragma once

// The SQLite ResidentAccessRepository (app/resident_access_repository.hpp): the public service's
// form sessions and one-time codes (migration 0019), on the connection of one transaction.

#include "app/resident_access_repository.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

class SqliteResidentAccessRepository final : public app::ResidentAccessRepository {
 public:
  explicit SqliteResidentAccessRepository(Connection& connection) : connection_(connection) {}

  Result<std::optional<app::ResidentSessionRecord>> FindSession(
      std::string_view token_hash) override;
  Status SaveSession(const app::ResidentSessionRecord& session) override;
  Status DeleteSession(std::string_view token_hash) override;
  // SQLite's one writer holds the database from the first write of a Write transaction to its
  // commit, and Write transactions begin IMMEDIATE, so a plain SELECT is the lock here.
  Result<std::optional<app::ResidentCodeRecord>> LockCode(std::string_view pair_hash) override;
  Status SaveCode(const app::ResidentCodeRecord& code) override;
  Status DeleteCode(std::string_view pair_hash) override;
  Result<int> DeleteExpired(std::int64_t now) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
