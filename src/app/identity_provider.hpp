#pragma once

// The port to an OpenID Connect provider (src/oidc implements it with libcurl and cjose):
// discovery, the keys, and redeeming an authorisation code for a verified ID token. The claims'
// own rules (issuer, audience, times, nonce) are core::CheckIdTokenClaims, applied by the use
// case, not here.

#include <string>
#include <string_view>

#include "core/identity.hpp"
#include "core/result.hpp"

namespace redress::app {

// What the discovery document says (OpenID Connect Discovery 1.0).
struct ProviderMetadata {
  std::string issuer;
  std::string authorization_endpoint;
  std::string token_endpoint;
  std::string jwks_uri;
  std::string end_session_endpoint;  // "" when the provider offers no RP-initiated logout
};

struct CodeRedemption {
  std::string client_id;
  std::string client_secret_source;  // OidcSettings::client_secret_source
  std::string redirect_url;
  std::string code;
  std::string code_verifier;
};

class IdentityProvider {
 public:
  virtual ~IdentityProvider() = default;

  // The discovery document of `issuer`, cached for a while. kUnavailable when the provider does
  // not answer or answers an error; kInvalidInput when the document is not one, or names another
  // issuer than `issuer` (OpenID Connect Discovery 1.0 section 4.3).
  virtual core::Result<ProviderMetadata> Discover(std::string_view issuer) = 0;

  // How many signing keys (RS256 or ES256) the provider publishes, fetched anew: the connection
  // test. kUnavailable when they cannot be fetched; kInvalidInput when the set has none usable.
  virtual core::Result<int> CountSigningKeys(const ProviderMetadata& provider) = 0;

  // Redeems `redemption.code` at the token endpoint and returns the ID token's claims once its
  // signature is verified with the provider's key of its kid (the keys are cached and fetched
  // again once when the kid is unknown). kUnauthenticated, with the technical reason in the
  // message, when the provider refuses the code, the ID token is missing or malformed, its alg is
  // not core::IsAcceptedSigningAlgorithm, its key is unknown or of another type, or its signature
  // does not verify; kUnavailable when the provider cannot be reached; kInvalidInput when the
  // client secret's source cannot be read.
  virtual core::Result<core::IdTokenClaims> RedeemCode(const ProviderMetadata& provider,
                                                       const CodeRedemption& redemption) = 0;
};

}  // namespace redress::app
