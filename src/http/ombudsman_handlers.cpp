#include "http/ombudsman_handlers.hpp"

#include <string>
#include <utility>
#include <vector>

#include "app/ombudsman.hpp"
#include "http/handlers.hpp"
#include "http/ombudsman_mapping.hpp"
#include "http/problem.hpp"
#include "http/report_handlers.hpp"
#include "http/responses.hpp"
#include "http/versioned_endpoints.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kCases = "/api/v1/ombudsman/cases";
constexpr std::string_view kFailureOrders = "/api/v1/ombudsman/failure-orders";
constexpr std::string_view kLetters = "/api/v1/ombudsman/lgsco-letters";

// The letter has no version: its ETag is its content's tag (app::LetterTag), and a change may
// name it in If-Match, or send If-None-Match: * when it saw no letter for the year.
core::Result<app::LetterPrecondition> LetterPreconditionOf(const Request& request) {
  app::LetterPrecondition precondition;
  const std::string_view if_match = request.Header("if-match");
  if (!if_match.empty()) {
    const std::optional<std::string_view> tag = StrongEtag(if_match);
    if (!tag) {
      return tl::unexpected(RequestError(RequestRefusal::kMalformedRequest,
                                         "If-Match must be the letter's ETag as GET sent it",
                                         {{"If-Match", "must be the letter's ETag, in quotes",
                                           core::FieldErrorCode::kMalformed}}));
    }
    precondition.read_tag = std::string(*tag);
  }
  const std::string_view if_none_match = request.Header("if-none-match");
  if (!if_none_match.empty()) {
    if (if_none_match != "*") {
      return tl::unexpected(RequestError(
          RequestRefusal::kMalformedRequest, "If-None-Match must be * (no letter entered yet)",
          {{"If-None-Match", "must be *", core::FieldErrorCode::kMalformed}}));
    }
    precondition.expected_none = true;
  }
  return precondition;
}

Response LetterAnswer(const core::LgscoLetter& letter) {
  Response response = JsonAnswer(kOk, LgscoLetterToJson(letter));
  response.headers.emplace_back("ETag", "\"" + app::LetterTag(letter) + "\"");
  return response;
}

core::Result<core::OmbudsmanCase> ParseCase(const json& body, std::optional<core::Date>) {
  return ParseOmbudsmanCase(body);
}
core::Result<core::FailureOrder> ParseOrder(const json& body, std::optional<core::Date>) {
  return ParseFailureOrder(body);
}

const VersionedEndpoints<core::OmbudsmanCase> kCaseEndpoints{
    kCases, ParseCase, OmbudsmanCaseToJson, app::RecordOmbudsmanCase, app::UpdateOmbudsmanCase};
const VersionedEndpoints<core::FailureOrder> kOrderEndpoints{
    kFailureOrders, ParseOrder, FailureOrderToJson, app::RecordFailureOrder,
    app::UpdateFailureOrder};
// The date of ?on=, today when absent.
core::Result<core::Date> AsAt(const Request& request, core::Date today) {
  auto found = request.query.find("on");
  if (found == request.query.end() || found->second.empty()) return today;
  std::optional<core::Date> date = core::Date::Parse(found->second);
  if (!date) return core::FailField("on", "must be a date written YYYY-MM-DD");
  return *date;
}

}  // namespace

void RegisterOmbudsmanRoutes(Router& router, app::Store& store, const app::Clock& clock) {
  const std::string cases(kCases);
  const std::string orders(kFailureOrders);
  const std::string letters(kLetters);

  router.Add({"GET", cases, kAuth, P::kViewCases, [&store, &clock](const Request& request) {
                auto filter = ParseOmbudsmanCaseFilter(request.query);
                if (!filter) return Problem(filter.error(), request);
                auto found = app::ListOmbudsmanCases(store, *request.actor, *filter);
                if (!found) return Problem(found.error(), request);
                return ItemsAnswer(*found, OmbudsmanCaseToJson, clock.Today());
              }});
  router.Add(
      {"POST", cases, kAuth, P::kManageOmbudsman, RecordHandler(store, clock, kCaseEndpoints)});
  router.Add({"GET", cases + "/{reference}", kAuth, P::kViewCases,
              [&store, &clock](const Request& request) {
                auto found =
                    app::GetOmbudsmanCase(store, *request.actor, PathParam(request, "reference"));
                if (!found) return Problem(found.error(), request);
                return VersionedAnswer(kOk, OmbudsmanCaseToJson(*found, clock.Today()),
                                       found->version, kCases, found->reference);
              }});
  router.Add({"PUT", cases + "/{reference}", kAuth, P::kManageOmbudsman,
              UpdateHandler(store, clock, kCaseEndpoints)});

  router.Add({"GET", orders, kAuth, P::kViewCases, [&store, &clock](const Request& request) {
                auto found = app::ListFailureOrders(store, *request.actor);
                if (!found) return Problem(found.error(), request);
                return ItemsAnswer(*found, FailureOrderToJson, clock.Today());
              }});
  router.Add(
      {"POST", orders, kAuth, P::kManageOmbudsman, RecordHandler(store, clock, kOrderEndpoints)});
  router.Add({"GET", orders + "/{reference}", kAuth, P::kViewCases,
              [&store, &clock](const Request& request) {
                auto found =
                    app::GetFailureOrder(store, *request.actor, PathParam(request, "reference"));
                if (!found) return Problem(found.error(), request);
                return VersionedAnswer(kOk, FailureOrderToJson(*found, clock.Today()),
                                       found->version, kFailureOrders, found->reference);
              }});
  router.Add({"PUT", orders + "/{reference}", kAuth, P::kManageOmbudsman,
              UpdateHandler(store, clock, kOrderEndpoints)});

  router.Add({"GET", "/api/v1/ombudsman/overdue", kAuth, P::kViewCases,
              [&store, &clock](const Request& request) {
                auto on = AsAt(request, clock.Today());
                if (!on) return Problem(on.error(), request);
                auto dashboard = app::Overdue(store, *request.actor, *on);
                if (!dashboard) return Problem(dashboard.error(), request);
                return JsonAnswer(kOk, OverdueToJson(*dashboard));
              }});

  router.Add({"GET", letters + "/{year}", kAuth, P::kViewReports, [&store](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto letter = app::GetLgscoLetter(store, *year);
                if (!letter) return Problem(letter.error(), request);
                return LetterAnswer(*letter);
              }});
  router.Add({"PUT", letters + "/{year}", kAuth, P::kManageOmbudsman,
              [&store, &clock](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto body = ParseJsonBody(request);
                if (!body) return Problem(body.error(), request);
                auto letter = ParseLgscoLetter(*year, *body);
                if (!letter) return Problem(letter.error(), request);
                auto precondition = LetterPreconditionOf(request);
                if (!precondition) return Problem(precondition.error(), request);
                auto saved =
                    app::SaveLgscoLetter(store, clock, *request.actor, *letter, *precondition);
                if (!saved) return Problem(saved.error(), request);
                return LetterAnswer(*saved);
              }});
  router.Add({"GET", letters + "/{year}/reconciliation", kAuth, P::kViewReports,
              [&store](const Request& request) {
                auto year = YearOf(request);
                if (!year) return Problem(year.error(), request);
                auto reconciliation = app::ReconcileLgscoLetter(store, *year);
                if (!reconciliation) return Problem(reconciliation.error(), request);
                return JsonAnswer(kOk, ReconciliationToJson(*reconciliation));
              }});

  router.Add({"GET", "/api/v1/complaints/{reference}/ombudsman", kAuth, P::kViewCases,
              [&store, &clock](const Request& request) {
                auto history =
                    app::OmbudsmanHistoryOf(store, *request.actor, PathParam(request, "reference"));
                if (!history) return Problem(history.error(), request);
                json cases_json = json::array();
                for (const core::OmbudsmanCase& c : history->cases) {
                  cases_json.push_back(OmbudsmanCaseToJson(c, clock.Today()));
                }
                json orders_json = json::array();
                for (const core::FailureOrder& order : history->failure_orders) {
                  orders_json.push_back(FailureOrderToJson(order, clock.Today()));
                }
                return JsonAnswer(kOk, {{"cases", std::move(cases_json)},
                                        {"failure_orders", std::move(orders_json)}});
              }});
}

}  // namespace redress::http
