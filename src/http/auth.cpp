#include "http/auth.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "app/secrets.hpp"

namespace redress::http {
namespace {

// Longer than any token Redress issues ("rdt_" and 64 hex digits) with room for other formats;
// anything longer is refused before it is hashed.
constexpr std::size_t kMaxTokenLength = 256;

tl::unexpected<core::Error> Unauthenticated() {
  return core::Fail(core::ErrorCode::kUnauthenticated,
                    "a valid bearer token is required (Authorization: Bearer <token>)");
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](unsigned char x, unsigned char y) {
    return std::tolower(x) == std::tolower(y);
  });
}

}  // namespace

std::string_view BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "bearer";
  if (authorization.size() <= kScheme.size() ||
      !EqualsIgnoringCase(authorization.substr(0, kScheme.size()), kScheme) ||
      authorization[kScheme.size()] != ' ') {
    return {};
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return token;
}

core::Result<app::Actor> Authenticator::Authenticate(const Request& request) const {
  std::string_view token = BearerToken(request.Header("authorization"));
  if (token.empty() || token.size() > kMaxTokenLength) return Unauthenticated();
  const std::string token_hash = app::HashApiToken(token);

  std::optional<app::Actor> actor;
  auto read = store_.Read([&](app::Tx& tx) -> core::Status {
    auto found = tx.FindTokenByHash(token_hash);
    if (!found) {
      if (found.error().code == core::ErrorCode::kNotFound) return {};
      return tl::unexpected(found.error());
    }
    if (found->revoked_at) return {};
    auto users = tx.ListUsers();
    if (!users) return tl::unexpected(users.error());
    auto user = std::find_if(users->begin(), users->end(), [&](const app::User& candidate) {
      return candidate.id == found->user_id;
    });
    if (user == users->end() || !user->active) return {};
    actor = app::Actor{user->username, user->role, user->team};
    return {};
  });
  if (!read) return tl::unexpected(read.error());
  if (!actor) return Unauthenticated();
  return std::move(*actor);
}

}  // namespace redress::http
