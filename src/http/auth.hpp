#pragma once

// Who is calling: `Authorization: Bearer <token>` resolved to the user the token was issued to,
// or the web app's session cookie resolved to the signed-in user (app/sessions.hpp). A request
// with a cookie and a state-changing method must also carry the session's CSRF token in
// X-CSRF-Token; a bearer request needs none (no browser attaches a bearer token by itself).

#include <string>
#include <string_view>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "app/sessions.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

inline constexpr std::string_view kSessionCookieName = "redress_session";
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

// Whether the session cookie is sent over https only. Off by default: the demo is plain http on
// localhost; a deployment behind TLS turns it on (`redress serve --secure-cookies`).
enum class CookieSecurity { kAnyTransport, kHttpsOnly };

class Authenticator {
 public:
  Authenticator(app::Store& store, const app::Clock& clock, app::SignInGuard& guard)
      : store_(store), clock_(clock), sessions_{store, clock, guard} {}

  // The actor of the request, by bearer token when an Authorization header is given, else by
  // session cookie. kUnauthenticated when neither identifies a live user, or the token is revoked
  // or expired (one message for every reason: the answer must not tell a guesser which); kForbidden
  // (field X-CSRF-Token) for a cookie request with a state-changing method and no or a wrong CSRF
  // token; kStorage when the database fails.
  core::Result<app::Actor> Authenticate(const Request& request) const;

 private:
  core::Result<app::Actor> AuthenticateBearer(std::string_view token) const;

  app::Store& store_;
  const app::Clock& clock_;
  app::SessionContext sessions_;
};

// The token of an "Authorization: Bearer <token>" header value, or "" when it is not one (the
// scheme is case-insensitive, RFC 9110 section 11.1).
std::string_view BearerToken(std::string_view authorization);

// The value of the session cookie in a Cookie header, or "" when absent.
std::string_view SessionCookieValue(std::string_view cookie_header);

// The Set-Cookie value that stores `token` as the session cookie: HttpOnly, SameSite=Strict,
// Path=/, and Secure for kHttpsOnly. An empty token makes the cookie that deletes it.
std::string SessionSetCookie(std::string_view token, CookieSecurity security);

// Whether `method` may change state, and so needs the CSRF token on a cookie request.
bool IsStateChanging(std::string_view method);

}  // namespace redress::http
