#include "http/export_handlers.hpp"

#include <string>
#include <utility>

#include "app/list_exports.hpp"
#include "http/complaint_query.hpp"
#include "http/learning_mapping.hpp"
#include "http/ombudsman_mapping.hpp"
#include "http/responses.hpp"
#include "report/render/table_writer.hpp"

namespace redress::http {
namespace {

using report::render::TableFormat;
using report::render::TableWriter;

constexpr std::string_view kExports = "/api/v1/exports";
constexpr std::string_view kFormat = "format";

// A request's format and the list's own filters: `format` taken out of the query, which the list's
// parser then reads as the list's request would be read.
struct ExportAsked {
  TableFormat format = TableFormat::kCsv;
  Parameters filters;
};

core::Result<ExportAsked> ParseExportAsked(const Request& request) {
  ExportAsked asked;
  asked.filters = request.query;
  const auto found = asked.filters.find(kFormat);
  if (found == asked.filters.end()) return asked;  // CSV, the default
  if (found->second.empty()) {                     // as every list reads an empty value: not set
    asked.filters.erase(found);
    return asked;
  }
  const auto format = report::render::ParseTableFormat(found->second);
  if (!format) {
    return core::FailField(std::string(kFormat),
                           "must be " + std::string(report::render::kTableFormatNames) + ", got '" +
                               found->second + "'");
  }
  asked.format = *format;
  asked.filters.erase(found);
  return asked;
}

// The filters as asked, for the audit trail: "name=value" joined by '&', in name order.
std::string FiltersText(const Parameters& filters) {
  std::string text;
  for (const auto& [name, value] : filters) {
    if (value.empty()) continue;
    if (!text.empty()) text += '&';
    text += name + "=" + value;
  }
  return text;
}

// Parses the list's filters, opens the writer, runs the export and answers the document.
template <typename ParseFilter, typename Export>
Response Download(const Request& request, std::string_view list, std::string_view sheet,
                  core::Date today, ParseFilter parse_filter, Export run_export) {
  auto asked = ParseExportAsked(request);
  if (!asked) return Problem(asked.error(), request);
  auto filter = parse_filter(asked->filters);
  if (!filter) return Problem(filter.error(), request);
  auto writer = TableWriter::Open(asked->format, sheet, today);
  if (!writer) return Problem(writer.error(), request);
  const app::ExportRequest audit{std::string(report::render::ToString(asked->format)),
                                 FiltersText(asked->filters)};
  auto rows = run_export(*filter, audit, **writer);
  if (!rows) return Problem(rows.error(), request);
  auto document = (*writer)->Finish();
  if (!document) return Problem(document.error(), request);
  Response response{
      kOk, std::string(report::render::MediaTypeOf(asked->format)), std::move(*document), {}};
  response.headers.emplace_back("Content-Disposition", "attachment; filename=\"" +
                                                           std::string(list) + "-" + today.ToIso() +
                                                           "." + audit.format + "\"");
  return response;
}

}  // namespace

void RegisterExportRoutes(Router& router, const app::CaseContext& cases) {
  const std::string exports(kExports);
  constexpr Access kAuth = Access::kAuthenticated;
  using P = core::Permission;

  router.Add({"GET", exports + "/complaints", kAuth, P::kViewCases, [&cases](const Request& r) {
                return Download(r, "complaints", "Complaints", cases.clock.Today(),
                                ParseComplaintQuery, [&](auto& query, auto& audit, auto& sink) {
                                  return app::ExportComplaints(cases, *r.actor, query, audit, sink);
                                });
              }});
  router.Add(
      {"GET", exports + "/ombudsman-cases", kAuth, P::kViewCases, [&cases](const Request& r) {
         return Download(r, "ombudsman-cases", "Ombudsman cases", cases.clock.Today(),
                         ParseOmbudsmanCaseFilter, [&](auto& filter, auto& audit, auto& sink) {
                           return app::ExportOmbudsmanCases(cases.store, cases.clock, *r.actor,
                                                            filter, audit, sink);
                         });
       }});
  router.Add(
      {"GET", exports + "/learning-actions", kAuth, P::kViewCases, [&cases](const Request& r) {
         return Download(r, "learning-actions", "Learning actions", cases.clock.Today(),
                         ParseLearningFilter, [&](auto& filter, auto& audit, auto& sink) {
                           return app::ExportLearningActions(cases.store, cases.clock, *r.actor,
                                                             filter, audit, sink);
                         });
       }});
}

}  // namespace redress::http
