#pragma once

// The endpoints of subject access requests (issue 20, docs/data-protection.md). Each handler
// parses the request, calls one use case (app/subject_access.hpp) and renders its answer.
//
//   GET  /api/v1/subject-access-requests[?status=open]   newest first
//   POST /api/v1/subject-access-requests                 → 201, status received
//   GET  /api/v1/subject-access-requests/{reference}     with its history
//   POST /api/v1/subject-access-requests/{reference}/extend     {months, reason, told_on}
//   POST /api/v1/subject-access-requests/{reference}/complete   {completed_on}
//   POST /api/v1/subject-access-requests/{reference}/withdraw   {withdrawn_on, reason}
//   (the steps take an optional If-Match: 412 when the request moved on)
//
// Reading and changing need core::Permission::kManageSubjectAccess: a request names who asked.

#include <nlohmann/json.hpp>

#include "app/ports.hpp"
#include "app/subject_access.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterSubjectAccessRoutes(Router& router, app::Store& store, const app::Clock& clock);

// The request body of POST /api/v1/subject-access-requests: every offending field at once, the
// core's checks (core::CheckNewSubjectAccessRequest) with the mapping's.
core::Result<core::SubjectAccessRequest> ParseNewSubjectAccessRequest(const nlohmann::json& body,
                                                                      core::Date today);
nlohmann::json SubjectAccessToJson(const app::SubjectAccessView& view);

}  // namespace redress::http
