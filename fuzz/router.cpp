// Fuzzes the router (src/http/router.cpp) with the API's own routes, read from the OpenAPI
// document: the bytes are a request line's method and target ("GET /api/v1/complaints?x=1"; no
// space means GET), handled as the application handles them: the target split into path and
// query, the path percent-decoded and routed, and the query parsed once a route matched.

#include "http/router.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz/fuzz_support.hpp"
#include "http/openapi.hpp"

namespace redress::fuzz {
namespace {

constexpr std::string_view kMethods[] = {"get", "post", "put", "patch", "delete"};

http::Router ApiRouter() {
  http::Router router;
  const nlohmann::json document = nlohmann::json::parse(http::OpenApiDocument());
  for (const auto& path : document.at("paths").items()) {
    for (std::string_view method : kMethods) {
      if (!path.value().contains(method)) continue;
      std::string upper(method);
      std::transform(upper.begin(), upper.end(), upper.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      router.Add({upper, path.key(), http::Access::kPublic, std::nullopt,
                  [](const http::Request&) { return http::Response{}; }});
    }
  }
  return router;
}

// The number of {name} placeholders in a pattern: a match has one path parameter each.
std::size_t Placeholders(std::string_view pattern) {
  return static_cast<std::size_t>(std::count(pattern.begin(), pattern.end(), '{'));
}

}  // namespace
}  // namespace redress::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace redress;
  static const http::Router router = fuzz::ApiRouter();
  const std::string_view line = fuzz::AsText(data, size);
  const std::size_t space = line.find(' ');
  const std::string method(space == std::string_view::npos ? "GET" : line.substr(0, space));
  const std::string_view target = space == std::string_view::npos ? line : line.substr(space + 1);

  const http::TargetParts parts = http::SplitTarget(target);
  fuzz::Check(parts.path.size() + parts.query.size() <= target.size(),
              "the parts are the target's");
  http::PercentDecode(parts.path, http::PlusMeansSpace::kNo);

  const http::RouteMatch match = router.Find(method, parts.path);
  switch (match.kind) {
    case http::MatchKind::kFound:
      fuzz::Check(match.route != nullptr && match.route->method == method,
                  "a found route has the request's method");
      fuzz::Check(match.path_params.size() == fuzz::Placeholders(match.route->pattern),
                  "a found route has a value for each placeholder");
      for (const auto& [name, value] : match.path_params) {
        fuzz::Check(!value.empty(), "a placeholder matches a non-empty segment");
      }
      fuzz::CheckResult(http::ParseQuery(parts.query));
      break;
    case http::MatchKind::kMethodNotAllowed:
      fuzz::Check(!match.allowed_methods.empty(), "a 405 says which methods are allowed");
      fuzz::Check(std::is_sorted(match.allowed_methods.begin(), match.allowed_methods.end()),
                  "the Allow header is in order");
      fuzz::Check(std::find(match.allowed_methods.begin(), match.allowed_methods.end(), method) ==
                      match.allowed_methods.end(),
                  "a 405 does not allow the request's method");
      break;
    case http::MatchKind::kNotFound:
      break;
  }
  return 0;
}
