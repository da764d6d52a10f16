#include "http/learning_handlers.hpp"

#include <string>
#include <utility>

#include "app/learning.hpp"
#include "http/handlers.hpp"
#include "http/learning_mapping.hpp"
#include "http/responses.hpp"
#include "http/versioned_endpoints.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kLearning = "/api/v1/learning";

const VersionedEndpoints<core::LearningAction> kLearningEndpoints{
    kLearning, ParseLearningAction, LearningActionToJson, app::RaiseLearningAction,
    app::UpdateLearningAction};

}  // namespace

void RegisterLearningRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string learning(kLearning);

  router.Add({"GET", learning, kAuth, P::kViewCases, [&store, &clock](const Request& request) {
                auto filter = ParseLearningFilter(request.query);
                if (!filter) return Problem(filter.error(), request);
                auto found =
                    app::ListLearningActions(store, *request.actor, *filter, clock.Today());
                if (!found) return Problem(found.error(), request);
                return ItemsAnswer(*found, LearningActionToJson, clock.Today());
              }});
  router.Add({"POST", learning, kAuth, P::kManageLearning,
              RecordHandler(store, clock, kLearningEndpoints)});
  router.Add({"GET", learning + "/{reference}", kAuth, P::kViewCases,
              [&store, &clock](const Request& request) {
                auto found =
                    app::GetLearningAction(store, *request.actor, PathParam(request, "reference"));
                if (!found) return Problem(found.error(), request);
                return VersionedAnswer(kOk, LearningActionToJson(*found, clock.Today()),
                                       found->version, kLearning, found->reference);
              }});
  router.Add({"PUT", learning + "/{reference}", kAuth, P::kManageLearning,
              UpdateHandler(store, clock, kLearningEndpoints)});
}

}  // namespace redress::http
