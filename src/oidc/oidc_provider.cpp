#include "oidc/oidc_provider.hpp"

#include <cjose/cjose.h>
#include <curl/curl.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <utility>

namespace redress::oidc {
namespace {

using nlohmann::json;

struct EasyCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct JwsRelease {
  void operator()(cjose_jws_t* jws) const { cjose_jws_release(jws); }
};
struct JwkRelease {
  void operator()(cjose_jwk_t* jwk) const { cjose_jwk_release(jwk); }
};

tl::unexpected<core::Error> Unavailable(std::string message) {
  return core::Fail(core::ErrorCode::kUnavailable, std::move(message));
}
tl::unexpected<core::Error> Refused(std::string message) {
  return core::Fail(core::ErrorCode::kUnauthenticated, std::move(message));
}

std::size_t Collect(char* data, std::size_t size, std::size_t count, void* target) {
  auto* body = static_cast<std::string*>(target);
  const std::size_t bytes = size * count;
  if (body->size() + bytes > kMaxResponseBytes) return 0;  // curl stops with a write error
  body->append(data, bytes);
  return bytes;
}

struct HttpAnswer {
  long status = 0;
  std::string body;
};

// GET `url`, or POST `form` (application/x-www-form-urlencoded) to it when `form` is set. Only
// http and https, no redirects: a provider's endpoints are named by its discovery document.
core::Result<HttpAnswer> Fetch(const std::string& url, const std::string* form = nullptr) {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
  std::unique_ptr<CURL, EasyCleanup> curl(curl_easy_init());
  if (!curl) return Unavailable("could not start an HTTP request");
  CURL* c = curl.get();
  HttpAnswer answer;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, kRequestTimeoutSeconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(
      curl_slist_append(nullptr, "Accept: application/json"), curl_slist_free_all);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
  if (form) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, form->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(form->size()));
  }
  const CURLcode code = curl_easy_perform(c);
  if (code != CURLE_OK) {
    return Unavailable("the identity provider did not answer " + url + ": " +
                       curl_easy_strerror(code));
  }
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &answer.status);
  return answer;
}

std::string Escaped(std::string_view text) {
  std::unique_ptr<char, decltype(&curl_free)> escaped(
      curl_easy_escape(nullptr, text.data(), static_cast<int>(text.size())), curl_free);
  return escaped ? std::string(escaped.get()) : std::string();
}

std::string StringOr(const json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

std::optional<std::int64_t> NumberOf(const json& object, const char* key) {
  auto found = object.find(key);
  if (found == object.end() || !found->is_number()) return std::nullopt;
  return static_cast<std::int64_t>(found->get<double>());
}

std::vector<std::string> StringsOf(const json& object, const char* key) {
  std::vector<std::string> values;
  auto found = object.find(key);
  if (found == object.end()) return values;
  if (found->is_string()) values.push_back(found->get<std::string>());
  if (found->is_array()) {
    for (const json& value : *found) {
      if (value.is_string()) values.push_back(value.get<std::string>());
    }
  }
  return values;
}

// Whether a key (as JSON) may verify `alg`: RSA for RS256, EC on P-256 for ES256; a key that
// names another alg or a use other than "sig" never does.
bool KeyFits(const json& key, std::string_view alg) {
  const std::string kty = StringOr(key, "kty");
  const std::string key_alg = StringOr(key, "alg");
  const std::string use = StringOr(key, "use");
  if (!key_alg.empty() && key_alg != alg) return false;
  if (!use.empty() && use != "sig") return false;
  if (alg == "RS256") return kty == "RSA";
  if (alg == "ES256") return kty == "EC" && StringOr(key, "crv") == "P-256";
  return false;
}

}  // namespace

core::Result<std::string> ReadClientSecret(std::string_view source) {
  if (source.empty()) return std::string();
  if (source.starts_with("env:")) {
    const std::string name(source.substr(4));
    const char* value = std::getenv(name.c_str());
    if (!value) {
      return core::Fail(core::ErrorCode::kInvalidInput,
                        "the client secret's environment variable " + name + " is not set");
    }
    return std::string(value);
  }
  if (source.starts_with("file:")) {
    const std::string path(source.substr(5));
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      return core::Fail(core::ErrorCode::kInvalidInput,
                        "the client secret's file " + path + " cannot be read");
    }
    std::ostringstream content;
    content << file.rdbuf();
    std::string secret = content.str();
    while (!secret.empty() && (secret.back() == '\n' || secret.back() == '\r')) secret.pop_back();
    return secret;
  }
  return core::Fail(core::ErrorCode::kInvalidInput,
                    "the client secret's source must be env:NAME or file:/path");
}

core::Result<core::IdTokenClaims> ParseClaims(std::string_view payload) {
  json object = json::parse(payload, nullptr, false);
  if (object.is_discarded() || !object.is_object()) {
    return Refused("the ID token's payload is not a JSON object");
  }
  core::IdTokenClaims claims;
  claims.issuer = StringOr(object, "iss");
  claims.audiences = StringsOf(object, "aud");
  claims.authorized_party = StringOr(object, "azp");
  claims.subject = StringOr(object, "sub");
  claims.expires_at = NumberOf(object, "exp");
  claims.issued_at = NumberOf(object, "iat");
  claims.not_before = NumberOf(object, "nbf");
  claims.nonce = StringOr(object, "nonce");
  claims.tenant_id = StringOr(object, "tid");
  claims.object_id = StringOr(object, "oid");
  claims.email = StringOr(object, "email");
  claims.name = StringOr(object, "name");
  claims.preferred_username = StringOr(object, "preferred_username");
  claims.roles = StringsOf(object, "roles");
  claims.groups = StringsOf(object, "groups");
  // Entra ID's overage: the groups are not in the token but at a source it names
  // (_claim_names.groups); "hasgroups" is its form in tokens of the implicit flow.
  auto names = object.find("_claim_names");
  claims.groups_overage =
      (names != object.end() && names->is_object() && names->contains("groups")) ||
      object.value("hasgroups", false);
  return claims;
}

core::Result<app::ProviderMetadata> OidcProvider::Discover(std::string_view issuer) {
  const std::int64_t now = clock_.NowUnixSeconds();
  {
    std::lock_guard lock(mutex_);
    auto cached = metadata_.find(issuer);
    if (cached != metadata_.end() && now - cached->second.fetched_at < kDiscoveryCacheSeconds) {
      return cached->second.metadata;
    }
  }
  std::string url(issuer);
  if (!url.empty() && url.back() == '/') url.pop_back();
  url += "/.well-known/openid-configuration";
  auto answer = Fetch(url);
  if (!answer) return tl::unexpected(answer.error());
  if (answer->status != 200) {
    return Unavailable("the discovery document " + url + " answered " +
                       std::to_string(answer->status));
  }
  json document = json::parse(answer->body, nullptr, false);
  if (document.is_discarded() || !document.is_object()) {
    return core::Fail(core::ErrorCode::kInvalidInput, url + " is not a discovery document");
  }
  app::ProviderMetadata metadata{
      StringOr(document, "issuer"), StringOr(document, "authorization_endpoint"),
      StringOr(document, "token_endpoint"), StringOr(document, "jwks_uri"),
      StringOr(document, "end_session_endpoint")};
  if (metadata.issuer != issuer) {
    return core::Fail(core::ErrorCode::kInvalidInput,
                      "the discovery document names the issuer \"" + metadata.issuer +
                          "\", not the configured \"" + std::string(issuer) + "\"");
  }
  if (metadata.authorization_endpoint.empty() || metadata.token_endpoint.empty() ||
      metadata.jwks_uri.empty()) {
    return core::Fail(core::ErrorCode::kInvalidInput,
                      url + " lacks authorization_endpoint, token_endpoint or jwks_uri");
  }
  std::lock_guard lock(mutex_);
  metadata_[std::string(issuer)] = CachedMetadata{metadata, now};
  return metadata;
}

core::Result<OidcProvider::KeySet> OidcProvider::Keys(const std::string& jwks_uri, bool refresh) {
  const std::int64_t now = clock_.NowUnixSeconds();
  {
    std::lock_guard lock(mutex_);
    auto cached = keys_.find(jwks_uri);
    if (cached != keys_.end() &&
        (!refresh || now - cached->second.fetched_at < kKeyRefreshSeconds)) {
      return cached->second;
    }
  }
  auto answer = Fetch(jwks_uri);
  if (!answer) return tl::unexpected(answer.error());
  if (answer->status != 200) {
    return Unavailable("the key set " + jwks_uri + " answered " + std::to_string(answer->status));
  }
  json document = json::parse(answer->body, nullptr, false);
  if (document.is_discarded() || !document.is_object() || !document.contains("keys") ||
      !document["keys"].is_array()) {
    return core::Fail(core::ErrorCode::kInvalidInput, jwks_uri + " is not a JSON Web Key Set");
  }
  KeySet set;
  set.fetched_at = now;
  for (const json& key : document["keys"]) {
    if (key.is_object()) set.by_kid.emplace(StringOr(key, "kid"), key.dump());
  }
  std::lock_guard lock(mutex_);
  keys_[jwks_uri] = set;
  return set;
}

core::Result<int> OidcProvider::CountSigningKeys(const app::ProviderMetadata& provider) {
  auto keys = Keys(provider.jwks_uri, /*refresh=*/true);
  if (!keys) return tl::unexpected(keys.error());
  int usable = 0;
  for (const auto& [kid, text] : keys->by_kid) {
    const json key = json::parse(text);
    if (KeyFits(key, "RS256") || KeyFits(key, "ES256")) ++usable;
  }
  if (usable == 0) {
    return core::Fail(core::ErrorCode::kInvalidInput,
                      provider.jwks_uri + " holds no RS256 or ES256 signing key");
  }
  return usable;
}

core::Result<core::IdTokenClaims> OidcProvider::RedeemCode(const app::ProviderMetadata& provider,
                                                           const app::CodeRedemption& redemption) {
  auto secret = ReadClientSecret(redemption.client_secret_source);
  if (!secret) return tl::unexpected(secret.error());
  std::string form = "grant_type=authorization_code&code=" + Escaped(redemption.code) +
                     "&redirect_uri=" + Escaped(redemption.redirect_url) +
                     "&code_verifier=" + Escaped(redemption.code_verifier) +
                     "&client_id=" + Escaped(redemption.client_id);
  if (!secret->empty()) form += "&client_secret=" + Escaped(*secret);
  auto answer = Fetch(provider.token_endpoint, &form);
  if (!answer) return tl::unexpected(answer.error());
  json body = json::parse(answer->body, nullptr, false);
  if (answer->status != 200) {
    const std::string error = body.is_object() ? StringOr(body, "error") : std::string();
    if (answer->status >= 500) {
      return Unavailable("the token endpoint answered " + std::to_string(answer->status));
    }
    return Refused("the token endpoint refused the code (" + std::to_string(answer->status) +
                   (error.empty() ? "" : " " + error) + ")");
  }
  const std::string id_token = body.is_object() ? StringOr(body, "id_token") : std::string();
  if (id_token.empty()) return Refused("the token endpoint's answer holds no id_token");

  cjose_err err{};
  std::unique_ptr<cjose_jws_t, JwsRelease> jws(
      cjose_jws_import(id_token.c_str(), id_token.size(), &err));
  if (!jws) return Refused(std::string("the ID token is not a signed JWT: ") + err.message);
  cjose_header_t* header = cjose_jws_get_protected(jws.get());
  const char* alg = header ? cjose_header_get(header, CJOSE_HDR_ALG, &err) : nullptr;
  if (!alg || !core::IsAcceptedSigningAlgorithm(alg)) {
    return Refused("the ID token's alg " + std::string(alg ? alg : "(none)") +
                   " is not accepted (RS256 or ES256 only)");
  }
  const char* kid_text = cjose_header_get(header, CJOSE_HDR_KID, &err);
  const std::string kid = kid_text ? kid_text : "";

  auto keys = Keys(provider.jwks_uri, /*refresh=*/false);
  if (!keys) return tl::unexpected(keys.error());
  if (!keys->by_kid.contains(kid)) {
    keys = Keys(provider.jwks_uri, /*refresh=*/true);
    if (!keys) return tl::unexpected(keys.error());
  }
  auto found = keys->by_kid.find(kid);
  if (found == keys->by_kid.end()) {
    return Refused("the ID token's key \"" + kid + "\" is not in the provider's key set");
  }
  if (!KeyFits(json::parse(found->second), alg)) {
    return Refused("the key \"" + kid + "\" cannot verify " + alg);
  }
  std::unique_ptr<cjose_jwk_t, JwkRelease> jwk(
      cjose_jwk_import(found->second.c_str(), found->second.size(), &err));
  if (!jwk) return Refused(std::string("the key \"" + kid + "\" cannot be read: ") + err.message);
  if (!cjose_jws_verify(jws.get(), jwk.get(), &err)) {
    return Refused("the ID token's signature does not verify with key \"" + kid + "\"");
  }
  std::uint8_t* plaintext = nullptr;
  std::size_t length = 0;
  if (!cjose_jws_get_plaintext(jws.get(), &plaintext, &length, &err)) {
    return Refused(std::string("the ID token's payload cannot be read: ") + err.message);
  }
  return ParseClaims(std::string_view(reinterpret_cast<const char*>(plaintext), length));
}

}  // namespace redress::oidc
