#include "http/import_handlers.hpp"

#include <string>
#include <utility>

#include "app/legacy_import.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

core::Result<app::ImportComplaintsInput> ParseImport(const json& body) {
  return ReadBody<app::ImportComplaintsInput>(body, [](ObjectReader& reader) {
    app::ImportComplaintsInput input;
    input.mapping = reader.Text("mapping", Presence::kRequired);
    input.csv = reader.Text("csv", Presence::kRequired);
    input.file_name = reader.Text("file_name");
    input.dry_run = reader.Boolean("dry_run", Presence::kOptional).value_or(false);
    return input;
  });
}

json ReportJson(const app::ImportReport& report) {
  json problems = json::array();
  for (const auto& problem : report.problems) {
    problems.push_back(
        {{"row", problem.row}, {"column", problem.column}, {"message", problem.message}});
  }
  json cases = json::array();
  for (const auto& [legacy, reference] : report.cases) {
    cases.push_back({{"legacy_reference", legacy}, {"reference", reference}});
  }
  return {{"dry_run", report.dry_run},
          {"system", report.system},
          {"rows", report.rows},
          {"imported", report.imported},
          {"already_imported", report.already_imported},
          {"problems", std::move(problems)},
          {"cases", std::move(cases)}};
}

}  // namespace

void RegisterImportRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  router.Add({"POST", "/api/v1/imports/complaints", Access::kAuthenticated,
              core::Permission::kManageConfiguration, [&store, &clock](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto input = ParseImport(*body);
                if (!input) return Problem(input.error(), request);
                auto report = app::ImportComplaints(store, clock, *request.actor, *input);
                if (!report) return Problem(report.error(), request);
                return JsonAnswer(kOk, ReportJson(*report));
              }});
}

}  // namespace redress::http
