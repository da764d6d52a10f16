#pragma once

// The endpoints of a subject access request's bundle (issue 20, app/subject_access_bundle.hpp).
// Each handler parses the request, calls one use case and renders its answer.
//
//   GET  /api/v1/subject-access-requests/{reference}/holdings      what is held, item by item
//   POST /api/v1/subject-access-requests/{reference}/withholdings  {item, reason} → 201
//   GET  /api/v1/subject-access-requests/{reference}/bundle        the ZIP (recorded as an event)
//
// All need core::Permission::kManageSubjectAccess.

#include "app/attachments.hpp"
#include "app/subject_access_bundle.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; what `context` names must outlive it.
void RegisterSubjectAccessBundleRoutes(Router& router, const app::AttachmentContext& context,
                                       app::ArchiveWriter& archive);

}  // namespace redress::http
