#pragma once

// Who is calling: `Authorization: Bearer <token>` resolved to the user the token was issued to.
// Sessions (cookies, CSRF) for the web app come with the next part of the API and will be a
// second way to the same Actor.

#include <string_view>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"

namespace redress::http {

class Authenticator {
 public:
  explicit Authenticator(app::Store& store) : store_(store) {}

  // The actor of the request. kUnauthenticated when the header is missing or not a bearer
  // token, or the token is unknown, revoked or belongs to an inactive user (one message for all:
  // the answer must not tell a guesser which); kStorage when the database fails.
  core::Result<app::Actor> Authenticate(const Request& request) const;

 private:
  app::Store& store_;
};

// The token of an "Authorization: Bearer <token>" header value, or "" when it is not one (the
// scheme is case-insensitive, RFC 9110 section 11.1).
std::string_view BearerToken(std::string_view authorization);

}  // namespace redress::http
