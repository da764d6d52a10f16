#include "storage/sqlite/resident_access_repository.hpp"

#include <string>

#include "storage/common/resident_access_rows.hpp"

namespace redress::storage::sqlite {
namespace {

// The one row `statement` reads with `read`, or nullopt when it reads none.
template <typename Read>
auto ReadOptional(Statement& statement, Read read)
    -> Result<std::optional<decltype(read(std::declval<ColumnReader&>()))>> {
  auto found = ReadOne(statement, read, "none");
  if (!found) {
    if (found.error().code == ErrorCode::kNotFound) return std::nullopt;
    return Unexpected(found.error());
  }
  return std::optional(std::move(*found));
}

// Runs `sql` with its one parameter `value`.
template <typename Value>
Status RunWith(Connection& connection, const char* sql, const Value& value) {
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(value);
  return statement->Run();
}

}  // namespace

Result<std::optional<app::ResidentSessionRecord>> SqliteResidentAccessRepository::FindSession(
    std::string_view token_hash) {
  static const std::string sql = "SELECT " + std::string(common::kResidentSessionColumns) +
                                 " FROM resident_sessions WHERE token_hash = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(token_hash);
  return ReadOptional(*statement, common::ReadResidentSession<ColumnReader>);
}

Status SqliteResidentAccessRepository::SaveSession(const app::ResidentSessionRecord& session) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO resident_sessions (token_hash, data, expires_at) VALUES (?, ?, ?) "
      "ON CONFLICT (token_hash) DO UPDATE SET data = excluded.data, "
      "expires_at = excluded.expires_at");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(session.token_hash, session.data, session.expires_at);
  return statement->Run();
}

Status SqliteResidentAccessRepository::DeleteSession(std::string_view token_hash) {
  return RunWith(connection_, "DELETE FROM resident_sessions WHERE token_hash = ?", token_hash);
}

Result<std::optional<app::ResidentCodeRecord>> SqliteResidentAccessRepository::LockCode(
    std::string_view pair_hash) {
  static const std::string sql = "SELECT " + std::string(common::kResidentCodeColumns) +
                                 " FROM resident_codes WHERE pair_hash = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(pair_hash);
  return ReadOptional(*statement, common::ReadResidentCode<ColumnReader>);
}

Status SqliteResidentAccessRepository::SaveCode(const app::ResidentCodeRecord& code) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO resident_codes (pair_hash, code_hash, expires_at, wrong_tries, used) "
      "VALUES (?, ?, ?, ?, ?) ON CONFLICT (pair_hash) DO UPDATE SET "
      "code_hash = excluded.code_hash, expires_at = excluded.expires_at, "
      "wrong_tries = excluded.wrong_tries, used = excluded.used");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(code.pair_hash, code.code_hash, code.state.expires_at, code.state.wrong_tries,
                     code.state.used);
  return statement->Run();
}

Status SqliteResidentAccessRepository::DeleteCode(std::string_view pair_hash) {
  return RunWith(connection_, "DELETE FROM resident_codes WHERE pair_hash = ?", pair_hash);
}

Result<int> SqliteResidentAccessRepository::DeleteExpired(std::int64_t now) {
  int deleted = 0;
  for (const char* sql : {"DELETE FROM resident_sessions WHERE expires_at <= ?",
                          "DELETE FROM resident_codes WHERE expires_at <= ?"}) {
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(now);
    if (Status run = statement->Run(); !run) return Unexpected(run.error());
    deleted += statement->Changes();
  }
  return deleted;
}

}  // namespace redress::storage::sqlite
