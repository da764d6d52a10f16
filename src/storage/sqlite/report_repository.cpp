#include "storage/sqlite/report_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "report/records.hpp"
#include "storage/common/report_reader.hpp"
#include "storage/common/report_rows.hpp"
#include "storage/sqlite/organisation_repository.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Result<app::StoreSummary> SqliteReportRepository::Summarise() {
  app::StoreSummary summary;
  Result<app::OrganisationSettings> settings =
      SqliteOrganisationRepository(connection_).LoadSettings();
  if (!settings) return Unexpected(settings.error());
  summary.organisation = settings->name;

  Result<Statement> counts = connection_.Prepare(common::kSummaryCountsSql);
  if (!counts) return Unexpected(counts.error());
  Result<bool> counted = ReadOne(
      *counts, [&summary](ColumnReader& r) { return common::ReadSummaryCounts(r, summary); },
      "no counts");
  if (!counted) return Unexpected(counted.error());

  Result<Statement> stages = connection_.Prepare(common::kStageStartsSql);
  if (!stages) return Unexpected(stages.error());
  Result<std::vector<common::StageStarts>> stage_rows =
      ReadAll(*stages, common::ReadStageStarts<ColumnReader>);
  if (!stage_rows) return Unexpected(stage_rows.error());
  common::FoldStageStarts(*stage_rows, summary);

  Result<Statement> statuses = connection_.Prepare(common::kStatusCountsSql);
  if (!statuses) return Unexpected(statuses.error());
  Result<std::vector<std::pair<core::CaseStatus, std::int64_t>>> by_status =
      ReadAll(*statuses, common::ReadStatusCount<ColumnReader>);
  if (!by_status) return Unexpected(by_status.error());
  common::SetStatusCounts(std::move(*by_status), summary);
  return summary;
}

// ---------------------------------------------------------------------------------------------
// Reports: the projection of report/records.hpp, read by storage/common's ReportReader from
// SQLite's statements (the complaints through the complaints_report index of migration 0006).

namespace {

class SqliteReportRows {
 public:
  using Source = Statement;

  explicit SqliteReportRows(Connection& connection) : connection_(connection) {}

  Result<Statement> Open(std::string_view sql) { return connection_.Prepare(sql); }
  Result<Statement> OpenComplaints(core::Date to) {
    Result<Statement> statement = connection_.Prepare(
        "SELECT id, regime, service_area, category, received_on, status, refusal_decided_on, "
        "refusal_reason, withdrawn_on FROM complaints INDEXED BY complaints_report "
        "WHERE received_on <= ? ORDER BY id");
    if (statement) statement->Bind(to);
    return statement;
  }
  Result<Statement> OpenServiceRequests(core::Date from, core::Date to) {
    Result<Statement> statement = connection_.Prepare(
        "SELECT received_on, coalesce(service_area, ''), complaint_reference IS NOT NULL "
        "FROM service_requests WHERE received_on BETWEEN ? AND ?");
    if (statement) statement->BindAll(from, to);
    return statement;
  }

 private:
  Connection& connection_;
};

}  // namespace

Status SqliteReportRepository::ReadRecords(const report::RecordWindow& window,
                                           report::RecordSink& sink) {
  SqliteReportRows rows(connection_);
  return common::ReportReader<SqliteReportRows>(rows, window, sink).Run();
}

Result<std::map<int, std::int64_t>> SqliteReportRepository::ListHomesOwned() {
  Result<Statement> statement = connection_.Prepare(common::kHomesOwnedSelect);
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<int, std::int64_t>>> rows =
      ReadAll(*statement, common::ReadHomesOwned<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  return std::map<int, std::int64_t>(rows->begin(), rows->end());
}

Status SqliteReportRepository::SaveHomesOwned(int financial_year, std::int64_t homes) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO homes_owned (financial_year, homes) VALUES (?, ?) "
      "ON CONFLICT (financial_year) DO UPDATE SET homes = excluded.homes");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(financial_year, homes);
  return statement->Run();
}

Result<std::map<int, report::TenantSatisfaction>> SqliteReportRepository::ListTenantSatisfaction() {
  Result<Statement> statement = connection_.Prepare(common::kTenantSatisfactionSelect);
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<int, report::TenantSatisfaction>>> rows =
      ReadAll(*statement, common::ReadTenantSatisfaction<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  return std::map<int, report::TenantSatisfaction>(rows->begin(), rows->end());
}

Status SqliteReportRepository::SaveTenantSatisfaction(int financial_year,
                                                      const report::TenantSatisfaction& survey) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO tenant_satisfaction (financial_year, satisfied_tenths, sample_size) "
      "VALUES (?, ?, ?) ON CONFLICT (financial_year) DO UPDATE SET "
      "satisfied_tenths = excluded.satisfied_tenths, sample_size = excluded.sample_size");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(financial_year, survey.satisfied_tenths, survey.sample_size);
  return statement->Run();
}

}  // namespace redress::storage::sqlite
