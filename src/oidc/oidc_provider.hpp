#pragma once

// The IdentityProvider port over HTTP (libcurl) with the ID token's signature checked by cjose:
// discovery cached for kDiscoveryCacheSeconds, the JWKS cached and fetched again when a token
// names a key id it does not hold (at most once per kKeyRefreshSeconds, so a flood of made-up
// key ids cannot turn into a flood of requests to the provider). Thread-safe.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "app/identity_provider.hpp"
#include "app/ports.hpp"

namespace redress::oidc {

inline constexpr std::int64_t kDiscoveryCacheSeconds = 60 * 60;
inline constexpr std::int64_t kKeyRefreshSeconds = 10;
// Whole request, including connecting; a provider slower than this is down for a sign-in.
inline constexpr long kRequestTimeoutSeconds = 10;
// Longer than any discovery document, key set or token answer.
inline constexpr std::size_t kMaxResponseBytes = 1024 * 1024;

class OidcProvider final : public app::IdentityProvider {
 public:
  explicit OidcProvider(const app::Clock& clock) : clock_(clock) {}

  core::Result<app::ProviderMetadata> Discover(std::string_view issuer) override;
  core::Result<int> CountSigningKeys(const app::ProviderMetadata& provider) override;
  core::Result<core::IdTokenClaims> RedeemCode(const app::ProviderMetadata& provider,
                                               const app::CodeRedemption& redemption) override;

 private:
  struct CachedMetadata {
    app::ProviderMetadata metadata;
    std::int64_t fetched_at = 0;
  };
  struct KeySet {
    std::map<std::string, std::string> by_kid;  // kid → the key's JSON ("" kid: keys without one)
    std::int64_t fetched_at = 0;
  };

  // The key set of `jwks_uri`, fetched when absent or when `refresh` and the last fetch is older
  // than kKeyRefreshSeconds.
  core::Result<KeySet> Keys(const std::string& jwks_uri, bool refresh);

  const app::Clock& clock_;
  std::mutex mutex_;
  std::map<std::string, CachedMetadata, std::less<>> metadata_;  // guarded by mutex_
  std::map<std::string, KeySet, std::less<>> keys_;              // guarded by mutex_
};

// The client secret named by a source ("env:NAME", "file:/path", "" for none): kInvalidInput
// when the variable is unset or the file cannot be read.
core::Result<std::string> ReadClientSecret(std::string_view source);

// The claims of an ID token's payload (JSON). kUnauthenticated when it is not a JSON object.
core::Result<core::IdTokenClaims> ParseClaims(std::string_view payload);

}  // namespace redress::oidc
