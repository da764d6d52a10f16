#include "storage/postgres/resident_access_repository.hpp"

#include <string>

#include "storage/common/resident_access_rows.hpp"

namespace redress::storage::postgres {
namespace {

// The one row `sql` reads with `read`, or nullopt when it reads none.
template <typename Read>
auto QueryOptional(Connection& connection, const std::string& sql, std::string_view key, Read read)
    -> Result<std::optional<decltype(read(std::declval<RowReader&>()))>> {
  Result<Rows> rows = connection.Query(sql, Params().Bind(key));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::nullopt;
  auto found = rows->ReadOne(read, "none");
  if (!found) return Unexpected(found.error());
  return std::optional(std::move(*found));
}

}  // namespace

Result<std::optional<app::ResidentSessionRecord>> PostgresResidentAccessRepository::FindSession(
    std::string_view token_hash) {
  static const std::string sql = "SELECT " + std::string(common::kResidentSessionColumns) +
                                 " FROM resident_sessions WHERE token_hash = $1";
  return QueryOptional(connection_, sql, token_hash, common::ReadResidentSession<RowReader>);
}

Status PostgresResidentAccessRepository::SaveSession(const app::ResidentSessionRecord& session) {
  return connection_.Run(
      "INSERT INTO resident_sessions (token_hash, data, expires_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, "
      "expires_at = excluded.expires_at",
      Params().BindAll(session.token_hash, session.data, session.expires_at));
}

Status PostgresResidentAccessRepository::DeleteSession(std::string_view token_hash) {
  return connection_.Run("DELETE FROM resident_sessions WHERE token_hash = $1",
                         Params().Bind(token_hash));
}

Result<std::optional<app::ResidentCodeRecord>> PostgresResidentAccessRepository::LockCode(
    std::string_view pair_hash) {
  static const std::string sql = "SELECT " + std::string(common::kResidentCodeColumns) +
                                 " FROM resident_codes WHERE pair_hash = $1 FOR UPDATE";
  return QueryOptional(connection_, sql, pair_hash, common::ReadResidentCode<RowReader>);
}

Status PostgresResidentAccessRepository::SaveCode(const app::ResidentCodeRecord& code) {
  return connection_.Run(
      "INSERT INTO resident_codes (pair_hash, code_hash, expires_at, wrong_tries, used) "
      "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (pair_hash) DO UPDATE SET "
      "code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
      "wrong_tries = excluded.wrong_tries, used = excluded.used",
      Params().BindAll(code.pair_hash, code.code_hash, code.state.expires_at,
                       code.state.wrong_tries, code.state.used ? 1 : 0));
}

Status PostgresResidentAccessRepository::DeleteCode(std::string_view pair_hash) {
  return connection_.Run("DELETE FROM resident_codes WHERE pair_hash = $1",
                         Params().Bind(pair_hash));
}

Result<int> PostgresResidentAccessRepository::DeleteExpired(std::int64_t now) {
  std::int64_t deleted = 0;
  for (const char* sql : {"DELETE FROM resident_sessions WHERE expires_at <= $1",
                          "DELETE FROM resident_codes WHERE expires_at <= $1"}) {
    Result<Rows> rows = connection_.Query(sql, Params().Bind(now));
    if (!rows) return Unexpected(rows.error());
    deleted += rows->Affected();
  }
  return static_cast<int>(deleted);
}

}  // namespace redress::storage::postgres
