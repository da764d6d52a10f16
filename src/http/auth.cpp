#include "http/auth.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "app/accounts.hpp"
#include "app/secrets.hpp"

namespace redress::http {
namespace {

// Longer than any token Redress issues ("rdt_" and 64 hex digits) with room for other formats;
// anything longer is refused before it is hashed.
constexpr std::size_t kMaxTokenLength = 256;

tl::unexpected<core::Error> Unauthenticated() {
  return core::Fail(core::ErrorCode::kUnauthenticated,
                    "sign in (session cookie) or send a valid bearer token "
                    "(Authorization: Bearer <token>)");
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

}  // namespace

std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size() ||
      !EqualsIgnoringCase(authorization.substr(0, kScheme.size()), kScheme) ||
      authorization[kScheme.size()] != ' ') {
    return {};
  }
  return Trimmed(authorization.substr(kScheme.size()));
}

std::string_view SessionCookieValue(std::string_view cookie_header) {
  // RFC 6265 section 4.2.1: "name=value" pairs separated by "; ".
  while (!cookie_header.empty()) {
    const std::size_t end = cookie_header.find(';');
    std::string_view pair = Trimmed(cookie_header.substr(0, end));
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && pair.substr(0, equals) == kSessionCookieName) {
      return pair.substr(equals + 1);
    }
    if (end == std::string_view::npos) break;
    cookie_header.remove_prefix(end + 1);
  }
  return {};
}

std::string SessionSetCookie(std::string_view token, CookieSecurity security) {
  std::string cookie = std::string(kSessionCookieName) + "=" + std::string(token) +
                       "; HttpOnly; SameSite=Strict; Path=/";
  if (token.empty()) cookie += "; Max-Age=0";
  if (security == CookieSecurity::kHttpsOnly) cookie += "; Secure";
  return cookie;
}

bool IsStateChanging(std::string_view method) {
  constexpr std::array<std::string_view, 4> kSafeMethods = {"GET", "HEAD", "OPTIONS", "TRACE"};
  return std::find(kSafeMethods.begin(), kSafeMethods.end(), method) == kSafeMethods.end();
}

core::Result<app::Actor> Authenticator::Authenticate(const Request& request) const {
  const std::string_view authorization = request.Header("authorization");
  if (!authorization.empty()) return AuthenticateBearer(BearerToken(authorization));

  const std::string_view cookie = SessionCookieValue(request.Header("cookie"));
  if (cookie.empty() || cookie.size() > kMaxTokenLength) return Unauthenticated();
  auto resumed = app::ResumeSession(sessions_, cookie);
  if (!resumed) return tl::unexpected(resumed.error());
  if (IsStateChanging(request.method) &&
      !app::SecretTokenMatches(resumed->session.csrf_token_hash, request.Header("x-csrf-token"))) {
    const std::string header(kCsrfHeader);
    return tl::unexpected(core::Error{
        core::ErrorCode::kForbidden,
        "a signed-in " + request.method + " must carry the session's CSRF token in " + header,
        {{header, "must equal the csrf_token given at sign-in"}}});
  }
  return std::move(resumed->actor);
}

core::Result<app::Actor> Authenticator::AuthenticateBearer(std::string_view token) const {
  if (token.empty() || token.size() > kMaxTokenLength) return Unauthenticated();
  auto actor = app::ActorOfApiToken(store_, clock_, token);
  if (!actor) return tl::unexpected(actor.error());
  if (!*actor) return Unauthenticated();
  return std::move(**actor);
}

}  // namespace redress::http
