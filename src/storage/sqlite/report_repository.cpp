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
#include "storage/sqlite/organisation_repository.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Result<app::StoreSummary> SqliteReportRepository::Summarise() {
  app::StoreSummary summary;
  Result<app::OrganisationSettings> settings =
      SqliteOrganisationRepository(connection_).LoadSettings();
  if (!settings) return Unexpected(settings.error());
  summary.organisation = settings->name;

  Result<Statement> counts = connection_.Prepare(
      "SELECT (SELECT count(*) FROM complaints), (SELECT count(*) FROM service_requests), "
      "(SELECT count(*) FROM users), (SELECT count(*) FROM teams), "
      "(SELECT count(*) FROM service_areas), (SELECT count(*) FROM events)");
  if (!counts) return Unexpected(counts.error());
  Result<bool> counted = ReadOne(
      *counts,
      [&summary](ColumnReader& r) {
        summary.complaints = r.Int64();
        summary.service_requests = r.Int64();
        summary.users = r.Int64();
        summary.teams = r.Int64();
        summary.service_areas = r.Int64();
        summary.events = r.Int64();
        return true;
      },
      "no counts");
  if (!counted) return Unexpected(counted.error());

  // Grouped by start date in SQL and folded into financial years here, so that the financial
  // year has one definition (core::Date::FinancialYear).
  Result<Statement> stages = connection_.Prepare(
      "SELECT c.regime, s.number, s.started_on, count(*) FROM complaint_stages s "
      "JOIN complaints c ON c.id = s.complaint_id GROUP BY c.regime, s.number, s.started_on");
  if (!stages) return Unexpected(stages.error());
  using StageKey = std::tuple<int, core::Regime, int>;
  Result<std::vector<std::pair<StageKey, std::int64_t>>> stage_rows =
      ReadAll(*stages, [](ColumnReader& r) {
        const core::Regime regime = r.Enumerator(core::ParseRegime);
        const int number = r.Int();
        const core::Date started_on = r.Date();
        return std::pair{StageKey{started_on.FinancialYear(), regime, number}, r.Int64()};
      });
  if (!stage_rows) return Unexpected(stage_rows.error());
  std::map<StageKey, std::int64_t> stage_counts;
  for (const auto& [key, count] : *stage_rows) stage_counts[key] += count;
  for (const auto& [key, count] : stage_counts) {
    const auto& [year, regime, number] = key;
    summary.stage_counts.push_back({year, regime, number, count});
  }

  Result<Statement> statuses =
      connection_.Prepare("SELECT status, count(*) FROM complaints GROUP BY status");
  if (!statuses) return Unexpected(statuses.error());
  Result<std::vector<std::pair<core::CaseStatus, std::int64_t>>> by_status =
      ReadAll(*statuses, [](ColumnReader& r) {
        return std::pair{r.Enumerator(core::ParseCaseStatus), r.Int64()};
      });
  if (!by_status) return Unexpected(by_status.error());
  summary.by_status = std::move(*by_status);
  std::sort(summary.by_status.begin(), summary.by_status.end());
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
  Result<Statement> statement =
      connection_.Prepare("SELECT financial_year, homes FROM homes_owned ORDER BY financial_year");
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<int, std::int64_t>>> rows = ReadAll(*statement, [](ColumnReader& r) {
    return std::pair{r.Int(), r.Int64()};
  });
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
  Result<Statement> statement = connection_.Prepare(
      "SELECT financial_year, satisfied_tenths, sample_size FROM tenant_satisfaction "
      "ORDER BY financial_year");
  if (!statement) return Unexpected(statement.error());
  Result<std::vector<std::pair<int, report::TenantSatisfaction>>> rows =
      ReadAll(*statement, [](ColumnReader& r) {
        const int year = r.Int();
        const int tenths = r.Int();
        return std::pair{year, report::TenantSatisfaction{tenths, r.Int64()}};
      });
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
