#include "http/handlers.hpp"

#include <charconv>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "app/accounts.hpp"
#include "app/case_reads.hpp"
#include "app/letters.hpp"
#include "app/notes_and_links.hpp"
#include "app/organisation.hpp"
#include "app/service_health.hpp"
#include "core/calendar.hpp"
#include "core/regime_calendars.hpp"
#include "http/admin_mapping.hpp"
#include "http/annual_submission_handlers.hpp"
#include "http/bulk_handlers.hpp"
#include "http/export_handlers.hpp"
#include "http/import_handlers.hpp"
#include "http/learning_handlers.hpp"
#include "http/letter_handlers.hpp"
#include "http/ombudsman_handlers.hpp"
#include "http/openapi.hpp"
#include "http/people_handlers.hpp"
#include "http/problem.hpp"
#include "http/reminder_handlers.hpp"
#include "http/report_handlers.hpp"
#include "http/responses.hpp"
#include "http/retention_handlers.hpp"
#include "http/saved_view_handlers.hpp"
#include "http/self_assessment_handlers.hpp"
#include "http/subject_access_handlers.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

constexpr std::string_view kComplaints = "/api/v1/complaints";
constexpr std::string_view kServiceRequests = "/api/v1/service-requests";
constexpr std::string_view kSession = "/api/v1/session";
constexpr std::string_view kTokens = "/api/v1/tokens";

// Renames the fields of an error, where a use case names a field differently from the API.
core::Error RenameField(core::Error error, std::string_view from, std::string_view to) {
  for (core::FieldError& field : error.fields) {
    if (field.field == from) field.field = to;
  }
  return error;
}

}  // namespace

std::string ETagFor(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

std::optional<std::string_view> StrongEtag(std::string_view header) {
  while (!header.empty() && header.front() == ' ') header.remove_prefix(1);
  while (!header.empty() && header.back() == ' ') header.remove_suffix(1);
  constexpr std::size_t kQuotes = 2;
  if (header.size() <= kQuotes || header.front() != '"' || header.back() != '"') {
    return std::nullopt;
  }
  return header.substr(1, header.size() - kQuotes);
}

core::Result<std::int64_t> VersionFromIfMatch(std::string_view if_match) {
  if (if_match.empty()) {
    return tl::unexpected(
        RequestError(RequestRefusal::kPreconditionRequired,
                     "send If-Match with the ETag of the version you are changing (from GET)",
                     "send the ETag of the version you are changing"));
  }
  const auto malformed = [&] {
    return tl::unexpected(RequestError(
        RequestRefusal::kMalformedRequest,
        "If-Match must be one strong ETag as sent by GET, e.g. \"3\"; got " + std::string(if_match),
        {{"If-Match", "must be one strong ETag such as \"3\"", core::FieldErrorCode::kMalformed}}));
  };
  const std::optional<std::string_view> tag = StrongEtag(if_match);
  if (!tag) return malformed();
  const std::string_view digits = *tag;
  std::int64_t version = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), version);
  if (error != std::errc() || end != digits.data() + digits.size() || version < 1) {
    return malformed();
  }
  return version;
}

Handlers::Handlers(app::Store& store, const app::Clock& clock, const Metrics& metrics,
                   app::SignInGuard& sign_in_guard, CookieSecurity cookie_security)
    : store_(store),
      clock_(clock),
      metrics_(metrics),
      cases_{store, clock, organisations_},
      sessions_{store, clock, sign_in_guard},
      cookie_security_(cookie_security) {}

void Handlers::Register(Router& router) {
  const auto bind = [this](Response (Handlers::*handler)(const Request&)) {
    return [this, handler](const Request& request) { return (this->*handler)(request); };
  };
  const std::string complaints(kComplaints);
  const std::string complaint = complaints + "/{reference}";
  const std::string service_requests(kServiceRequests);
  const std::string service_request = service_requests + "/{reference}";
  using P = core::Permission;
  constexpr Access kAuth = Access::kAuthenticated;
  constexpr Access kPublic = Access::kPublic;

  router.Add({"POST", complaints, kAuth, P::kLogComplaint, bind(&Handlers::LogComplaint)});
  router.Add({"GET", complaints, kAuth, P::kViewCases, bind(&Handlers::ListComplaints)});
  // Before {reference}, which would match it too (no reference is "counts").
  router.Add({"GET", complaints + "/counts", kAuth, P::kViewCases, bind(&Handlers::Counts)});
  router.Add(
      {"GET", complaints + "/by-person", kAuth, P::kViewCases, bind(&Handlers::PersonComplaints)});
  router.Add({"GET", complaint, kAuth, P::kViewCases, bind(&Handlers::GetComplaint)});
  router.Add({"GET", complaint + "/timeline", kAuth, P::kViewCases, bind(&Handlers::Timeline)});
  router.Add({"GET", complaint + "/eligible-handlers", kAuth, P::kViewCases,
              bind(&Handlers::EligibleHandlers)});
  router.Add({"GET", complaint + "/notes", kAuth, P::kViewCases, bind(&Handlers::ListNotes)});
  router.Add({"POST", complaint + "/notes", kAuth, P::kAddNote, bind(&Handlers::AddNote)});
  router.Add({"GET", complaint + "/links", kAuth, P::kViewCases, bind(&Handlers::ListLinks)});
  router.Add({"POST", complaint + "/links", kAuth, P::kAddNote, bind(&Handlers::AddLink)});
  router.Add(
      {"DELETE", complaint + "/links/{other}", kAuth, P::kAddNote, bind(&Handlers::RemoveLink)});
  // Before {reference}/{action}, which would match them too (no reference is "bulk").
  RegisterBulkRoutes(router, cases_);
  for (CaseActionKind kind : kAllCaseActions) {
    router.Add({"POST", complaint + "/" + std::string(ToString(kind)), kAuth,
                core::PermissionFor(kind),
                [this, kind](const Request& request) { return ApplyAction(kind, request); }});
  }
  router.Add(
      {"POST", service_requests, kAuth, P::kLogComplaint, bind(&Handlers::LogServiceRequest)});
  router.Add({"GET", service_request, kAuth, P::kViewCases, bind(&Handlers::GetServiceRequest)});
  router.Add({"POST", service_request + "/resolve", kAuth, P::kResolveServiceRequest,
              bind(&Handlers::ResolveServiceRequest)});
  router.Add({"POST", service_request + "/convert", kAuth, P::kLogComplaint,
              bind(&Handlers::ConvertServiceRequest)});
  const std::string session(kSession);
  const std::string tokens(kTokens);
  router.Add({"POST", session, kPublic, std::nullopt, bind(&Handlers::SignIn)});
  router.Add({"GET", session, kAuth, std::nullopt, bind(&Handlers::CurrentSession)});
  router.Add({"DELETE", session, kAuth, std::nullopt, bind(&Handlers::SignOut)});
  // Every signed-in user manages their own tokens; RevokeToken lets user managers revoke any.
  router.Add({"POST", tokens, kAuth, std::nullopt, bind(&Handlers::CreateToken)});
  router.Add({"GET", tokens, kAuth, std::nullopt, bind(&Handlers::ListTokens)});
  router.Add({"DELETE", tokens + "/{id}", kAuth, std::nullopt, bind(&Handlers::RevokeToken)});
  router.Add({"GET", "/healthz", kPublic, std::nullopt, bind(&Handlers::Health)});
  router.Add({"GET", "/readyz", kPublic, std::nullopt, bind(&Handlers::Ready)});
  router.Add({"GET", "/metrics", kPublic, std::nullopt, bind(&Handlers::MetricsText)});
  router.Add({"GET", "/api/openapi.json", kPublic, std::nullopt, bind(&Handlers::OpenApi)});
  RegisterReportRoutes(router, store_, clock_);
  RegisterOmbudsmanRoutes(router, store_, clock_);
  RegisterLearningRoutes(router, store_, clock_);
  RegisterExportRoutes(router, cases_);
  RegisterSelfAssessmentRoutes(router, store_, clock_);
  RegisterAnnualSubmissionRoutes(router, store_, clock_);
  RegisterLetterRoutes(router, store_, clock_, std::string(kLetterMailDomain));
  RegisterImportRoutes(router, store_, clock_);
  RegisterSubjectAccessRoutes(router, store_, clock_);
  RegisterPeopleRoutes(router, store_, clock_);
  RegisterSavedViewRoutes(router, store_, clock_);
  RegisterReminderRoutes(router, store_, clock_);
  RegisterRetentionRoutes(router, store_, clock_);
}

Response Handlers::ComplaintAnswer(const core::Complaint& complaint, const app::Actor& viewer,
                                   int status) {
  // The write has committed: should the calendar not load, the answer is still the success,
  // only without the working days left.
  auto calendar = app::ReadCalendar(store_);
  Response response = JsonAnswer(
      status,
      ComplaintToJson(complaint, RenderContext{calendar ? calendar->get() : nullptr, clock_.Today(),
                                               viewer.role, viewer.username}));
  response.headers.emplace_back("ETag", ETagFor(complaint.version));
  if (status == kCreated) {
    response.headers.emplace_back("Location", std::string(kComplaints) + "/" + complaint.reference);
  }
  return response;
}

Response Handlers::LogComplaint(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto command = ParseLogComplaint(*body);
  if (!command) return Problem(command.error(), request);
  auto complaint = app::LogComplaint(cases_, *request.actor, *command);
  if (!complaint) return Problem(complaint.error(), request);
  return ComplaintAnswer(*complaint, *request.actor, kCreated);
}

core::Result<app::ComplaintQuery> Handlers::ParseListQuery(const Request& request) {
  auto query = ParseComplaintQuery(request.query);
  if (query) query->visible_to_team = request.actor->team;
  return query;
}

Response Handlers::ListComplaints(const Request& request) {
  const core::Date today = clock_.Today();
  auto query = ParseListQuery(request);
  if (!query) return Problem(query.error(), request);
  // One row more than the page tells whether another page follows.
  const int page_size = query->limit;
  query->limit = page_size + 1;
  auto rows = app::ListComplaints(cases_, *query);
  if (!rows) return Problem(rows.error(), request);
  json next_cursor = nullptr;
  if (static_cast<int>(rows->size()) > page_size) {
    rows->resize(page_size);
    next_cursor = NextCursor(rows->back(), *query);
  }
  // The needs flag of the page's rows in one query, beside the list's own (which stays lean).
  std::vector<std::string> references;
  for (const app::ComplaintRow& row : *rows) references.push_back(row.reference);
  auto with_needs = app::ComplaintsWithNeeds(store_, references);
  if (!with_needs) return Problem(with_needs.error(), request);
  json items = json::array();
  for (const app::ComplaintRow& row : *rows) {
    json item = ComplaintRowToJson(row, today);
    item["has_needs"] = with_needs->contains(row.reference);
    items.push_back(std::move(item));
  }
  return JsonAnswer(kOk, {{"items", std::move(items)}, {"next_cursor", std::move(next_cursor)}});
}

// The person is given by what a log form or a case holds of them; any part may be absent.
Response Handlers::PersonComplaints(const Request& request) {
  core::Person person;
  const auto param = [&request](std::string_view name) {
    auto found = request.query.find(std::string(name));
    return found == request.query.end() ? std::string() : found->second;
  };
  person.name = param("name");
  person.email = param("email");
  person.phone = param("phone");
  person.postcode = param("postcode");
  auto rows = app::ReadPersonComplaints(store_, *request.actor, person, param("except"));
  if (!rows) return Problem(rows.error(), request);
  const core::Date today = clock_.Today();
  json items = json::array();
  for (const app::ComplaintRow& row : *rows) items.push_back(ComplaintRowToJson(row, today));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

Response Handlers::GetComplaint(const Request& request) {
  // The case, its timeline and the calendar from one snapshot, so they agree with the ETag.
  auto view = app::ReadComplaint(store_, *request.actor, PathParam(request, "reference"));
  if (!view) return Problem(view.error(), request);
  json body =
      ComplaintToJson(view->complaint, RenderContext{view->calendar.get(), clock_.Today(),
                                                     request.actor->role, request.actor->username});
  json timeline = json::array();
  for (const app::StoredEvent& event : view->timeline) {
    timeline.push_back(EventToJson(event, view->people));
  }
  body["timeline"] = std::move(timeline);
  Response response = JsonAnswer(kOk, body);
  response.headers.emplace_back("ETag", ETagFor(view->complaint.version));
  return response;
}

Response Handlers::Timeline(const Request& request) {
  // An unknown (or invisible) reference is 404, not an empty timeline.
  auto timeline = app::ReadTimeline(store_, *request.actor, PathParam(request, "reference"));
  if (!timeline) return Problem(timeline.error(), request);
  json items = json::array();
  for (const app::StoredEvent& event : timeline->events) {
    items.push_back(EventToJson(event, timeline->people));
  }
  return JsonAnswer(kOk, items);
}

Response Handlers::EligibleHandlers(const Request& request) {
  std::optional<int> stage;
  if (auto found = request.query.find("stage"); found != request.query.end()) {
    int number = 0;
    const std::string& text = found->second;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (error != std::errc() || end != text.data() + text.size()) {
      return Problem(
          core::FailField("stage", "must be a stage number", core::FieldErrorCode::kInvalidFormat)
              .value(),
          request);
    }
    stage = number;
  }
  auto eligible =
      app::ListEligibleHandlers(store_, *request.actor, PathParam(request, "reference"), stage);
  if (!eligible) return Problem(eligible.error(), request);
  json items = json::array();
  for (const app::User& user : eligible->users) {
    items.push_back({{"username", user.username},
                     {"display_name", user.display_name},
                     {"role", core::ToString(user.role)},
                     {"team", user.team.empty() ? json(nullptr) : json(user.team)}});
  }
  return JsonAnswer(kOk, {{"stage", eligible->stage}, {"items", std::move(items)}});
}

Response Handlers::Counts(const Request& request) {
  auto query = ParseListQuery(request);
  if (!query) return Problem(query.error(), request);
  auto counts = app::CountComplaints(cases_, *query);
  if (!counts) return Problem(counts.error(), request);
  json by_status = json::object();
  std::int64_t total = 0;
  for (const auto& [status, count] : counts->by_status) {
    by_status[std::string(core::ToString(status))] = count;
    total += count;
  }
  json by_stage = json::object();
  for (const auto& [stage, open] : counts->open_by_stage) by_stage[std::to_string(stage)] = open;
  return JsonAnswer(kOk, {{"by_status", std::move(by_status)},
                          {"open", app::OpenCount(counts->by_status)},
                          {"by_stage", std::move(by_stage)},
                          {"total", total}});
}

Response Handlers::ListNotes(const Request& request) {
  auto notes = app::NotesOf(store_, *request.actor, PathParam(request, "reference"));
  if (!notes) return Problem(notes.error(), request);
  json items = json::array();
  for (const app::CaseNote& note : *notes) items.push_back(NoteToJson(note));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

Response Handlers::AddNote(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto text = ParseNoteText(*body);
  if (!text) return Problem(text.error(), request);
  const std::string& reference = PathParam(request, "reference");
  auto note = app::AddNote(store_, clock_, *request.actor, reference, *text);
  if (!note) return Problem(note.error(), request);
  return CreatedAt(std::string(kComplaints) + "/" + reference + "/notes", NoteToJson(*note));
}

Response Handlers::ListLinks(const Request& request) {
  const std::string& reference = PathParam(request, "reference");
  auto links = app::LinksOf(store_, *request.actor, reference);
  if (!links) return Problem(links.error(), request);
  json items = json::array();
  for (const app::CaseLink& link : *links) items.push_back(LinkToJson(link, reference));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

Response Handlers::AddLink(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto command = ParseLink(*body);
  if (!command) return Problem(command.error(), request);
  const std::string& reference = PathParam(request, "reference");
  auto link =
      app::Link(store_, clock_, *request.actor, reference, command->reference, command->relation);
  if (!link) return Problem(link.error(), request);
  return CreatedAt(std::string(kComplaints) + "/" + reference + "/links/" + command->reference,
                   LinkToJson(*link, reference));
}

Response Handlers::RemoveLink(const Request& request) {
  auto removed = app::Unlink(store_, clock_, *request.actor, PathParam(request, "reference"),
                             PathParam(request, "other"));
  if (!removed) return Problem(removed.error(), request);
  return NoContent();
}

Response Handlers::ApplyAction(CaseActionKind kind, const Request& request) {
  auto version = VersionFromIfMatch(request.Header("if-match"));
  if (!version) return Problem(version.error(), request);
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto action = ParseCaseAction(kind, *body, clock_.Today());
  if (!action) return Problem(action.error(), request);
  auto complaint = app::ApplyCaseAction(cases_, *request.actor, PathParam(request, "reference"),
                                        *version, *action);
  if (!complaint) return Problem(complaint.error(), request);
  return ComplaintAnswer(*complaint, *request.actor, kOk);
}

Response Handlers::LogServiceRequest(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto input = ParseServiceRequest(*body);
  if (!input) return Problem(input.error(), request);
  auto logged = app::LogServiceRequest(cases_, *request.actor, *input);
  if (!logged) return Problem(logged.error(), request);
  Response response = JsonAnswer(kCreated, ServiceRequestToJson(*logged));
  response.headers.emplace_back("ETag", ETagFor(logged->version));
  response.headers.emplace_back("Location",
                                std::string(kServiceRequests) + "/" + logged->reference);
  return response;
}

Response Handlers::GetServiceRequest(const Request& request) {
  const std::string& reference = PathParam(request, "reference");
  auto found = app::GetServiceRequest(cases_, *request.actor, reference);
  if (!found) return Problem(found.error(), request);
  Response response = JsonAnswer(kOk, ServiceRequestToJson(*found));
  response.headers.emplace_back("ETag", ETagFor(found->version));
  return response;
}

Response Handlers::ResolveServiceRequest(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto command = ParseResolveServiceRequest(*body, clock_.Today());
  if (!command) return Problem(command.error(), request);
  auto resolved = app::ResolveServiceRequest(
      cases_, *request.actor, PathParam(request, "reference"), command->on, command->resolution);
  if (!resolved) return Problem(RenameField(resolved.error(), "resolved_on", "on"), request);
  Response response = JsonAnswer(kOk, ServiceRequestToJson(*resolved));
  response.headers.emplace_back("ETag", ETagFor(resolved->version));
  return response;
}

Response Handlers::ConvertServiceRequest(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto command = ParseConvertServiceRequest(*body);
  if (!command) return Problem(command.error(), request);
  auto complaint =
      app::ConvertServiceRequest(cases_, *request.actor, PathParam(request, "reference"), *command);
  if (!complaint) return Problem(complaint.error(), request);
  return ComplaintAnswer(*complaint, *request.actor, kCreated);
}

Response Handlers::Health(const Request&) { return JsonAnswer(kOk, {{"status", "ok"}}); }

Response Handlers::Ready(const Request& request) {
  if (core::Status ready = app::CheckReady(store_); !ready) return Problem(ready.error(), request);
  return JsonAnswer(kOk, {{"status", "ready"}});
}

Response Handlers::MetricsText(const Request&) {
  // The case gauges are counted when scraped; if the database cannot be read they are left out
  // and the request metrics still answer.
  std::vector<Gauge> gauges;
  if (auto counted = app::CountCaseGauges(store_, clock_)) {
    gauges.push_back({"redress_open_cases", "Complaints awaiting acknowledgement or in progress.",
                      static_cast<double>(counted->open)});
    gauges.push_back({"redress_overdue_cases",
                      "Open complaints whose acknowledgement or response is overdue.",
                      static_cast<double>(counted->overdue)});
  }
  return Response{kOk, std::string(kPrometheusContentType), metrics_.Render(gauges), {}};
}

Response Handlers::OpenApi(const Request&) {
  return Response{kOk, std::string(kJsonContentType), std::string(OpenApiDocument()), {}};
}

Response Handlers::SignIn(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto credentials = ParseCredentials(*body);
  if (!credentials) return Problem(credentials.error(), request);
  auto signed_in = app::SignIn(sessions_, *credentials, request.client_address);
  if (!signed_in) return Problem(signed_in.error(), request);
  json answer = SessionUserToJson(signed_in->user);
  answer["csrf_token"] = signed_in->csrf_token;
  Response response = JsonAnswer(kCreated, answer);
  response.headers.emplace_back("Set-Cookie",
                                SessionSetCookie(signed_in->session_token, cookie_security_));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response Handlers::CurrentSession(const Request& request) {
  auto user = app::GetUser(store_, request.actor->username);
  if (!user) return Problem(user.error(), request);
  return JsonAnswer(kOk, SessionUserToJson(*user));
}

Response Handlers::SignOut(const Request& request) {
  auto signed_out = app::SignOut(sessions_, SessionCookieValue(request.Header("cookie")));
  if (!signed_out) return Problem(signed_out.error(), request);
  Response response = NoContent();
  response.headers.emplace_back("Set-Cookie", SessionSetCookie({}, cookie_security_));
  return response;
}

Response Handlers::CreateToken(const Request& request) {
  auto body = ParseJsonBody(request);
  if (!body) return Problem(body.error(), request);
  auto wanted = ParseTokenRequest(*body);
  if (!wanted) return Problem(wanted.error(), request);
  auto issued = app::CreateToken(store_, clock_, *request.actor, request.actor->username,
                                 wanted->label, wanted->expires_on);
  if (!issued) return Problem(issued.error(), request);
  json answer = TokenToJson(issued->record);
  answer["token"] = issued->token;
  Response response = JsonAnswer(kCreated, answer);
  response.headers.emplace_back("Location",
                                std::string(kTokens) + "/" + std::to_string(issued->record.id));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

Response Handlers::ListTokens(const Request& request) {
  auto tokens = app::ListOwnTokens(store_, *request.actor);
  if (!tokens) return Problem(tokens.error(), request);
  json items = json::array();
  for (const app::ApiToken& token : *tokens) items.push_back(TokenToJson(token));
  return JsonAnswer(kOk, {{"items", std::move(items)}});
}

Response Handlers::RevokeToken(const Request& request) {
  const std::string& text = PathParam(request, "id");
  std::int64_t id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) {
    return Problem(core::Error{core::ErrorCode::kNotFound, "no token " + text, {}}, request);
  }
  auto revoked = app::RevokeToken(store_, clock_, *request.actor, id);
  if (!revoked) return Problem(revoked.error(), request);
  return NoContent();
}

}  // namespace redress::http
