#include "storage/sqlite/identity_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/identity_rows.hpp"

namespace redress::storage::sqlite {

Result<std::optional<app::OidcSettings>> SqliteIdentityRepository::LoadOidcSettings() {
  Result<Statement> statement = connection_.Prepare(
      "SELECT " + std::string(common::kOidcSettingsColumns) + " FROM oidc_settings WHERE id = 1");
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<app::OidcSettings>> rows =
      ReadAll(*statement, common::ReadOidcSettings<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::OidcSettings>();
  app::OidcSettings settings = std::move(rows->front());

  Result<Statement> mappings =
      connection_.Prepare("SELECT " + std::string(common::kRoleMappingColumns) +
                          " FROM oidc_role_mappings ORDER BY position");
  if (!mappings) return Unexpected(mappings.error());
  Result<std::vector<core::RoleMappingRule>> rules =
      ReadAll(*mappings, common::ReadRoleMapping<ColumnReader>);
  if (!rules) return Unexpected(rules.error());
  settings.role_mappings = std::move(*rules);
  return std::optional<app::OidcSettings>(std::move(settings));
}

Status SqliteIdentityRepository::SaveOidcSettings(const app::OidcSettings& settings) {
  static const std::string sql =
      "INSERT INTO oidc_settings (id, " + std::string(common::kOidcSettingsColumns) +
      ") VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + std::string(common::kOidcSettingsUpsert);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindOidcSettings(*statement, settings);
  if (Status run = statement->Run(); !run) return run;
  if (Status cleared = connection_.Execute("DELETE FROM oidc_role_mappings"); !cleared) {
    return cleared;
  }
  for (std::size_t i = 0; i < settings.role_mappings.size(); ++i) {
    const core::RoleMappingRule& rule = settings.role_mappings[i];
    Result<Statement> insert = connection_.Prepare(
        "INSERT INTO oidc_role_mappings (position, claim, value, role, team) "
        "VALUES (?, ?, ?, ?, ?)");
    if (!insert) return Unexpected(insert.error());
    insert->BindAll(static_cast<std::int64_t>(i), rule.claim, rule.value, rule.role, rule.team);
    if (Status run = insert->Run(); !run) return run;
  }
  return {};
}

Result<std::optional<app::IdentityLink>> SqliteIdentityRepository::FindLink(
    std::string_view issuer, std::string_view subject) {
  static const std::string sql = "SELECT " + std::string(common::kLinkColumns) +
                                 " FROM identity_links WHERE issuer = ? AND subject = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(issuer, subject);
  Result<std::vector<app::IdentityLink>> rows = ReadAll(*statement, common::ReadLink<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<app::IdentityLink>();
  return std::optional<app::IdentityLink>(std::move(rows->front()));
}

Result<std::vector<app::IdentityLink>> SqliteIdentityRepository::LinksOf(std::int64_t user_id) {
  static const std::string sql = "SELECT " + std::string(common::kLinkColumns) +
                                 " FROM identity_links WHERE user_id = ? ORDER BY id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(user_id);
  return ReadAll(*statement, common::ReadLink<ColumnReader>);
}

Result<app::IdentityLink> SqliteIdentityRepository::InsertLink(app::IdentityLink link) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO identity_links (issuer, subject, user_id, email, linked_at, last_sign_in_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(link.issuer, link.subject, link.user_id, link.email, link.linked_at,
                     link.last_sign_in_at);
  if (Status run = statement->Run(); !run) return Unexpected(run.error());
  link.id = statement->LastInsertRowid();
  return link;
}

Status SqliteIdentityRepository::TouchLink(std::int64_t id, std::string_view email,
                                           std::string_view signed_in_at) {
  Result<Statement> statement =
      connection_.Prepare("UPDATE identity_links SET email = ?, last_sign_in_at = ? WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(email, signed_in_at, id);
  return RunOnExistingRow(*statement, "no such identity link");
}

Status SqliteIdentityRepository::InsertPendingSignIn(const app::PendingSignIn& pending) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO oidc_pending_sign_ins (state_hash, nonce, code_verifier, expires_at) "
      "VALUES (?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(pending.state_hash, pending.nonce, pending.code_verifier, pending.expires_at);
  return statement->Run();
}

Result<std::optional<app::PendingSignIn>> SqliteIdentityRepository::TakePendingSignIn(
    std::string_view state_hash, std::int64_t now) {
  Result<Statement> statement = connection_.Prepare(
      "DELETE FROM oidc_pending_sign_ins WHERE state_hash = ? AND expires_at > ? "
      "RETURNING " +
      std::string(common::kPendingSignInColumns));
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(state_hash, now);
  Result<std::vector<app::PendingSignIn>> rows =
      ReadAll(*statement, common::ReadPendingSignIn<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  Result<Statement> purge =
      connection_.Prepare("DELETE FROM oidc_pending_sign_ins WHERE expires_at <= ?");
  if (!purge) return Unexpected(purge.error());
  purge->Bind(now);
  if (Status run = purge->Run(); !run) return Unexpected(run.error());
  if (rows->empty()) return std::optional<app::PendingSignIn>();
  return std::optional<app::PendingSignIn>(std::move(rows->front()));
}

}  // namespace redress::storage::sqlite
