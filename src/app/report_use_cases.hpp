#pragma once

// The annual report. It is computed by report::AnnualReportBuilder
// from the records the store streams, in one read transaction; rendering is the caller's (the
// command line and the API each pick a renderer from report/render).

#include "app/ports.hpp"
#include "report/annual_report.hpp"

namespace redress::app {

// The annual report for financial year `year` (year/year+1) as at clock.Today(). kInvalidInput
// naming "year" unless year is within [report::kFirstReportYear, report::kLastReportYear].
Result<report::AnnualReport> BuildAnnualReport(Store& store, const Clock& clock, int year);

// kInvalidInput naming "year" unless a report can be asked for financial year `year`.
Status CheckReportYear(int year);

}  // namespace redress::app
