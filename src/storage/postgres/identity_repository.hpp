#pragma once

// Sign-in with the organisation's OpenID Connect provider on PostgreSQL (app::IdentityRepository;
// migration 0003): the configuration (`oidc_settings`, `oidc_role_mappings`), the links to users
// (`identity_links`) and the sign-ins under way (`oidc_pending_sign_ins`), in the database so that
// a sign-in begun on one instance can finish on another.

#include "app/identity_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresIdentityRepository final : public app::IdentityRepository {
 public:
  explicit PostgresIdentityRepository(Connection& connection) : connection_(connection) {}

  Result<std::optional<app::OidcSettings>> LoadOidcSettings() override;
  Status SaveOidcSettings(const app::OidcSettings& settings) override;
  Result<std::optional<app::IdentityLink>> FindLink(std::string_view issuer,
                                                    std::string_view subject) override;
  Result<std::vector<app::IdentityLink>> LinksOf(std::int64_t user_id) override;
  Result<app::IdentityLink> InsertLink(app::IdentityLink link) override;
  Status TouchLink(std::int64_t id, std::string_view email, std::string_view signed_in_at) override;
  Status InsertPendingSignIn(const app::PendingSignIn& pending) override;
  Result<std::optional<app::PendingSignIn>> TakePendingSignIn(std::string_view state_hash,
                                                              std::int64_t now) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
