#pragma once

// The endpoints of the Housing Ombudsman annual submission record (issue 19). Each handler parses
// the request (annual_submission_mapping), calls one use case (app/annual_submissions.hpp) and
// renders its answer.
//
//   GET  /api/v1/annual-submissions                  every year's record, newest first
//   POST /api/v1/annual-submissions                  {year, homes?, details?} → 201, a draft
//   GET  /api/v1/annual-submissions/{year}
//   PUT  /api/v1/annual-submissions/{year}/details   the form's Section 1 details
//   POST /api/v1/annual-submissions/{year}/approve   approved by the governing body
//   POST /api/v1/annual-submissions/{year}/publish   published on the website
//   POST /api/v1/annual-submissions/{year}/submit    submitted; the year's report is kept as is
//   GET  /api/v1/annual-submissions/{year}/form?format=json|csv|pdf   the Ombudsman's form
//   GET  /api/v1/annual-submissions/{year}/report    the annual report as submitted (JSON)
//   (the changes take an optional If-Match: 412 when the record moved on)
//
// Reading needs core::Permission::kViewReports; changing needs kManageSelfAssessment.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterAnnualSubmissionRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
