#pragma once

// Small helpers every handler uses to answer: JSON bodies, problems, path parameters. Internal to
// redress::http.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>

#include "core/result.hpp"
#include "http/http_types.hpp"
#include "http/json_mapping.hpp"
#include "http/problem.hpp"

namespace redress::http {

inline constexpr int kOk = 200;
inline constexpr int kCreated = 201;
inline constexpr int kNoContent = 204;

inline Response JsonAnswer(int status, const nlohmann::json& body) {
  return Response{status, std::string(kJsonContentType), DumpJson(body), {}};
}

inline Response NoContent() { return Response{kNoContent, std::string(kJsonContentType), {}, {}}; }

// A 201 with the Location of what was created.
inline Response CreatedAt(std::string location, const nlohmann::json& body) {
  Response response = JsonAnswer(kCreated, body);
  response.headers.emplace_back("Location", std::move(location));
  return response;
}

inline Response Problem(const core::Error& error, const Request& request) {
  return ProblemResponse(error, request.path);
}

// The decoded path parameter `name`; "" when the route has none of that name.
inline const std::string& PathParam(const Request& request, std::string_view name) {
  static const std::string kNone;
  auto found = request.path_params.find(name);
  return found == request.path_params.end() ? kNone : found->second;
}

}  // namespace redress::http
