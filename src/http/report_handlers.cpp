#include "http/report_handlers.hpp"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "app/organisation.hpp"
#include "app/report_use_cases.hpp"
#include "http/concurrency_limit.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/problem.hpp"
#include "http/responses.hpp"
#include "report/render/render.hpp"

namespace redress::http {
namespace {

// Annual reports computed and rendered at once: a report reads every complaint of two years and a
// PDF lays out dozens of pages, a core's work for a while; half the cores leaves the rest to the
// API's other users. A few more wait their turn; beyond that the answer is 503 with Retry-After.
constexpr int kReportsWaiting = 4;
constexpr std::chrono::seconds kReportWait{20};
constexpr std::chrono::seconds kReportRetryAfter{5};

int ReportsAtOnce() { return std::max(1U, std::thread::hardware_concurrency() / 2); }

core::Result<report::render::Format> ParseFormat(const Request& request) {
  auto found = request.query.find("format");
  if (found == request.query.end() || found->second.empty()) {
    return report::render::Format::kJson;
  }
  auto format = report::render::ParseFormat(found->second);
  if (!format) {
    return core::FailField(
        "format",
        "must be " + std::string(report::render::kFormatNames) + ", got '" + found->second + "'",
        core::FieldErrorCode::kNotInList);
  }
  return *format;
}

// The optional as_at query parameter: the date the report's figures are as at.
core::Result<std::optional<core::Date>> ParseAsAt(const Request& request) {
  auto found = request.query.find("as_at");
  if (found == request.query.end()) return std::optional<core::Date>();
  std::optional<core::Date> date = core::Date::Parse(found->second);
  if (!date)
    return core::FailField("as_at", "must be a date written YYYY-MM-DD",
                           core::FieldErrorCode::kInvalidDate);
  return date;
}

Response AnnualReport(app::Store& store, const app::Clock& clock, ConcurrencyLimit& reports,
                      const Request& request) {
  auto found = request.path_params.find("year");
  auto year = ParseReportYear(found == request.path_params.end() ? "" : found->second);
  if (!year) return ProblemResponse(year.error(), request.path);
  auto format = ParseFormat(request);
  auto as_at = ParseAsAt(request);
  if (!format || !as_at) {
    core::FieldErrors errors;
    for (const core::Error* error :
         {format ? nullptr : &format.error(), as_at ? nullptr : &as_at.error()}) {
      if (error == nullptr) continue;
      for (const core::FieldError& field : error->fields)
        errors.Add(field.field, field.message, field.code);
    }
    return ProblemResponse(errors.ToError().value(), request.path);
  }
  auto turn = reports.Acquire("annual reports");
  if (!turn) return ProblemResponse(turn.error(), request.path);
  auto computed = app::BuildAnnualReport(store, clock, *year, *as_at);
  if (!computed) return ProblemResponse(computed.error(), request.path);
  auto document = report::render::Render(*computed, *format);
  if (!document) return ProblemResponse(document.error(), request.path);
  Response response{
      kOk, std::string(report::render::ContentType(*format)), std::move(*document), {}};
  if (*format != report::render::Format::kJson) {
    response.headers.emplace_back(
        "Content-Disposition",
        "attachment; filename=\"" + report::render::FileName(*year, *format) + "\"");
  }
  return response;
}

// GET /api/v1/homes-owned: {"items": [{"year", "homes"}]} by year.
Response ListHomesOwned(app::Store& store, const Request& request) {
  auto homes = app::ListHomesOwned(store);
  if (!homes) return Problem(homes.error(), request);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [year, count] : *homes) items.push_back({{"year", year}, {"homes", count}});
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

// PUT /api/v1/homes-owned/{year}: {"homes"}; the use case judges the year and the number.
Response SaveHomesOwned(app::Store& store, const app::Clock& clock, const Request& request) {
  auto year = ParseReportYear(PathParam(request, "year"));
  if (!year) return Problem(year.error(), request);
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto homes = ReadBody<std::int64_t>(*body, [](ObjectReader& reader) {
    return reader.Integer("homes", Presence::kRequired, 1, std::numeric_limits<std::int64_t>::max())
        .value_or(0);
  });
  if (!homes) return Problem(homes.error(), request);
  auto saved = app::SaveHomesOwned(store, clock, *request.actor, *year, *homes);
  if (!saved) return Problem(saved.error(), request);
  return JsonAnswer(kOk, {{"year", *year}, {"homes", *homes}});
}

// GET /api/v1/tenant-satisfaction: {"items": [{"year", "percent", "sample_size"}]} by year.
nlohmann::json TenantSatisfactionJson(int year, const report::TenantSatisfaction& survey) {
  constexpr double kTenthsPerPercent = 10.0;
  return {{"year", year},
          {"percent", survey.satisfied_tenths / kTenthsPerPercent},
          {"sample_size", survey.sample_size}};
}

Response ListTenantSatisfaction(app::Store& store, const Request& request) {
  auto surveys = app::ListTenantSatisfaction(store);
  if (!surveys) return Problem(surveys.error(), request);
  nlohmann::json items = nlohmann::json::array();
  for (const auto& [year, survey] : *surveys) items.push_back(TenantSatisfactionJson(year, survey));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

// PUT /api/v1/tenant-satisfaction/{year}: {"percent", "sample_size"}; the use case judges the
// year, the share and the sample size, naming every field that is wrong.
Response SaveTenantSatisfaction(app::Store& store, const app::Clock& clock,
                                const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  // Only the JSON types are checked here: a missing or out-of-range value, like a wrong year, is
  // judged by the use case, which names every such field in one answer.
  auto input = ReadBody<app::TenantSatisfactionInput>(*body, [](ObjectReader& reader) {
    app::TenantSatisfactionInput read;
    read.percent =
        reader
            .Number("percent", Presence::kOptional, std::numeric_limits<double>::lowest(),
                    std::numeric_limits<double>::max())
            .value_or(std::numeric_limits<double>::quiet_NaN());
    read.sample_size =
        reader
            .Integer("sample_size", Presence::kOptional, std::numeric_limits<std::int64_t>::min(),
                     std::numeric_limits<std::int64_t>::max())
            .value_or(0);
    return read;
  });
  if (!input) return Problem(input.error(), request);
  // A year that is not a number is judged like any other wrong year (0 is outside every range).
  int year = 0;
  const std::string_view year_text = PathParam(request, "year");
  auto [end, error] = std::from_chars(year_text.data(), year_text.data() + year_text.size(), year);
  if (year_text.empty() || error != std::errc() || end != year_text.data() + year_text.size()) {
    year = 0;
  }
  auto saved = app::SaveTenantSatisfaction(store, clock, *request.actor, year, *input);
  if (!saved) return Problem(saved.error(), request);
  auto stored = app::ListTenantSatisfaction(store);
  if (!stored) return Problem(stored.error(), request);
  return JsonAnswer(kOk, TenantSatisfactionJson(year, stored->at(year)));
}

}  // namespace

core::Result<int> ParseReportYear(std::string_view text) {
  int year = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return core::FailField("year", "must be a financial year such as 2023 (for 2023/24), got '" +
                                       std::string(text) + "'");
  }
  if (core::Status valid = app::CheckReportYear(year); !valid) {
    return tl::unexpected(valid.error());
  }
  return year;
}

void RegisterReportRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  auto reports = std::make_shared<ConcurrencyLimit>(
      ReportsAtOnce(), kReportsWaiting,
      std::chrono::duration_cast<std::chrono::milliseconds>(kReportWait), kReportRetryAfter);
  router.Add({"GET", "/api/v1/reports/annual/{year}", Access::kAuthenticated,
              core::Permission::kViewReports, [&store, &clock, reports](const Request& request) {
                return AnnualReport(store, clock, *reports, request);
              }});
  router.Add({"GET", "/api/v1/homes-owned", Access::kAuthenticated, core::Permission::kViewReports,
              [&store](const Request& request) { return ListHomesOwned(store, request); }});
  router.Add({"PUT", "/api/v1/homes-owned/{year}", Access::kAuthenticated,
              core::Permission::kManageConfiguration, [&store, &clock](const Request& request) {
                return SaveHomesOwned(store, clock, request);
              }});
  router.Add({"GET", "/api/v1/tenant-satisfaction", Access::kAuthenticated,
              core::Permission::kViewReports,
              [&store](const Request& request) { return ListTenantSatisfaction(store, request); }});
  router.Add({"PUT", "/api/v1/tenant-satisfaction/{year}", Access::kAuthenticated,
              core::Permission::kManageConfiguration, [&store, &clock](const Request& request) {
                return SaveTenantSatisfaction(store, clock, request);
              }});
}

}  // namespace redress::http
