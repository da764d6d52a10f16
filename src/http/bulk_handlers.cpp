#include "http/bulk_handlers.hpp"

#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "app/bulk_actions.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/problem.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using core::CaseActionKind;
using nlohmann::json;

constexpr std::string_view kBulk = "/api/v1/complaints/bulk/";
// The actions offered in bulk: reassigning, and acknowledging where no letter has to go with it.
constexpr CaseActionKind kBulkActions[] = {CaseActionKind::kReassign, CaseActionKind::kAcknowledge};

struct BulkRequest {
  std::vector<app::BulkCase> cases;
  app::CaseAction action;
};

// The action's field errors named from the body ("action.handler").
core::Error UnderAction(core::Error error) {
  for (core::FieldError& field : error.fields) field.field = "action." + field.field;
  return error;
}

core::Result<BulkRequest> ParseBulk(CaseActionKind kind, const json& body, core::Date today) {
  const json* action_body = nullptr;
  auto cases = ReadBody<std::vector<app::BulkCase>>(body, [&](ObjectReader& reader) {
    std::vector<app::BulkCase> read;
    if (reader.Member("cases", Presence::kRequired) != nullptr) {
      reader.EachObject("cases", [&](ObjectReader& one) {
        app::BulkCase selected;
        selected.reference = one.Text("reference", Presence::kRequired);
        selected.version =
            one.Integer("version", Presence::kRequired, 1, std::numeric_limits<std::int64_t>::max())
                .value_or(0);
        read.push_back(std::move(selected));
      });
    }
    action_body = reader.Member("action", Presence::kRequired);
    return read;
  });
  if (!cases) return tl::unexpected(cases.error());
  auto action = ParseCaseAction(kind, *action_body, today);
  if (!action) return tl::unexpected(UnderAction(action.error()));
  return BulkRequest{std::move(*cases), std::move(*action)};
}

json OutcomeToJson(const app::BulkOutcome& outcome, const Request& request) {
  if (outcome.done) {
    return {{"reference", outcome.reference},
            {"outcome", "done"},
            {"version", outcome.done->version},
            {"status", core::ToString(outcome.done->status)}};
  }
  // The problem the single action would have answered, its status included.
  Response problem = ProblemResponse(*outcome.refused, request.path);
  return {{"reference", outcome.reference},
          {"outcome", "refused"},
          {"problem", json::parse(problem.body)}};
}

}  // namespace

void RegisterBulkRoutes(Router& router, const app::CaseContext& cases) {
  for (CaseActionKind kind : kBulkActions) {
    router.Add({"POST", std::string(kBulk) + std::string(ToString(kind)), Access::kAuthenticated,
                core::PermissionFor(kind), [&cases, kind](const Request& request) {
                  auto body = ParseJsonBody(request);
                  if (!body) return Problem(body.error(), request);
                  auto parsed = ParseBulk(kind, *body, cases.clock.Today());
                  if (!parsed) return Problem(parsed.error(), request);
                  auto outcomes =
                      app::ApplyToEach(cases, *request.actor, parsed->cases, parsed->action);
                  if (!outcomes) return Problem(outcomes.error(), request);
                  json results = json::array();
                  for (const app::BulkOutcome& outcome : *outcomes) {
                    results.push_back(OutcomeToJson(outcome, request));
                  }
                  return JsonAnswer(kOk, {{"results", std::move(results)}});
                }});
  }
}

}  // namespace redress::http
