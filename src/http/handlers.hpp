#pragma once

// The endpoints of the API. Each handler parses the request (json_mapping), calls one use case
// and renders its result or its error; none holds a rule of the domain.
//
//   POST /api/v1/complaints                              log a complaint → 201
//   GET  /api/v1/complaints                              list and filter, keyset pages
//   GET  /api/v1/complaints/{reference}                  the case with its timeline; ETag
//   GET  /api/v1/complaints/{reference}/timeline         its events
//   POST /api/v1/complaints/{reference}/{action}         acknowledge, extend, respond, escalate,
//                                                        refuse, withdraw, close, reopen,
//                                                        reassign; If-Match required
//   POST /api/v1/service-requests                        log a service request → 201
//   GET  /api/v1/service-requests/{reference}            the request; ETag
//   POST /api/v1/service-requests/{reference}/resolve
//   POST /api/v1/service-requests/{reference}/convert    raise a complaint from it → 201
//   GET  /healthz, /readyz, /metrics, /api/openapi.json  public
//
// Versions travel as strong ETags, "\"<version>\"". An action on a complaint must carry the ETag
// it is based on in If-Match: without it the answer is 428, with an old one 412.

#include <cstdint>
#include <string>
#include <string_view>

#include "app/case_use_cases.hpp"
#include "app/ports.hpp"
#include "core/result.hpp"
#include "http/http_types.hpp"
#include "http/json_mapping.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace redress::http {

class Handlers {
 public:
  Handlers(app::Store& store, const app::Clock& clock, const Metrics& metrics);

  // Adds every endpoint above to `router`. The handlers refer to this object, which must outlive
  // the router.
  void Register(Router& router);

 private:
  Response LogComplaint(const Request& request);
  Response ListComplaints(const Request& request);
  Response GetComplaint(const Request& request);
  Response Timeline(const Request& request);
  Response ApplyAction(CaseActionKind kind, const Request& request);
  Response LogServiceRequest(const Request& request);
  Response GetServiceRequest(const Request& request);
  Response ResolveServiceRequest(const Request& request);
  Response ConvertServiceRequest(const Request& request);
  Response Health(const Request& request);
  Response Ready(const Request& request);
  Response MetricsText(const Request& request);
  Response OpenApi(const Request& request);

  // The complaint as answered by a write: rendered on the organisation's calendar, with its
  // ETag, and with Location when `status` is 201 Created.
  Response ComplaintAnswer(const core::Complaint& complaint, int status);

  app::Store& store_;
  const app::Clock& clock_;
  const Metrics& metrics_;
  app::CaseService cases_;
};

// The strong ETag of a version: "\"7\"".
std::string ETagFor(std::int64_t version);

// The version an If-Match header names. kPreconditionRequired when the header is absent;
// kMalformedRequest (field "If-Match") unless it is exactly one strong ETag of a version.
core::Result<std::int64_t> VersionFromIfMatch(std::string_view if_match);

}  // namespace redress::http
