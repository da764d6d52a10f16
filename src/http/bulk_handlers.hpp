#pragma once

// Bulk actions on cases selected in the case list (issue 18; app/bulk_actions.hpp):
//
//   POST /api/v1/complaints/bulk/reassign      {cases: [{reference, version}], action: {team?,
//   handler?}} POST /api/v1/complaints/bulk/acknowledge   {cases: [{reference, version}], action:
//   {on}}
//
// `action` is the body the single case's action takes (POST /api/v1/complaints/{reference}/…).
// The answer is 200 with one result per case, in the request's order: done (its new version and
// status) or refused (the problem the single action would have answered). The list's own
// problems, and the action's, are a 4xx before any case is touched. Each route needs the
// permission of its single action.

#include "app/case_use_cases.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `cases` must outlive it.
void RegisterBulkRoutes(Router& router, const app::CaseContext& cases);

}  // namespace redress::http
