#pragma once

// Staff sign-in with the organisation's OpenID Connect provider (issue 21; docs/sso.md): the
// authorisation code flow with PKCE (S256), state and nonce; accounts linked on the provider's
// (issuer, subject), created just in time when configured; role and team mapped from the token at
// every sign-in; RP-initiated logout; the configuration and its connection test. Every sign-in,
// link and refusal is in the audit trail (entity "user").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/identity_provider.hpp"
#include "app/identity_repository.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "app/sessions.hpp"

namespace redress::app {

// How long a sign-in sent to the provider may take to come back: long enough to type a password
// and answer a second factor, short enough that a stolen state is soon useless.
inline constexpr std::int64_t kPendingSignInSeconds = 10 * 60;
inline constexpr std::size_t kMaxProviderNameLength = 50;
inline constexpr std::size_t kMaxRoleMappings = 100;
// The audit trail's name for a sign-in refused before the provider's account was known.
inline constexpr std::string_view kUnknownAccountRef = "(unknown provider account)";

// The configuration; nullopt until one is saved.
Result<std::optional<OidcSettings>> GetOidcSettings(Store& store);

// Validates and saves the configuration (an admin's, or the command line's), with a "configured"
// event naming every field that changed (the secret's source, never a secret). kInvalidInput
// naming every offending field: an enabled configuration needs a display name, an issuer and a
// redirect URL that are https (or http on localhost/127.0.0.1, for tests), a client id, a secret
// source "" or "env:NAME" or "file:/absolute/path", and at least one role mapping; each mapping a
// value and, if any, a known team; "break_glass_only" needs the break-glass username of an active
// admin.
Result<OidcSettings> SaveOidcSettings(Store& store, const Clock& clock, const Actor& actor,
                                      const OidcSettings& settings);

// What the sign-in page offers.
struct SignInOptions {
  core::PasswordSignIn password_sign_in = core::PasswordSignIn::kEveryone;
  std::optional<std::string> provider_name;  // set when the provider is enabled
};
Result<SignInOptions> GetSignInOptions(Store& store);

// Starts a sign-in: records the state, nonce and PKCE verifier for kPendingSignInSeconds and
// returns the provider's authorisation URL to send the browser to. kNotFound when no provider is
// enabled; kUnavailable when its discovery document cannot be fetched.
Result<std::string> BeginProviderSignIn(Store& store, const Clock& clock,
                                        IdentityProvider& provider);

// What the provider sent back to the redirect URL.
struct ProviderAnswer {
  std::string code;
  std::string state;
  std::string error;  // the provider's own refusal (the user cancelled, ...)
  std::string error_description;
};

// Why a provider sign-in was refused: `reason` is one of kRefusalReasons, which the sign-in page
// words for the user; `detail` is the technical reason, for the log and the audit trail only.
struct SignInRefusal {
  std::string reason;
  std::string detail;
};
inline constexpr std::string_view kRefusalReasons[] = {
    "not_configured",    // no provider is enabled
    "expired",           // unknown, used or expired state: start again
    "provider_refused",  // the provider answered an error (the user cancelled, ...)
    "unavailable",       // the provider or the database could not be reached
    "invalid_token",     // the ID token failed a check (signature, issuer, audience, time, nonce)
    "no_account",        // no linked account and just-in-time creation is off
    "no_role",           // the token maps to no role (none assigned, or it was removed)
    "groups_overage",    // too many groups for the token and no app role maps
    "inactive",          // the linked user is deactivated in Redress
};

// Completes a sign-in: takes the pending state (once: a replayed answer is "expired"), redeems
// the code, checks the ID token's claims (core::CheckIdTokenClaims), maps its role
// (core::MapRole), finds the user linked on (issuer, core::SubjectKeyOf) or creates one when
// create_users is on (a new username from the token, never an existing local account: an email
// address alone never links), updates the role and team when the mapping changed them, and opens
// a session. A linked user who no longer maps to a role loses their sessions. Every outcome from
// the taking of the state on is an audit event (a refusal before it, of an unknown, used or
// expired state, is only returned: anyone can send one); a refusal is returned as a value.
tl::expected<SignedIn, SignInRefusal> CompleteProviderSignIn(Store& store, const Clock& clock,
                                                             IdentityProvider& provider,
                                                             const ProviderAnswer& answer);

// The provider's logout URL for a user signing out (RP-initiated logout, with client_id and the
// post-logout redirect: the origin of the redirect URL, "/"), or "" when the provider offers no
// end_session_endpoint, is not enabled, or the user has no link at its issuer. Never fails the
// sign-out: a provider that cannot be reached gives "".
std::string ProviderLogoutUrl(Store& store, IdentityProvider& provider, std::string_view username);

// The connection test: the discovery document and the number of signing keys.
struct ConnectionTest {
  ProviderMetadata provider;
  int signing_keys = 0;
};
Result<ConnectionTest> TestProviderConnection(Store& store, IdentityProvider& provider);

// The S256 PKCE challenge of a verifier: base64url without padding of its SHA-256 (RFC 7636).
std::string PkceChallenge(std::string_view verifier);

// `text` with every byte but RFC 3986's unreserved ones percent-encoded, for a query string.
std::string PercentEncode(std::string_view text);

}  // namespace redress::app
