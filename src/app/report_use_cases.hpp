#pragma once

// The annual report. It is computed by report::AnnualReportBuilder
// from the records the store streams, in one read transaction; rendering is the caller's (the
// command line and the API each pick a renderer from report/render).

#include <optional>

#include "app/ports.hpp"
#include "report/annual_report.hpp"

namespace redress::app {

// The annual report for financial year `year` (year/year+1) with its figures as at `as_at`
// (clock.Today() when absent): only facts dated on or before it are counted, so a report for a
// past year gives the same figures whenever it is run. kInvalidInput naming "year" unless year is
// within [report::kFirstReportYear, report::kLastReportYear], and "as_at" when it is after today
// or outside the calendar, every offending field in one answer.
Result<report::AnnualReport> BuildAnnualReport(Store& store, const Clock& clock, int year,
                                               std::optional<core::Date> as_at = std::nullopt);

// The same, as a step of a caller's transaction, for a year and as-at date already checked (the
// annual submission freezes the report it submits in the transaction that records it).
Result<report::AnnualReport> BuildAnnualReportIn(Tx& tx, int year, core::Date as_at);

// kInvalidInput naming "year" unless a report can be asked for financial year `year`.
Status CheckReportYear(int year);

// What a database holds, in one read transaction (`redress summary`).
Result<StoreSummary> Summarise(Store& store);

}  // namespace redress::app
