#pragma once

// The store's summary (app::StoreSummary, `redress status`) and the report's own tables (homes
// owned, tenant satisfaction) as every engine reads them: the SQL of the queries and the reading of
// their rows, written once as templates over an engine's row reader. Each engine runs the SQL
// itself. (The report's records are storage/common's ReportReader.)

#include <algorithm>
#include <cstdint>
#include <map>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "app/report_repository.hpp"
#include "core/complaint.hpp"
#include "report/records.hpp"

namespace redress::storage::common {

// One row: how many complaints, service requests, users, teams, service areas and events.
inline constexpr std::string_view kSummaryCountsSql =
    "SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM service_requests), "
    "(SELECT count(*) FROM users), (SELECT count(*) FROM teams), "
    "(SELECT count(*) FROM service_areas), (SELECT count(*) FROM events)";

template <typename Reader>
bool ReadSummaryCounts(Reader& r, app::StoreSummary& summary) {
  summary.complaints = r.Int64();
  summary.service_requests = r.Int64();
  summary.users = r.Int64();
  summary.teams = r.Int64();
  summary.service_areas = r.Int64();
  summary.events = r.Int64();
  return true;
}

// Stages grouped by start date in SQL and folded into financial years by FoldStageStarts, so that
// the financial year has one definition (core::Date::FinancialYear).
inline constexpr std::string_view kStageStartsSql =
    "SELECT c.regime, s.number, s.started_on, count(*) FROM complaint_stages s "
    "JOIN complaints c ON c.id = s.complaint_id GROUP BY c.regime, s.number, s.started_on";

// (financial year, regime, stage number) and how many stages started.
using StageStartKey = std::tuple<int, core::Regime, int>;
using StageStarts = std::pair<StageStartKey, std::int64_t>;

template <typename Reader>
StageStarts ReadStageStarts(Reader& r) {
  const core::Regime regime = r.Enumerator(core::ParseRegime);
  const int number = r.Int();
  const core::Date started_on = r.Date();
  return StageStarts{StageStartKey{started_on.FinancialYear(), regime, number}, r.Int64()};
}

inline void FoldStageStarts(const std::vector<StageStarts>& rows, app::StoreSummary& summary) {
  std::map<StageStartKey, std::int64_t> stage_counts;
  for (const auto& [key, count] : rows) stage_counts[key] += count;
  for (const auto& [key, count] : stage_counts) {
    const auto& [year, regime, number] = key;
    summary.stage_counts.push_back({year, regime, number, count});
  }
}

inline constexpr std::string_view kStatusCountsSql =
    "SELECT status, count(*) FROM complaints GROUP BY status";

template <typename Reader>
std::pair<core::CaseStatus, std::int64_t> ReadStatusCount(Reader& r) {
  return std::pair{r.Enumerator(core::ParseCaseStatus), r.Int64()};
}

// The statuses' counts in status order.
inline void SetStatusCounts(std::vector<std::pair<core::CaseStatus, std::int64_t>> counts,
                            app::StoreSummary& summary) {
  summary.by_status = std::move(counts);
  std::sort(summary.by_status.begin(), summary.by_status.end());
}

inline constexpr std::string_view kHomesOwnedSelect =
    "SELECT financial_year, homes FROM homes_owned ORDER BY financial_year";

// A financial year and the homes owned in it.
template <typename Reader>
std::pair<int, std::int64_t> ReadHomesOwned(Reader& r) {
  return std::pair{r.Int(), r.Int64()};
}

inline constexpr std::string_view kTenantSatisfactionSelect =
    "SELECT financial_year, satisfied_tenths, sample_size FROM tenant_satisfaction "
    "ORDER BY financial_year";

// A financial year and its tenant satisfaction survey.
template <typename Reader>
std::pair<int, report::TenantSatisfaction> ReadTenantSatisfaction(Reader& r) {
  const int year = r.Int();
  const int tenths = r.Int();
  return std::pair{year, report::TenantSatisfaction{tenths, r.Int64()}};
}

}  // namespace redress::storage::common
