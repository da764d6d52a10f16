#pragma once

// The endpoints of the API. Each handler parses the request (json_mapping), calls one use case
// and renders its result or its error; none holds a rule of the domain.
//
//   POST /api/v1/complaints                              log a complaint → 201
//   GET  /api/v1/complaints                              list and filter, keyset pages
//   GET  /api/v1/complaints/{reference}                  the case with its timeline; ETag
//   GET  /api/v1/complaints/counts                       per status, with the list's filters
//   GET  /api/v1/complaints/{reference}/timeline         its events
//   GET  /api/v1/complaints/{reference}/notes            internal notes, oldest first
//   POST /api/v1/complaints/{reference}/notes            add one → 201 (no If-Match)
//   GET  /api/v1/complaints/{reference}/links            links to other complaints
//   POST /api/v1/complaints/{reference}/links            link another → 201 (no If-Match)
//   DELETE /api/v1/complaints/{reference}/links/{other}  unlink → 204
//   POST /api/v1/complaints/{reference}/{action}         acknowledge, extend, respond, escalate,
//                                                        refuse, withdraw, close, reopen,
//                                                        reassign; If-Match required
//   POST /api/v1/service-requests                        log a service request → 201
//   GET  /api/v1/service-requests/{reference}            the request; ETag
//   POST /api/v1/service-requests/{reference}/resolve
//   POST /api/v1/service-requests/{reference}/convert    raise a complaint from it → 201
//   POST   /api/v1/session                               sign in (public) → 201, session cookie
//   GET    /api/v1/session                               who is signed in
//   DELETE /api/v1/session                               sign out → 204
//   POST   /api/v1/tokens                                a bearer token for the caller → 201
//   GET    /api/v1/tokens                                the caller's tokens
//   DELETE /api/v1/tokens/{id}                           revoke (own; any for user managers)
//   GET  /api/v1/reports/annual/{year}                   the annual report (report_handlers.hpp)
//   GET  /healthz, /readyz, /metrics, /api/openapi.json  public
//
// Versions travel as strong ETags, "\"<version>\"". An action on a complaint must carry the ETag
// it is based on in If-Match: without it the answer is 428, with an old one 412.
//
// A restricted case the caller may not see (core::CanSee) is answered 404 everywhere, exactly as
// a reference that does not exist, and is left out of lists.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/case_use_cases.hpp"
#include "app/ports.hpp"
#include "app/sessions.hpp"
#include "core/result.hpp"
#include "http/auth.hpp"
#include "http/http_types.hpp"
#include "http/json_mapping.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace redress::http {

class Handlers {
 public:
  Handlers(app::Store& store, const app::Clock& clock, const Metrics& metrics,
           app::SignInGuard& sign_in_guard,
           CookieSecurity cookie_security = CookieSecurity::kAnyTransport);

  // Adds every endpoint above to `router`. The handlers refer to this object, which must outlive
  // the router.
  void Register(Router& router);

 private:
  Response LogComplaint(const Request& request);
  Response ListComplaints(const Request& request);
  Response GetComplaint(const Request& request);
  Response Timeline(const Request& request);
  Response EligibleHandlers(const Request& request);
  Response Counts(const Request& request);
  Response PersonComplaints(const Request& request);
  Response ListNotes(const Request& request);
  Response AddNote(const Request& request);
  Response ListLinks(const Request& request);
  Response AddLink(const Request& request);
  Response RemoveLink(const Request& request);
  // The list's filters from the query string; the organisation's calendar is read only when a
  // filter counts working days.
  core::Result<app::ComplaintQuery> ParseListQuery(const Request& request);
  Response ApplyAction(CaseActionKind kind, const Request& request);
  Response LogServiceRequest(const Request& request);
  Response GetServiceRequest(const Request& request);
  Response ResolveServiceRequest(const Request& request);
  Response ConvertServiceRequest(const Request& request);
  Response Health(const Request& request);
  Response Ready(const Request& request);
  Response MetricsText(const Request& request);
  Response OpenApi(const Request& request);
  Response SignIn(const Request& request);
  Response CurrentSession(const Request& request);
  Response SignOut(const Request& request);
  Response CreateToken(const Request& request);
  Response ListTokens(const Request& request);
  Response RevokeToken(const Request& request);

  // The complaint as answered by a write: rendered on the organisation's calendar, with its
  // ETag, and with Location when `status` is 201 Created; its allowed_actions are `viewer`'s.
  Response ComplaintAnswer(const core::Complaint& complaint, const app::Actor& viewer, int status);

  app::Store& store_;
  const app::Clock& clock_;
  const Metrics& metrics_;
  // The case use cases' configuration cache, shared by every request this Handlers serves.
  app::OrganisationCache organisations_;
  app::CaseContext cases_;
  app::SessionContext sessions_;
  CookieSecurity cookie_security_;
};

// The strong ETag of a version: "\"7\"".
std::string ETagFor(std::int64_t version);

// The text inside one strong ETag ("3" → 3, surrounding spaces ignored); nullopt unless the
// header is exactly one quoted, non-empty tag.
std::optional<std::string_view> StrongEtag(std::string_view header);
// The version an If-Match header names. RequestRefusal::kPreconditionRequired (428) when the header
// is absent; malformed (400, field "If-Match") unless it is exactly one strong ETag of a version.
core::Result<std::int64_t> VersionFromIfMatch(std::string_view if_match);

}  // namespace redress::http
