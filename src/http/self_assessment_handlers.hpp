#pragma once

// The endpoints of the Code self-assessment. Each handler parses the request
// (self_assessment_mapping), calls one use case (app/learning.hpp) and renders its answer.
//
//   POST /api/v1/self-assessments/{year}            start the year's from the Code → 201
//   GET  /api/v1/self-assessments/{year}
//   PUT  /api/v1/self-assessments/{year}/provisions/{provision}   assess, edit or add one
//   DELETE /api/v1/self-assessments/{year}/provisions/{provision}  remove one
//   PUT  /api/v1/self-assessments/{year}/approval   the governing body's approval and response
//   (the self-assessment's changes take an optional If-Match: 412 when the assessment moved on)
//
// Reading needs core::Permission::kViewReports; changing needs kManageSelfAssessment.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterSelfAssessmentRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
