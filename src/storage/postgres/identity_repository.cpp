#include "storage/postgres/identity_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/identity_rows.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {
namespace {

constexpr int kOidcSettingsColumnCount = 9;

// The first of `rows` read with `read`, or none.
template <typename Record, typename Read>
Result<std::optional<Record>> FirstOf(const Rows& rows, Read read) {
  if (rows.empty()) return std::optional<Record>();
  auto record = rows.ReadOne(read, "no row");
  if (!record) return Unexpected(record.error());
  return std::optional<Record>(std::move(*record));
}

}  // namespace

Result<std::optional<app::OidcSettings>> PostgresIdentityRepository::LoadOidcSettings() {
  static const std::string sql =
      "SELECT " + std::string(common::kOidcSettingsColumns) + " FROM oidc_settings WHERE id = 1";
  Result<Rows> rows = connection_.Query(sql);
  if (!rows) return Unexpected(rows.error());
  auto settings = FirstOf<app::OidcSettings>(*rows, common::ReadOidcSettings<RowReader>);
  if (!settings || !*settings) return settings;
  static const std::string mappings_sql = "SELECT " + std::string(common::kRoleMappingColumns) +
                                          " FROM oidc_role_mappings ORDER BY position";
  Result<Rows> mappings = connection_.Query(mappings_sql);
  if (!mappings) return Unexpected(mappings.error());
  auto rules = mappings->ReadAll(common::ReadRoleMapping<RowReader>);
  if (!rules) return Unexpected(rules.error());
  (*settings)->role_mappings = std::move(*rules);
  return settings;
}

Status PostgresIdentityRepository::SaveOidcSettings(const app::OidcSettings& settings) {
  static const std::string sql = "INSERT INTO oidc_settings (id, " +
                                 std::string(common::kOidcSettingsColumns) + ") VALUES (1, " +
                                 ParameterList(kOidcSettingsColumnCount) + ")" +
                                 std::string(common::kOidcSettingsUpsert);
  Params params;
  common::BindOidcSettings(params, settings);
  if (Status saved = connection_.Run(sql, params); !saved) return saved;
  if (Status cleared = connection_.Run("DELETE FROM oidc_role_mappings"); !cleared) return cleared;
  for (std::size_t i = 0; i < settings.role_mappings.size(); ++i) {
    const core::RoleMappingRule& rule = settings.role_mappings[i];
    if (Status added =
            connection_.Run("INSERT INTO oidc_role_mappings (position, claim, value, role, team) "
                            "VALUES ($1, $2, $3, $4, $5)",
                            Params().BindAll(static_cast<std::int64_t>(i), rule.claim, rule.value,
                                             rule.role, rule.team));
        !added) {
      return added;
    }
  }
  return {};
}

Result<std::optional<app::IdentityLink>> PostgresIdentityRepository::FindLink(
    std::string_view issuer, std::string_view subject) {
  static const std::string sql = "SELECT " + std::string(common::kLinkColumns) +
                                 " FROM identity_links WHERE issuer = $1 AND subject = $2";
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(issuer, subject));
  if (!rows) return Unexpected(rows.error());
  return FirstOf<app::IdentityLink>(*rows, common::ReadLink<RowReader>);
}

Result<std::vector<app::IdentityLink>> PostgresIdentityRepository::LinksOf(std::int64_t user_id) {
  static const std::string sql = "SELECT " + std::string(common::kLinkColumns) +
                                 " FROM identity_links WHERE user_id = $1 ORDER BY id";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(user_id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadLink<RowReader>);
}

Result<app::IdentityLink> PostgresIdentityRepository::InsertLink(app::IdentityLink link) {
  // ON CONFLICT DO NOTHING: a subject or a user already linked at the issuer is kConflict, an
  // answer rather than a failed transaction.
  Result<Rows> rows = connection_.Query(
      "INSERT INTO identity_links (issuer, subject, user_id, email, linked_at, last_sign_in_at) "
      "VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING id",
      Params().BindAll(link.issuer, link.subject, link.user_id, link.email, link.linked_at,
                       link.last_sign_in_at));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    return Fail(ErrorCode::kConflict, "the account at " + link.issuer + " is linked already");
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  link.id = *id;
  return link;
}

Status PostgresIdentityRepository::TouchLink(std::int64_t id, std::string_view email,
                                             std::string_view signed_in_at) {
  Result<Rows> rows =
      connection_.Query("UPDATE identity_links SET email = $1, last_sign_in_at = $2 WHERE id = $3",
                        Params().BindAll(email, signed_in_at, id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) return Fail(ErrorCode::kNotFound, "no such identity link");
  return {};
}

Status PostgresIdentityRepository::InsertPendingSignIn(const app::PendingSignIn& pending) {
  return connection_.Run("INSERT INTO oidc_pending_sign_ins (" +
                             std::string(common::kPendingSignInColumns) +
                             ") VALUES ($1, $2, $3, $4)",
                         Params().BindAll(pending.state_hash, pending.nonce, pending.code_verifier,
                                          pending.expires_at));
}

Result<std::optional<app::PendingSignIn>> PostgresIdentityRepository::TakePendingSignIn(
    std::string_view state_hash, std::int64_t now) {
  // DELETE ... RETURNING takes the row once: of two instances answering the same state, the
  // second waits on the first's row lock and then finds it gone.
  static const std::string sql =
      "DELETE FROM oidc_pending_sign_ins WHERE state_hash = $1 AND expires_at > $2 RETURNING " +
      std::string(common::kPendingSignInColumns);
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(state_hash, now));
  if (!rows) return Unexpected(rows.error());
  auto taken = FirstOf<app::PendingSignIn>(*rows, common::ReadPendingSignIn<RowReader>);
  if (!taken) return taken;
  if (Status purged = connection_.Run("DELETE FROM oidc_pending_sign_ins WHERE expires_at <= $1",
                                      Params().Bind(now));
      !purged) {
    return Unexpected(purged.error());
  }
  return taken;
}

}  // namespace redress::storage::postgres
