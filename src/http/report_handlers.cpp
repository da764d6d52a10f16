#include "http/report_handlers.hpp"

#include <charconv>
#include <string>

#include "app/report_use_cases.hpp"
#include "http/problem.hpp"
#include "report/render/render.hpp"

namespace redress::http {
namespace {

constexpr int kOk = 200;

core::Result<report::render::Format> ParseFormat(const Request& request) {
  auto found = request.query.find("format");
  if (found == request.query.end() || found->second.empty()) {
    return report::render::Format::kJson;
  }
  auto format = report::render::ParseFormat(found->second);
  if (!format) {
    return core::FailField("format", "must be " + std::string(report::render::kFormatNames) +
                                         ", got '" + found->second + "'");
  }
  return *format;
}

Response AnnualReport(app::Store& store, const app::Clock& clock, const Request& request) {
  auto found = request.path_params.find("year");
  auto year = ParseReportYear(found == request.path_params.end() ? "" : found->second);
  if (!year) return ProblemResponse(year.error(), request.path);
  auto format = ParseFormat(request);
  if (!format) return ProblemResponse(format.error(), request.path);
  auto computed = app::BuildAnnualReport(store, clock, *year);
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
  router.Add({"GET", "/api/v1/reports/annual/{year}", Access::kAuthenticated,
              core::Permission::kViewReports, [&store, &clock](const Request& request) {
                return AnnualReport(store, clock, request);
              }});
}

}  // namespace redress::http
