#include "http/annual_submission_handlers.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include "app/annual_submissions.hpp"
#include "http/annual_submission_mapping.hpp"
#include "http/handlers.hpp"
#include "http/responses.hpp"
#include "http/versioned_endpoints.hpp"
#include "report/render/render.hpp"
#include "report/render/submission_form_render.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kSubmissions = "/api/v1/annual-submissions";

Response RecordAnswer(const core::Result<core::AnnualSubmission>& saved, const Request& request) {
  if (!saved) return Problem(saved.error(), request);
  return JsonAnswer(kOk, AnnualSubmissionToJson(*saved));
}

// A step of the record: the year from the path, the body by `parse`, the version from If-Match,
// then `step(year, input, version)`.
template <typename Parse, typename Step>
Response StepAnswer(const Request& request, Parse&& parse, Step&& step) {
  auto year = YearOf(request);
  if (!year) return Problem(year.error(), request);
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto input = parse(*body);
  if (!input) return Problem(input.error(), request);
  auto version = OptionalVersionOf(request);
  if (!version) return Problem(version.error(), request);
  return RecordAnswer(step(*year, *input, *version), request);
}

core::Result<report::render::Format> FormFormatOf(const Request& request) {
  auto found = request.query.find("format");
  if (found == request.query.end() || found->second.empty()) {
    return report::render::Format::kJson;
  }
  auto format = report::render::ParseFormFormat(found->second);
  if (!format) {
    return core::FailField("format",
                           "must be " + std::string(report::render::kFormFormatNames) + ", got '" +
                               found->second + "'",
                           core::FieldErrorCode::kNotInList);
  }
  return *format;
}

core::Result<std::string> ReportJson(const report::AnnualReport& report) {
  return report::render::Render(report, report::render::Format::kJson);
}

}  // namespace

void RegisterAnnualSubmissionRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string submissions(kSubmissions);
  const std::string one = submissions + "/{year}";

  router.Add({"GET", submissions, kAuth, P::kViewReports, [&store](const Request& request) {
                auto listed = app::ListAnnualSubmissions(store);
                if (!listed) return Problem(listed.error(), request);
                json items = json::array();
                for (const core::AnnualSubmission& s : *listed) {
                  items.push_back(AnnualSubmissionToJson(s));
                }
                return JsonAnswer(kOk, {{"items", std::move(items)}});
              }});
  router.Add({"POST", submissions, kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto input = ParseNewSubmission(*body);
                if (!input) return Problem(input.error(), request);
                auto created = app::CreateAnnualSubmission(store, clock, *request.actor, *input);
                if (!created) return Problem(created.error(), request);
                return CreatedAt(std::string(kSubmissions) + "/" + std::to_string(created->year),
                                 AnnualSubmissionToJson(*created));
              }});
  router.Add({"GET", one, kAuth, P::kViewReports, [&store](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                return RecordAnswer(app::GetAnnualSubmission(store, *year), request);
              }});
  router.Add({"PUT", one + "/details", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                return StepAnswer(request, ParseSubmissionDetails,
                                  [&](int year, const core::SubmissionDetails& details,
                                      std::optional<std::int64_t> version) {
                                    return app::UpdateSubmissionDetails(
                                        store, clock, *request.actor, year, details, version);
                                  });
              }});
  router.Add({"POST", one + "/approve", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                return StepAnswer(request, ParseSubmissionApproval,
                                  [&](int year, const core::Approval& approval,
                                      std::optional<std::int64_t> version) {
                                    return app::ApproveAnnualSubmission(
                                        store, clock, *request.actor, year, approval, version);
                                  });
              }});
  router.Add({"POST", one + "/publish", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                return StepAnswer(request, ParsePublication,
                                  [&](int year, const core::Publication& publication,
                                      std::optional<std::int64_t> version) {
                                    return app::PublishAnnualSubmission(
                                        store, clock, *request.actor, year, publication, version);
                                  });
              }});
  router.Add({"POST", one + "/submit", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                return StepAnswer(
                    request, ParseSubmittedOn,
                    [&](int year, core::Date submitted_on, std::optional<std::int64_t> version) {
                      return app::SubmitAnnualSubmission(store, clock, *request.actor, year,
                                                         submitted_on, ReportJson, version);
                    });
              }});
  router.Add(
      {"GET", one + "/form", kAuth, P::kViewReports, [&store](const Request& request) {
         auto year = YearOf(request);
         if (!year) return Problem(year.error(), request);
         auto format = FormFormatOf(request);
         if (!format) return Problem(format.error(), request);
         auto form = app::GetSubmissionForm(store, *year);
         if (!form) return Problem(form.error(), request);
         auto document = report::render::RenderForm(*form, *format);
         if (!document) return Problem(document.error(), request);
         Response response{
             kOk, std::string(report::render::ContentType(*format)), std::move(*document), {}};
         if (*format != report::render::Format::kJson) {
           response.headers.emplace_back(
               "Content-Disposition",
               "attachment; filename=\"" + report::render::FormFileName(*year, *format) + "\"");
         }
         return response;
       }});
  router.Add({"GET", one + "/report", kAuth, P::kViewReports, [&store](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto kept = app::GetSubmittedReport(store, *year);
                if (!kept) return Problem(kept.error(), request);
                return Response{kOk, std::string(kJsonContentType), std::move(*kept), {}};
              }});
}

}  // namespace redress::http
