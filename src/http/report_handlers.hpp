#pragma once

// The report endpoints of the API:
//
//   GET /api/v1/reports/annual/{year}[?format=json|html|pdf|csv|xlsx]
//       the Annual Complaint Performance and Service Improvement Report of financial year
//       {year}/{year+1}, as at today; JSON by default, the other formats as a download
//       (Content-Disposition: attachment). Needs core::Permission::kViewReports.
//
//   GET /api/v1/homes-owned            homes owned per financial year (TSM CH01's denominator)
//   PUT /api/v1/homes-owned/{year}     {homes}: set a year's figure (configuration; audited)
//
// A year that is not a number in range and an unknown format are 422 naming the field.

#include <string_view>

#include "app/ports.hpp"
#include "core/result.hpp"
#include "http/router.hpp"

namespace redress::http {

// A financial year written in a path ("2023" for 2023/24) that a report can be asked for;
// kInvalidInput naming "year" otherwise.
core::Result<int> ParseReportYear(std::string_view text);

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterReportRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
