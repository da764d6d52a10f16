#pragma once

// The handlers' shared shapes for versioned records (Ombudsman cases, failure orders, learning
// actions): POST records one (201, ETag, Location), PUT replaces it at the If-Match version, GET
// answers it with its ETag, and lists answer {"items": [...]}. Internal to redress::http.

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/ports.hpp"
#include "http/handlers.hpp"
#include "http/report_handlers.hpp"
#include "http/responses.hpp"

namespace redress::http {

// A record answered with its ETag, and with its Location when `status` is 201 Created.
inline Response VersionedAnswer(int status, nlohmann::json body, std::int64_t version,
                                std::string_view collection, const std::string& reference) {
  Response response = JsonAnswer(status, body);
  response.headers.emplace_back("ETag", ETagFor(version));
  if (status == kCreated) {
    response.headers.emplace_back("Location", std::string(collection) + "/" + reference);
  }
  return response;
}

// The version a change of a record keyed by year is based on: its If-Match when the client sends
// it, else nullopt (the latest). The self-assessment and the annual submission take it so: one
// record holds many parts, and requiring it would refuse an officer's edit whenever a colleague
// saved another part.
inline core::Result<std::optional<std::int64_t>> OptionalVersionOf(const Request& request) {
  const std::string_view if_match = request.Header("if-match");
  if (if_match.empty()) return std::optional<std::int64_t>{};
  auto version = VersionFromIfMatch(if_match);
  if (!version) return tl::unexpected(version.error());
  return std::optional<std::int64_t>{*version};
}

// The POST (record) and PUT (replace at the If-Match version) of a versioned record, and its GET.
template <typename Record>
struct VersionedEndpoints {
  std::string_view collection;
  // `new_on` is today for a new record and nullopt for a replacement, whose dates the body must
  // state in full (a default would silently move them).
  core::Result<Record> (*parse)(const nlohmann::json& body, std::optional<core::Date> new_on);
  nlohmann::json (*render)(const Record&, core::Date today);
  core::Result<Record> (*record)(app::Store&, const app::Clock&, const app::Actor&, Record);
  core::Result<Record> (*update)(app::Store&, const app::Clock&, const app::Actor&, Record,
                                 std::int64_t);
};

template <typename Record>
Handler RecordHandler(app::Store& store, const app::Clock& clock,
                      const VersionedEndpoints<Record>& endpoints) {
  return [&store, &clock, endpoints](const Request& request) {
    auto body = ParseJsonBody(request);
    if (!body) return Problem(body.error(), request);
    auto parsed = endpoints.parse(*body, clock.Today());
    if (!parsed) return Problem(parsed.error(), request);
    auto saved = endpoints.record(store, clock, *request.actor, std::move(*parsed));
    if (!saved) return Problem(saved.error(), request);
    return VersionedAnswer(kCreated, endpoints.render(*saved, clock.Today()), saved->version,
                           endpoints.collection, saved->reference);
  };
}

template <typename Record>
Handler UpdateHandler(app::Store& store, const app::Clock& clock,
                      const VersionedEndpoints<Record>& endpoints) {
  return [&store, &clock, endpoints](const Request& request) {
    auto version = VersionFromIfMatch(request.Header("if-match"));
    if (!version) return Problem(version.error(), request);
    auto body = ParseJsonBody(request);
    if (!body) return Problem(body.error(), request);
    auto parsed = endpoints.parse(*body, std::nullopt);
    if (!parsed) return Problem(parsed.error(), request);
    parsed->reference = PathParam(request, "reference");
    auto saved = endpoints.update(store, clock, *request.actor, std::move(*parsed), *version);
    if (!saved) return Problem(saved.error(), request);
    return VersionedAnswer(kOk, endpoints.render(*saved, clock.Today()), saved->version,
                           endpoints.collection, saved->reference);
  };
}

// A list as {"items": [...]}.
template <typename Record>
Response ItemsAnswer(const std::vector<Record>& records,
                     nlohmann::json (*render)(const Record&, core::Date), core::Date today) {
  nlohmann::json items = nlohmann::json::array();
  for (const Record& record : records) items.push_back(render(record, today));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

// The year of a path's {year}.
inline core::Result<int> YearOf(const Request& request) {
  return ParseReportYear(PathParam(request, "year"));
}

}  // namespace redress::http
