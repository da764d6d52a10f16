#pragma once

// Sessions, users and API tokens: their request bodies and their JSON (json_mapping.hpp says how
// bodies are read and values written).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "app/ports.hpp"
#include "app/records.hpp"
#include "app/sessions.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::http {

// POST /api/v1/session: {username, password}, both required strings.
core::Result<app::Credentials> ParseCredentials(const nlohmann::json& body);
// POST /api/v1/tokens: {label, expires_on?}, the label a required string.
struct TokenRequest {
  std::string label;
  std::optional<core::Date> expires_on;
};
core::Result<TokenRequest> ParseTokenRequest(const nlohmann::json& body);

// A user: username, display_name, role, team (null when none), active.
nlohmann::json UserToJson(const app::User& user);

// The signed-in user (GET and POST /api/v1/session): UserToJson and "permissions", the names of
// every permission the user's role has (core::PermissionsOf), so a client shows and hides by
// them and keeps no copy of the role table.
nlohmann::json SessionUserToJson(const app::User& user);

// An API token as listed: id, label, created_at, revoked_at (null while live). Never its hash.
nlohmann::json TokenToJson(const app::ApiToken& token);

}  // namespace redress::http
