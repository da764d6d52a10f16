#include "http/ombudsman_handlers.hpp"

#include <string>
#include <utility>
#include <vector>

#include "app/learning.hpp"
#include "app/ombudsman.hpp"
#include "http/handlers.hpp"
#include "http/ombudsman_mapping.hpp"
#include "http/report_handlers.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

using nlohmann::json;
using P = core::Permission;

constexpr Access kAuth = Access::kAuthenticated;
constexpr std::string_view kCases = "/api/v1/ombudsman/cases";
constexpr std::string_view kFailureOrders = "/api/v1/ombudsman/failure-orders";
constexpr std::string_view kLetters = "/api/v1/ombudsman/lgsco-letters";
constexpr std::string_view kLearning = "/api/v1/learning";
constexpr std::string_view kSelfAssessments = "/api/v1/self-assessments";

// A record answered with its ETag, and with its Location when `status` is 201 Created.
Response VersionedAnswer(int status, json body, std::int64_t version, std::string_view collection,
                         const std::string& reference) {
  Response response = JsonAnswer(status, body);
  response.headers.emplace_back("ETag", ETagFor(version));
  if (status == kCreated) {
    response.headers.emplace_back("Location", std::string(collection) + "/" + reference);
  }
  return response;
}

// The POST (record) and PUT (replace at the If-Match version) of a versioned record, and its GET.
template <typename Record>
struct VersionedEndpoints {
  std::string_view collection;
  // `new_on` is today for a new record and nullopt for a replacement, whose dates the body must
  // state in full (a default would silently move them).
  core::Result<Record> (*parse)(const json& body, std::optional<core::Date> new_on);
  json (*render)(const Record&, core::Date today);
  core::Result<Record> (*record)(app::Store&, const app::Clock&, const app::Actor&, Record);
  core::Result<Record> (*update)(app::Store&, const app::Clock&, const app::Actor&, Record,
                                 std::int64_t);
};

template <typename Record>
Handler RecordHandler(app::Store& store, const app::Clock& clock,
                      const VersionedEndpoints<Record>& endpoints) {
  return [&store, &clock, endpoints](const Request& request) {
    auto body = ParseJsonBody(request);
    if (!body) return Problem(body.error(), request);
    auto parsed = endpoints.parse(*body, clock.Today());
    if (!parsed) return Problem(parsed.error(), request);
    auto saved = endpoints.record(store, clock, *request.actor, std::move(*parsed));
    if (!saved) return Problem(saved.error(), request);
    return VersionedAnswer(kCreated, endpoints.render(*saved, clock.Today()), saved->version,
                           endpoints.collection, saved->reference);
  };
}

// The letter has no version: its ETag is its content's tag (app::LetterTag), and a change may
// name it in If-Match, or send If-None-Match: * when it saw no letter for the year.
core::Result<app::LetterPrecondition> LetterPreconditionOf(const Request& request) {
  app::LetterPrecondition precondition;
  const std::string_view if_match = request.Header("if-match");
  if (!if_match.empty()) {
    const std::optional<std::string_view> tag = StrongEtag(if_match);
    if (!tag) {
      return tl::unexpected(core::Error{core::ErrorCode::kMalformedRequest,
                                        "If-Match must be the letter's ETag as GET sent it",
                                        {{"If-Match", "must be the letter's ETag, in quotes"}}});
    }
    precondition.read_tag = std::string(*tag);
  }
  const std::string_view if_none_match = request.Header("if-none-match");
  if (!if_none_match.empty()) {
    if (if_none_match != "*") {
      return tl::unexpected(core::Error{core::ErrorCode::kMalformedRequest,
                                        "If-None-Match must be * (no letter entered yet)",
                                        {{"If-None-Match", "must be *"}}});
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

// The self-assessment's changes take If-Match when the client sends it (the version of the
// assessment it read) and apply to the latest without it: one record holds every provision, so
// requiring it would refuse an officer's edit whenever a colleague saved another provision.
core::Result<std::optional<std::int64_t>> OptionalVersion(const Request& request) {
  const std::string_view if_match = request.Header("if-match");
  if (if_match.empty()) return std::optional<std::int64_t>{};
  auto version = VersionFromIfMatch(if_match);
  if (!version) return tl::unexpected(version.error());
  return std::optional<std::int64_t>{*version};
}

template <typename Record>
Handler UpdateHandler(app::Store& store, const app::Clock& clock,
                      const VersionedEndpoints<Record>& endpoints) {
  return [&store, &clock, endpoints](const Request& request) {
    auto version = VersionFromIfMatch(request.Header("if-match"));
    if (!version) return Problem(version.error(), request);
    auto body = ParseJsonBody(request);
    if (!body) return Problem(body.error(), request);
    auto parsed = endpoints.parse(*body, std::nullopt);
    if (!parsed) return Problem(parsed.error(), request);
    parsed->reference = PathParam(request, "reference");
    auto saved = endpoints.update(store, clock, *request.actor, std::move(*parsed), *version);
    if (!saved) return Problem(saved.error(), request);
    return VersionedAnswer(kOk, endpoints.render(*saved, clock.Today()), saved->version,
                           endpoints.collection, saved->reference);
  };
}

// A list as {"items": [...]}.
template <typename Record>
Response ItemsAnswer(const std::vector<Record>& records, json (*render)(const Record&, core::Date),
                     core::Date today) {
  json items = json::array();
  for (const Record& record : records) items.push_back(render(record, today));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
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
const VersionedEndpoints<core::LearningAction> kLearningEndpoints{
    kLearning, ParseLearningAction, LearningActionToJson, app::RaiseLearningAction,
    app::UpdateLearningAction};

core::Result<int> YearOf(const Request& request) {
  return ParseReportYear(PathParam(request, "year"));
}

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
  const std::string learning(kLearning);
  const std::string assessments = std::string(kSelfAssessments) + "/{year}";

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
                auto version = OptionalVersion(request);
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
                auto version = OptionalVersion(request);
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
                auto version = OptionalVersion(request);
                if (!version) return Problem(version.error(), request);
                auto saved =
                    app::RecordApproval(store, clock, *request.actor, *year, *approval, *version);
                if (!saved) return Problem(saved.error(), request);
                return JsonAnswer(kOk, SelfAssessmentToJson(*saved));
              }});
}

}  // namespace redress::http
