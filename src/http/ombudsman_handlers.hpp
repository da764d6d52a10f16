#pragma once

// The endpoints of Ombudsman cases, failure orders and the LGSCO annual letter (learning actions
// are in learning_handlers, the Code self-assessment in self_assessment_handlers). Each handler
// parses the request (ombudsman_mapping), calls one use case (app/ombudsman.hpp) and renders its
// answer.
//
//   GET  /api/v1/ombudsman/cases                    list (?ombudsman=&complaint=&decided_in=)
//   POST /api/v1/ombudsman/cases                    record one → 201
//   GET  /api/v1/ombudsman/cases/{reference}        one; ETag
//   PUT  /api/v1/ombudsman/cases/{reference}        replace; If-Match required
//   GET  /api/v1/ombudsman/failure-orders           CHFOs
//   POST /api/v1/ombudsman/failure-orders           record one → 201
//   GET  /api/v1/ombudsman/failure-orders/{reference}
//   PUT  /api/v1/ombudsman/failure-orders/{reference}  If-Match required
//   GET  /api/v1/ombudsman/overdue                  the dashboard's overdue items (?on=DATE)
//   GET  /api/v1/ombudsman/lgsco-letters/{year}     the annual letter's figures
//   PUT  /api/v1/ombudsman/lgsco-letters/{year}     enter or correct them
//   GET  /api/v1/ombudsman/lgsco-letters/{year}/reconciliation   the letter beside the records
//   GET  /api/v1/complaints/{reference}/ombudsman   a complaint's Ombudsman history
//
// Reading needs core::Permission::kViewCases (kViewReports for letters); changing needs
// kManageOmbudsman.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterOmbudsmanRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
