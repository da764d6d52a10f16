#include "http/account_mapping.hpp"

#include <utility>

#include "core/permissions.hpp"
#include "http/json_reader.hpp"

namespace redress::http {

using nlohmann::json;

core::Result<app::Credentials> ParseCredentials(const json& body) {
  return ReadBody<app::Credentials>(body, [](ObjectReader& reader) {
    app::Credentials credentials;
    credentials.username = reader.Text("username", Presence::kRequired);
    credentials.password = reader.Text("password", Presence::kRequired);
    return credentials;
  });
}

core::Result<TokenRequest> ParseTokenRequest(const json& body) {
  return ReadBody<TokenRequest>(body, [](ObjectReader& reader) {
    TokenRequest wanted;
    wanted.label = reader.Text("label", Presence::kRequired);
    wanted.expires_on = reader.Date("expires_on", Presence::kOptional);
    return wanted;
  });
}

json UserToJson(const app::User& user) {
  return {{"username", user.username},
          {"display_name", user.display_name},
          {"role", core::ToString(user.role)},
          {"team", user.team.empty() ? json() : json(user.team)},
          {"active", user.active},
          {"email", user.email.empty() ? json() : json(user.email)},
          {"reminder_digest", app::ToString(user.reminder_digest)}};
}

json SessionUserToJson(const app::User& user) {
  json answer = UserToJson(user);
  json permissions = json::array();
  for (core::Permission permission : core::PermissionsOf(user.role)) {
    permissions.push_back(core::ToString(permission));
  }
  answer["permissions"] = std::move(permissions);
  return answer;
}

json TokenToJson(const app::ApiToken& token) {
  return {{"id", token.id},
          {"label", token.label},
          {"created_at", token.created_at},
          {"revoked_at", token.revoked_at ? json(*token.revoked_at) : json()},
          {"expires_on", token.expires_on ? json(token.expires_on->ToIso()) : json()}};
}

}  // namespace redress::http
