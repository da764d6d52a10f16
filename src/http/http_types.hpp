#pragma once

// What handlers see and return: plain values, independent of Boost.Beast, so handlers can be
// tested without a socket and the server can change without touching them.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/organisation.hpp"
#include "core/result.hpp"

namespace redress::http {

// Query and path parameters, and headers: names to values, searchable by string_view.
using Parameters = std::map<std::string, std::string, std::less<>>;

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // as received: the raw (percent-encoded) path and query
  std::string path;    // decoded path without the query, e.g. "/api/v1/complaints/CMP-2024-000001"
  Parameters query;    // decoded query parameters
  Parameters path_params;  // decoded, from the route pattern
  Parameters headers;      // names lower-cased
  std::string body;
  std::string request_id;
  std::string client_address;       // the peer's IP address as text; "" when unknown
  std::optional<app::Actor> actor;  // set by the server when the request is authenticated

  // The header's value, or "" when absent; `name` must be lower-case.
  std::string_view Header(std::string_view name) const {
    auto found = headers.find(name);
    return found == headers.end() ? std::string_view() : std::string_view(found->second);
  }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (ETag, Location...)
};

// Whether a route needs a signed-in user.
enum class Access { kPublic, kAuthenticated };

}  // namespace redress::http
