#pragma once

// What the reports read: the report projection of the cases, the figures entered per year (homes
// owned, TSM TP09) and the summary of a database. Part of the ports (app/ports.hpp).

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/complaint.hpp"
#include "core/result.hpp"
#include "report/records.hpp"

namespace redress::app {

// Counts of what a database holds, for `redress summary` and health checks.
struct StoreSummary {
  std::string organisation;
  std::int64_t complaints = 0;
  std::int64_t service_requests = 0;
  std::int64_t users = 0;
  std::int64_t teams = 0;
  std::int64_t service_areas = 0;
  std::int64_t events = 0;
  // Per financial year, regime and stage: complaints whose stage started in that year.
  struct StageCount {
    int financial_year;
    core::Regime regime;
    int stage;
    std::int64_t count;
  };
  std::vector<StageCount> stage_counts;
  // Open cases per status.
  std::vector<std::pair<core::CaseStatus, std::int64_t>> by_status;
};

// The report sources of one transaction (Tx::Reports).
class ReportRepository {
 public:
  virtual ~ReportRepository() = default;

  // Streams the report projection (report/records.hpp) into `sink`: every complaint received on
  // or before window.to, each with its stages, and the service requests received within the
  // window. Reads only the columns the report needs, in a few sequential scans, so that a
  // million complaints take well under a second and memory does not grow with their number.
  virtual core::Status ReadRecords(const report::RecordWindow& window,
                                   report::RecordSink& sink) = 0;
  // Homes owned per financial year (the TSM CH01 denominator), by year.
  virtual core::Result<std::map<int, std::int64_t>> ListHomesOwned() = 0;
  // Sets the homes owned of a financial year, replacing any earlier figure; homes > 0.
  virtual core::Status SaveHomesOwned(int financial_year, std::int64_t homes) = 0;
  // TSM TP09 per financial year, by year.
  virtual core::Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() = 0;
  // Sets TP09 of a financial year, replacing any earlier figure; validated by the use case.
  virtual core::Status SaveTenantSatisfaction(int financial_year,
                                              const report::TenantSatisfaction& survey) = 0;
  // What the database holds, counted.
  virtual core::Result<StoreSummary> Summarise() = 0;
};

}  // namespace redress::app
