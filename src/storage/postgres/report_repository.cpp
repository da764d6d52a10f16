#include "storage/postgres/report_repository.hpp"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "storage/common/report_reader.hpp"
#include "storage/common/report_rows.hpp"
#include "storage/postgres/organisation_repository.hpp"

namespace redress::storage::postgres {

Result<app::StoreSummary> PostgresReportRepository::Summarise() {
  app::StoreSummary summary;
  Result<app::OrganisationSettings> settings =
      PostgresOrganisationRepository(connection_).LoadSettings();
  if (!settings) return Unexpected(settings.error());
  summary.organisation = settings->name;

  Result<Rows> counts = connection_.Query(common::kSummaryCountsSql);
  if (!counts) return Unexpected(counts.error());
  Result<bool> counted = counts->ReadOne(
      [&summary](RowReader& r) { return common::ReadSummaryCounts(r, summary); }, "no counts");
  if (!counted) return Unexpected(counted.error());

  Result<Rows> stages = connection_.Query(common::kStageStartsSql);
  if (!stages) return Unexpected(stages.error());
  Result<std::vector<common::StageStarts>> stage_rows =
      stages->ReadAll(common::ReadStageStarts<RowReader>);
  if (!stage_rows) return Unexpected(stage_rows.error());
  common::FoldStageStarts(*stage_rows, summary);

  Result<Rows> statuses = connection_.Query(common::kStatusCountsSql);
  if (!statuses) return Unexpected(statuses.error());
  Result<std::vector<std::pair<core::CaseStatus, std::int64_t>>> by_status =
      statuses->ReadAll(common::ReadStatusCount<RowReader>);
  if (!by_status) return Unexpected(by_status.error());
  common::SetStatusCounts(std::move(*by_status), summary);
  return summary;
}

namespace {

// The rows of a query read through a server-side cursor, kFetchRows at a time, so that a scan of
// a million rows holds no more than one batch. The cursor lives until the transaction ends.
class CursorRows {
 public:
  static constexpr int kFetchRows = 2000;

  static Result<CursorRows> Declare(Connection& connection, std::string_view sql,
                                    const Params& params = {}) {
    static std::atomic<std::uint64_t> next_cursor{0};
    std::string name = "redress_report_" + std::to_string(next_cursor++);
    if (Status declared =
            connection.Run("DECLARE " + name + " NO SCROLL CURSOR FOR " + std::string(sql), params);
        !declared) {
      return Unexpected(declared.error());
    }
    return CursorRows(connection, std::move(name));
  }

  // Moves to the next row; false after the last.
  Result<bool> Step() {
    if (rows_ && row_ + 1 < rows_->size()) {
      ++row_;
      return true;
    }
    if (exhausted_) return false;
    Result<Rows> batch =
        connection_->Query("FETCH " + std::to_string(kFetchRows) + " FROM " + name_);
    if (!batch) return Unexpected(batch.error());
    exhausted_ = batch->size() < kFetchRows;
    rows_.emplace(std::move(*batch));
    row_ = 0;
    return !rows_->empty();
  }

  // The current row's columns; valid until the next Step.
  RowReader Columns() const { return rows_->Row(row_); }

 private:
  CursorRows(Connection& connection, std::string name)
      : connection_(&connection), name_(std::move(name)) {}

  Connection* connection_;
  std::string name_;
  std::optional<Rows> rows_;
  int row_ = 0;
  bool exhausted_ = false;
};

class PostgresReportRows {
 public:
  using Source = CursorRows;

  explicit PostgresReportRows(Connection& connection) : connection_(connection) {}

  Result<CursorRows> Open(std::string_view sql) { return CursorRows::Declare(connection_, sql); }
  Result<CursorRows> OpenComplaints(core::Date to) {
    return CursorRows::Declare(
        connection_,
        "SELECT id, regime, service_area, category, received_on, status, refusal_decided_on, "
        "refusal_reason, withdrawn_on FROM complaints WHERE received_on <= $1 ORDER BY id",
        Params().Bind(to));
  }
  Result<CursorRows> OpenServiceRequests(core::Date from, core::Date to) {
    return CursorRows::Declare(
        connection_,
        "SELECT received_on, coalesce(service_area, ''), complaint_reference IS NOT NULL "
        "FROM service_requests WHERE received_on BETWEEN $1 AND $2",
        Params().BindAll(from, to));
  }

 private:
  Connection& connection_;
};

}  // namespace

Status PostgresReportRepository::ReadRecords(const report::RecordWindow& window,
                                             report::RecordSink& sink) {
  PostgresReportRows rows(connection_);
  return common::ReportReader<PostgresReportRows>(rows, window, sink).Run();
}

Result<std::map<int, std::int64_t>> PostgresReportRepository::ListHomesOwned() {
  Result<Rows> rows = connection_.Query(common::kHomesOwnedSelect);
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<std::pair<int, std::int64_t>>> read =
      rows->ReadAll(common::ReadHomesOwned<RowReader>);
  if (!read) return Unexpected(read.error());
  return std::map<int, std::int64_t>(read->begin(), read->end());
}

Status PostgresReportRepository::SaveHomesOwned(int financial_year, std::int64_t homes) {
  return connection_.Run(
      "INSERT INTO homes_owned (financial_year, homes) VALUES ($1, $2) "
      "ON CONFLICT (financial_year) DO UPDATE SET homes = excluded.homes",
      Params().BindAll(financial_year, homes));
}

Result<std::map<int, report::TenantSatisfaction>>
PostgresReportRepository::ListTenantSatisfaction() {
  Result<Rows> rows = connection_.Query(common::kTenantSatisfactionSelect);
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<std::pair<int, report::TenantSatisfaction>>> read =
      rows->ReadAll(common::ReadTenantSatisfaction<RowReader>);
  if (!read) return Unexpected(read.error());
  return std::map<int, report::TenantSatisfaction>(read->begin(), read->end());
}

Status PostgresReportRepository::SaveTenantSatisfaction(int financial_year,
                                                        const report::TenantSatisfaction& survey) {
  return connection_.Run(
      "INSERT INTO tenant_satisfaction (financial_year, satisfied_tenths, sample_size) "
      "VALUES ($1, $2, $3) ON CONFLICT (financial_year) DO UPDATE SET "
      "satisfied_tenths = excluded.satisfied_tenths, sample_size = excluded.sample_size",
      Params().BindAll(financial_year, survey.satisfied_tenths, survey.sample_size));
}

}  // namespace redress::storage::postgres
