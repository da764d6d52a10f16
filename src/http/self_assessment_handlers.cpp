#include "http/self_assessment_handlers.hpp"

#include <cstdint>
#include <optional>
#include <string>

#include "app/learning.hpp"
#include "http/handlers.hpp"
#include "http/responses.hpp"
#include "http/self_assessment_mapping.hpp"
#include "http/versioned_endpoints.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kSelfAssessments = "/api/v1/self-assessments";

}  // namespace

void RegisterSelfAssessmentRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string assessments = std::string(kSelfAssessments) + "/{year}";

  router.Add({"POST", assessments, kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto started = app::StartSelfAssessment(store, clock, *request.actor, *year);
                if (!started) return Problem(started.error(), request);
                return CreatedAt(std::string(kSelfAssessments) + "/" + std::to_string(*year),
                                 SelfAssessmentToJson(*started));
              }});
  router.Add({"GET", assessments, kAuth, P::kViewReports, [&store](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto found = app::GetSelfAssessment(store, *year);
                if (!found) return Problem(found.error(), request);
                return JsonAnswer(kOk, SelfAssessmentToJson(*found));
              }});
  router.Add({"PUT", assessments + "/provisions/{provision}", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto provision = ParseProvision(PathParam(request, "provision"), *body);
                if (!provision) return Problem(provision.error(), request);
                auto version = OptionalVersionOf(request);
                if (!version) return Problem(version.error(), request);
                auto saved =
                    app::SaveProvision(store, clock, *request.actor, *year, *provision, *version);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, SelfAssessmentToJson(*saved));
              }});
  router.Add({"DELETE", assessments + "/provisions/{provision}", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto version = OptionalVersionOf(request);
                if (!version) return Problem(version.error(), request);
                auto saved = app::RemoveProvision(store, clock, *request.actor, *year,
                                                  PathParam(request, "provision"), *version);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, SelfAssessmentToJson(*saved));
              }});
  router.Add({"PUT", assessments + "/approval", kAuth, P::kManageSelfAssessment,
              [&store, &clock](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto approval = ParseApproval(*body);
                if (!approval) return Problem(approval.error(), request);
                auto version = OptionalVersionOf(request);
                if (!version) return Problem(version.error(), request);
                auto saved =
                    app::RecordApproval(store, clock, *request.actor, *year, *approval, *version);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, SelfAssessmentToJson(*saved));
              }});
}

}  // namespace redress::http
