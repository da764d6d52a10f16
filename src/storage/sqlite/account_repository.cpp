#include "storage/sqlite/account_repository.hpp"

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

Result<app::User> SqliteAccountRepository::InsertUser(app::User user) {
  Result<std::int64_t> id = InsertWithId(connection_, user);
  if (!id) {
    if (id.error().code == ErrorCode::kConflict) {
      // The username or, whatever its case, the email address (users_email, migration 0016).
      const bool username_taken = static_cast<bool>(FindUser(user.username));
      return Fail(ErrorCode::kConflict, username_taken
                                            ? "the username " + user.username + " is taken"
                                            : "the email address " + user.email + " is taken");
    }
    return Unexpected(id.error());
  }
  user.id = *id;
  return user;
}

Result<app::User> SqliteAccountRepository::FindUser(std::string_view username) {
  static const std::string sql = SelectAllSql<app::User>() + " WHERE username = ?";
  return FindBy<app::User>(connection_, sql, username, "no user " + std::string(username));
}

Result<std::vector<app::User>> SqliteAccountRepository::ListUsers() {
  return ListAll<app::User>(connection_);
}

Status SqliteAccountRepository::UpdateUser(const app::User& user) {
  static const std::string sql = [] {
    std::string assignments;
    for (std::string_view column : Table<app::User>::kColumns) {
      if (!assignments.empty()) assignments += ", ";
      assignments += std::string(column) + " = ?";
    }
    return "UPDATE users SET " + assignments + " WHERE id = ?";
  }();
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  Table<app::User>::Bind(*statement, user);
  statement->Bind(user.id);
  return NameUnknownReference(connection_,
                              RunOnExistingRow(*statement, "no user " + std::to_string(user.id)),
                              [&] { return Table<app::User>::References(user); });
}

Result<app::ApiToken> SqliteAccountRepository::InsertToken(app::ApiToken token) {
  Result<std::int64_t> id = InsertWithId(connection_, token);
  if (!id) return Unexpected(id.error());
  token.id = *id;
  return token;
}

Result<app::ApiToken> SqliteAccountRepository::FindTokenByHash(std::string_view token_hash) {
  static const std::string sql = SelectAllSql<app::ApiToken>() + " WHERE token_hash = ?";
  return FindBy<app::ApiToken>(connection_, sql, token_hash, "no such token");
}

Result<app::User> SqliteAccountRepository::FindUserById(std::int64_t id) {
  static const std::string sql = SelectAllSql<app::User>() + " WHERE id = ?";
  return FindBy<app::User>(connection_, sql, id, "no user " + std::to_string(id));
}

Result<app::ApiToken> SqliteAccountRepository::FindToken(std::int64_t id) {
  static const std::string sql = SelectAllSql<app::ApiToken>() + " WHERE id = ?";
  return FindBy<app::ApiToken>(connection_, sql, id, "no token " + std::to_string(id));
}

Result<std::vector<app::ApiToken>> SqliteAccountRepository::TokensOf(std::int64_t user_id) {
  static const std::string sql = SelectAllSql<app::ApiToken>() + " WHERE user_id = ? ORDER BY id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(user_id);
  return ReadAll(*statement, Table<app::ApiToken>::Read);
}

Status SqliteAccountRepository::RevokeToken(std::int64_t id, std::string_view revoked_at) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(revoked_at, id);
  return RunOnExistingRow(*statement, "no token " + std::to_string(id));
}

Result<int> SqliteAccountRepository::RevokeTokensOf(std::int64_t user_id,
                                                    std::string_view revoked_at) {
  Result<Statement> statement = connection_.Prepare(
      "UPDATE api_tokens SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(revoked_at, user_id);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  return statement->Changes();
}

}  // namespace redress::storage::sqlite
