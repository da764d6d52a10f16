#pragma once

// Sign-in with the organisation's OpenID Connect provider (app/identity_repository.hpp) as every
// engine stores it: the configuration (`oidc_settings`, `oidc_role_mappings`), the links to users
// (`identity_links`) and the sign-ins under way (`oidc_pending_sign_ins`). The columns and the
// reading of a row, written once as templates over an engine's row reader (the SQLite
// ColumnReader's interface). Each engine runs the SQL itself.

#include <string_view>

#include "app/identity_repository.hpp"

namespace redress::storage::common {

// ReadOidcSettings' columns, in order (the single row has id 1).
inline constexpr std::string_view kOidcSettingsColumns =
    "enabled, display_name, issuer, client_id, client_secret_source, redirect_url, create_users, "
    "password_sign_in, break_glass_username";
inline constexpr std::string_view kRoleMappingColumns = "claim, value, role, team";
inline constexpr std::string_view kLinkColumns =
    "id, issuer, subject, user_id, email, linked_at, last_sign_in_at";
inline constexpr std::string_view kPendingSignInColumns =
    "state_hash, nonce, code_verifier, expires_at";

template <typename Reader>
app::OidcSettings ReadOidcSettings(Reader& r) {
  app::OidcSettings settings;
  settings.enabled = r.Bool();
  settings.display_name = r.Text();
  settings.issuer = r.Text();
  settings.client_id = r.Text();
  settings.client_secret_source = r.Text();
  settings.redirect_url = r.Text();
  settings.create_users = r.Bool();
  settings.password_sign_in = r.Enumerator(core::ParsePasswordSignIn);
  settings.break_glass_username = r.Text();
  return settings;
}

// Binds the settings in kOidcSettingsColumns' order.
template <typename Binder>
void BindOidcSettings(Binder& b, const app::OidcSettings& settings) {
  b.BindAll(settings.enabled, settings.display_name, settings.issuer, settings.client_id,
            settings.client_secret_source, settings.redirect_url, settings.create_users,
            settings.password_sign_in, settings.break_glass_username);
}

// The upsert's SET list for the settings, the same SQL on both engines.
inline constexpr std::string_view kOidcSettingsUpsert =
    " ON CONFLICT (id) DO UPDATE SET enabled = excluded.enabled, "
    "display_name = excluded.display_name, issuer = excluded.issuer, "
    "client_id = excluded.client_id, client_secret_source = excluded.client_secret_source, "
    "redirect_url = excluded.redirect_url, create_users = excluded.create_users, "
    "password_sign_in = excluded.password_sign_in, "
    "break_glass_username = excluded.break_glass_username";

template <typename Reader>
core::RoleMappingRule ReadRoleMapping(Reader& r) {
  core::RoleMappingRule rule;
  rule.claim = r.Enumerator(core::ParseMappedClaim);
  rule.value = r.Text();
  rule.role = r.Enumerator(core::ParseRole);
  rule.team = r.Text();
  return rule;
}

template <typename Reader>
app::IdentityLink ReadLink(Reader& r) {
  app::IdentityLink link;
  link.id = r.Int64();
  link.issuer = r.Text();
  link.subject = r.Text();
  link.user_id = r.Int64();
  link.email = r.Text();
  link.linked_at = r.Text();
  link.last_sign_in_at = r.Text();
  return link;
}

template <typename Reader>
app::PendingSignIn ReadPendingSignIn(Reader& r) {
  app::PendingSignIn pending;
  pending.state_hash = r.Text();
  pending.nonce = r.Text();
  pending.code_verifier = r.Text();
  pending.expires_at = r.Int64();
  return pending;
}

}  // namespace redress::storage::common
