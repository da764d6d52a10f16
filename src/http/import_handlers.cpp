#include "http/import_handlers.hpp"

#include <sodium.h>

#include <optional>
#include <string>
#include <utility>

#include "app/legacy_import.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

// Standard base64 (RFC 4648 section 4, padded) as bytes; nullopt when it is not.
std::optional<std::string> FromBase64(const std::string& text) {
  std::string bytes(text.size() / 4 * 3 + 3, '\0');
  std::size_t length = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), text.data(),
                        text.size(), "\r\n", &length, nullptr,
                        sodium_base64_VARIANT_ORIGINAL) != 0) {
    return std::nullopt;
  }
  bytes.resize(length);
  return bytes;
}

// The export is `csv` (its text) or `xlsx` (the workbook's bytes in base64), exactly one.
core::Result<app::ImportComplaintsInput> ParseImport(const json& body) {
  if (!body.is_object()) {
    return core::FailField("body", "must be a JSON object", core::FieldErrorCode::kMalformed);
  }
  InputErrors errors;
  ObjectReader reader(body, "", errors);
  app::ImportComplaintsInput input;
  input.mapping = reader.Text("mapping", Presence::kRequired);
  const bool has_csv = body.contains("csv") && !body["csv"].is_null();
  const bool has_xlsx = body.contains("xlsx") && !body["xlsx"].is_null();
  input.csv = reader.Text("csv", has_xlsx ? Presence::kOptional : Presence::kRequired);
  const std::string xlsx = reader.Text("xlsx");
  input.file_name = reader.Text("file_name");
  input.dry_run = reader.Boolean("dry_run", Presence::kOptional).value_or(false);
  reader.Finish();
  if (has_csv && has_xlsx) {
    errors.Invalid("xlsx", "send the export as csv or as xlsx, not both");
  } else if (has_xlsx && errors.empty()) {
    if (auto bytes = FromBase64(xlsx)) {
      input.csv = std::move(*bytes);
    } else {
      errors.Invalid("xlsx", "must be the workbook's bytes in base64",
                     core::FieldErrorCode::kInvalidFormat);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return input;
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
