#pragma once

// The lists as downloads (app/list_exports.hpp), each with the filters of its list and `format`
// (csv, the default, or xlsx):
//
//   GET /api/v1/exports/complaints        the case list's filters (GET /api/v1/complaints; its
//                                         limit and cursor are ignored: the whole list)
//   GET /api/v1/exports/ombudsman-cases   GET /api/v1/ombudsman/cases's filters
//   GET /api/v1/exports/learning-actions  GET /api/v1/learning's filters
//
// Each answers the document as an attachment named "<list>-<today>.<format>", with what the list
// shows the user (restricted cases left out as there), recorded in the audit trail as an event
// on the user. Each needs core::Permission::kViewCases, as its list does.

#include "app/case_use_cases.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `cases` must outlive it.
void RegisterExportRoutes(Router& router, const app::CaseContext& cases);

}  // namespace redress::http
