#include "storage/postgres/account_repository.hpp"

#include <string>

namespace redress::storage::postgres {

namespace {

constexpr std::string_view kUserColumns =
    "id, username, display_name, role, coalesce(team, ''), password_hash, active, email, "
    "reminder_digest";
constexpr std::string_view kTokenColumns =
    "id, user_id, token_hash, label, created_at, revoked_at, expires_on";

app::User ReadUser(RowReader& r) {
  app::User user{r.Int64(), r.Text(), r.Text(), r.Enumerator(core::ParseRole),
                 r.Text(),  r.Text(), r.Bool()};
  user.email = r.Text();
  user.reminder_digest = r.Bool() ? app::ReminderDigest::kDaily : app::ReminderDigest::kOff;
  return user;
}

bool DailyDigest(const app::User& user) {
  return user.reminder_digest == app::ReminderDigest::kDaily;
}

app::ApiToken ReadToken(RowReader& r) {
  return {r.Int64(), r.Int64(), r.Text(), r.Text(), r.Text(), r.OptionalText(), r.OptionalDate()};
}

std::string SelectUsers(std::string_view condition) {
  return "SELECT " + std::string(kUserColumns) + " FROM users " + std::string(condition);
}

std::string SelectTokens(std::string_view condition) {
  return "SELECT " + std::string(kTokenColumns) + " FROM api_tokens " + std::string(condition);
}

}  // namespace

Result<app::User> PostgresAccountRepository::InsertUser(app::User user) {
  // ON CONFLICT DO NOTHING: a taken username or, whatever its case, email address (users_email,
  // migration 0003) is an answer, not a failed transaction.
  Result<Rows> rows = connection_.Query(
      "INSERT INTO users (username, display_name, role, team, password_hash, active, email, "
      "reminder_digest) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING "
      "RETURNING id",
      Params().BindAll(user.username, user.display_name, user.role, Code{user.team},
                       user.password_hash, user.active, user.email, DailyDigest(user)));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    const bool username_taken = static_cast<bool>(FindUser(user.username));
    return Fail(ErrorCode::kConflict, username_taken
                                          ? "the username " + user.username + " is taken"
                                          : "the email address " + user.email + " is taken");
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  user.id = *id;
  return user;
}

Result<app::User> PostgresAccountRepository::FindUserWhere(std::string_view condition,
                                                           const Params& params,
                                                           std::string_view missing) {
  Result<Rows> rows = connection_.Query(SelectUsers(condition), params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(ReadUser, missing);
}

Result<app::User> PostgresAccountRepository::FindUser(std::string_view username) {
  return FindUserWhere("WHERE username = $1", Params().Bind(username),
                       "no user " + std::string(username));
}

Result<app::User> PostgresAccountRepository::FindUserById(std::int64_t id) {
  return FindUserWhere("WHERE id = $1", Params().Bind(id), "no user " + std::to_string(id));
}

Result<std::vector<app::User>> PostgresAccountRepository::ListUsers() {
  Result<Rows> rows = connection_.Query(SelectUsers("ORDER BY username"));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadUser);
}

Status PostgresAccountRepository::UpdateUser(const app::User& user) {
  Result<Rows> rows = connection_.Query(
      "UPDATE users SET username = $1, display_name = $2, role = $3, team = $4, "
      "password_hash = $5, active = $6, email = $7, reminder_digest = $8 WHERE id = $9",
      Params().BindAll(user.username, user.display_name, user.role, Code{user.team},
                       user.password_hash, user.active, user.email, DailyDigest(user), user.id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0)
    return Fail(ErrorCode::kNotFound, "no user " + std::to_string(user.id));
  return {};
}

Result<app::ApiToken> PostgresAccountRepository::InsertToken(app::ApiToken token) {
  Result<Rows> rows = connection_.Query(
      "INSERT INTO api_tokens (user_id, token_hash, label, created_at, revoked_at, expires_on) "
      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      Params().BindAll(token.user_id, token.token_hash, token.label, token.created_at,
                       token.revoked_at, token.expires_on));
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  token.id = *id;
  return token;
}

Result<app::ApiToken> PostgresAccountRepository::FindTokenWhere(std::string_view condition,
                                                                const Params& params,
                                                                std::string_view missing) {
  Result<Rows> rows = connection_.Query(SelectTokens(condition), params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(ReadToken, missing);
}

Result<app::ApiToken> PostgresAccountRepository::FindToken(std::int64_t id) {
  return FindTokenWhere("WHERE id = $1", Params().Bind(id), "no token " + std::to_string(id));
}

Result<app::ApiToken> PostgresAccountRepository::FindTokenByHash(std::string_view token_hash) {
  return FindTokenWhere("WHERE token_hash = $1", Params().Bind(token_hash), "no such token");
}

Result<std::vector<app::ApiToken>> PostgresAccountRepository::TokensOf(std::int64_t user_id) {
  Result<Rows> rows =
      connection_.Query(SelectTokens("WHERE user_id = $1 ORDER BY id"), Params().Bind(user_id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadToken);
}

Status PostgresAccountRepository::RevokeToken(std::int64_t id, std::string_view revoked_at) {
  Result<Rows> rows =
      connection_.Query("UPDATE api_tokens SET revoked_at = coalesce(revoked_at, $1) WHERE id = $2",
                        Params().BindAll(revoked_at, id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) return Fail(ErrorCode::kNotFound, "no token " + std::to_string(id));
  return {};
}

Result<int> PostgresAccountRepository::RevokeTokensOf(std::int64_t user_id,
                                                      std::string_view revoked_at) {
  Result<Rows> rows = connection_.Query(
      "UPDATE api_tokens SET revoked_at = $1 WHERE user_id = $2 AND revoked_at IS NULL",
      Params().BindAll(revoked_at, user_id));
  if (!rows) return Unexpected(rows.error());
  return static_cast<int>(rows->Affected());
}

}  // namespace redress::storage::postgres
