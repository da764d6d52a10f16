#include "storage/postgres/session_repository.hpp"

namespace redress::storage::postgres {

Result<app::Session> PostgresSessionRepository::Insert(app::Session session) {
  Result<Rows> rows = connection_.Query(
      "INSERT INTO sessions (token_hash, user_id, csrf_token_hash, created_at, expires_at) "
      "VALUES ($1, $2, $3, $4, $5) RETURNING id",
      Params().BindAll(session.token_hash, session.user_id, session.csrf_token_hash,
                       session.created_at, session.expires_at));
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  session.id = *id;
  return session;
}

Result<app::Session> PostgresSessionRepository::FindByHash(std::string_view token_hash) {
  Result<Rows> rows = connection_.Query(
      "SELECT id, token_hash, user_id, csrf_token_hash, created_at, expires_at FROM sessions "
      "WHERE token_hash = $1",
      Params().Bind(token_hash));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(
      [](RowReader& r) {
        return app::Session{r.Int64(), r.Text(), r.Int64(), r.Text(), r.Int64(), r.Int64()};
      },
      "no such session");
}

Status PostgresSessionRepository::Extend(std::int64_t id, std::int64_t expires_at) {
  return connection_.Run("UPDATE sessions SET expires_at = $1 WHERE id = $2",
                         Params().BindAll(expires_at, id));
}

Status PostgresSessionRepository::Delete(std::int64_t id) {
  return connection_.Run("DELETE FROM sessions WHERE id = $1", Params().Bind(id));
}

Result<int> PostgresSessionRepository::DeleteAllOf(std::int64_t user_id,
                                                   std::string_view keep_token_hash) {
  Result<Rows> rows =
      connection_.Query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2",
                        Params().BindAll(user_id, keep_token_hash));
  if (!rows) return Unexpected(rows.error());
  return static_cast<int>(rows->Affected());
}

Result<app::SignInAttempts> PostgresSessionRepository::LoadSignInAttempts(
    std::string_view username) {
  Result<Rows> rows = connection_.Query(
      "SELECT consecutive_failures, last_failure_at FROM sign_in_attempts WHERE username = $1",
      Params().Bind(username));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return app::SignInAttempts{};
  return rows->ReadOne(
      [](RowReader& r) {
        app::SignInAttempts attempts;
        attempts.consecutive_failures = r.Int();
        attempts.last_failure_at = r.Int64();
        return attempts;
      },
      "no attempts");
}

Status PostgresSessionRepository::SaveSignInAttempts(std::string_view username,
                                                     const app::SignInAttempts& attempts) {
  return connection_.Run(
      "INSERT INTO sign_in_attempts (username, consecutive_failures, last_failure_at) "
      "VALUES ($1, $2, $3) ON CONFLICT (username) DO UPDATE SET "
      "consecutive_failures = excluded.consecutive_failures, "
      "last_failure_at = excluded.last_failure_at",
      Params().BindAll(username, attempts.consecutive_failures, attempts.last_failure_at));
}

}  // namespace redress::storage::postgres
