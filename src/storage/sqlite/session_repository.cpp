#include "storage/sqlite/session_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Result<app::Session> SqliteSessionRepository::Insert(app::Session session) {
  Result<std::int64_t> id = InsertWithId(connection_, session);
  if (!id) return Unexpected(id.error());
  session.id = *id;
  return session;
}

Result<app::Session> SqliteSessionRepository::FindByHash(std::string_view token_hash) {
  static const std::string sql = SelectAllSql<app::Session>() + " WHERE token_hash = ?";
  return FindBy<app::Session>(connection_, sql, token_hash, "no such session");
}

Status SqliteSessionRepository::Extend(std::int64_t id, std::int64_t expires_at) {
  Result<Statement> statement =
      connection_.Prepare("UPDATE sessions SET expires_at = ? WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(expires_at, id);
  return statement->Run();
}

Status SqliteSessionRepository::Delete(std::int64_t id) {
  Result<Statement> statement = connection_.Prepare("DELETE FROM sessions WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return statement->Run();
}

Result<int> SqliteSessionRepository::DeleteAllOf(std::int64_t user_id,
                                                 std::string_view keep_token_hash) {
  Result<Statement> statement =
      connection_.Prepare("DELETE FROM sessions WHERE user_id = ? AND token_hash <> ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(user_id, keep_token_hash);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  return statement->Changes();
}

Result<app::SignInAttempts> SqliteSessionRepository::LoadSignInAttempts(std::string_view username) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT consecutive_failures, last_failure_at FROM sign_in_attempts WHERE username = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(username);
  Result<app::SignInAttempts> found = ReadOne(
      *statement,
      [](ColumnReader& r) {
        app::SignInAttempts attempts;
        attempts.consecutive_failures = r.Int();
        attempts.last_failure_at = r.Int64();
        return attempts;
      },
      "no attempts");
  if (!found && found.error().code == ErrorCode::kNotFound) return app::SignInAttempts{};
  return found;
}

Status SqliteSessionRepository::SaveSignInAttempts(std::string_view username,
                                                   const app::SignInAttempts& attempts) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO sign_in_attempts (username, consecutive_failures, last_failure_at) "
      "VALUES (?, ?, ?) ON CONFLICT (username) DO UPDATE SET "
      "consecutive_failures = excluded.consecutive_failures, "
      "last_failure_at = excluded.last_failure_at");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(username, std::int64_t{attempts.consecutive_failures},
                     attempts.last_failure_at);
  return statement->Run();
}

}  // namespace redress::storage::sqlite
