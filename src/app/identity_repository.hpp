#pragma once

// Signing in with the organisation's OpenID Connect provider (issue 21): its configuration, the
// links from a provider's accounts to Redress users, and the sign-ins under way between the
// redirect to the provider and its answer. Part of the ports (app/ports.hpp).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/identity.hpp"
#include "core/result.hpp"

namespace redress::app {

// The provider's configuration: one per organisation. The client secret is never stored, only
// where to read it from at sign-in.
struct OidcSettings {
  bool enabled = false;      // offered on the sign-in page
  std::string display_name;  // "Sign in with <display_name>"
  std::string issuer;        // pinned; discovery is <issuer>/.well-known/openid-configuration
  std::string client_id;
  // "env:NAME" (an environment variable of the server) or "file:/path" (a file the server can
  // read; its content, trailing newline removed); "" for a public client (PKCE only).
  std::string client_secret_source;
  std::string redirect_url;   // this server's /api/v1/oidc/callback as the provider knows it
  bool create_users = false;  // just-in-time: the first sign-in of an unlinked account creates it
  core::PasswordSignIn password_sign_in = core::PasswordSignIn::kEveryone;
  std::string break_glass_username;  // may sign in with a password whatever the policy
  std::vector<core::RoleMappingRule> role_mappings;  // in order: the first match wins
  friend bool operator==(const OidcSettings&, const OidcSettings&) = default;
};

// A provider's account linked to a user: (issuer, subject) is unique, and a user may have one
// link per issuer.
struct IdentityLink {
  std::int64_t id = 0;
  std::string issuer;
  std::string subject;  // core::SubjectKeyOf
  std::int64_t user_id = 0;
  std::string email;  // the email claim at the last sign-in, "" when the provider sent none
  std::string linked_at;
  std::string last_sign_in_at;
};

// A sign-in sent to the provider and not yet answered.
struct PendingSignIn {
  std::string state_hash;  // HashSecretToken of the state parameter
  std::string nonce;
  std::string code_verifier;  // PKCE (RFC 7636)
  std::int64_t expires_at = 0;
};

class IdentityRepository {
 public:
  virtual ~IdentityRepository() = default;

  // nullopt until a configuration has been saved.
  virtual core::Result<std::optional<OidcSettings>> LoadOidcSettings() = 0;
  virtual core::Status SaveOidcSettings(const OidcSettings& settings) = 0;

  virtual core::Result<std::optional<IdentityLink>> FindLink(std::string_view issuer,
                                                             std::string_view subject) = 0;
  // The user's links, oldest first.
  virtual core::Result<std::vector<IdentityLink>> LinksOf(std::int64_t user_id) = 0;
  // Assigns id; kConflict when (issuer, subject) is linked already or the user has a link at
  // that issuer.
  virtual core::Result<IdentityLink> InsertLink(IdentityLink link) = 0;
  // Records a sign-in through the link: its email claim and the time. kNotFound if absent.
  virtual core::Status TouchLink(std::int64_t id, std::string_view email,
                                 std::string_view signed_in_at) = 0;

  virtual core::Status InsertPendingSignIn(const PendingSignIn& pending) = 0;
  // Removes and returns the pending sign-in of `state_hash` if it has not expired at `now`;
  // removes every expired one. So a state (and the code sent with it) is used at most once.
  virtual core::Result<std::optional<PendingSignIn>> TakePendingSignIn(std::string_view state_hash,
                                                                       std::int64_t now) = 0;
};

}  // namespace redress::app
