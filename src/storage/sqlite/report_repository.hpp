#pragma once

// The SQLite ReportRepository (app/report_repository.hpp), on the connection of one transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// What the reports read in a transaction: the projection streamed by merging scans in complaint
// id order, the yearly figures and the summary.
class SqliteReportRepository final : public app::ReportRepository {
 public:
  explicit SqliteReportRepository(Connection& connection) : connection_(connection) {}

  core::Status ReadRecords(const report::RecordWindow& window, report::RecordSink& sink) override;
  core::Result<std::map<int, std::int64_t>> ListHomesOwned() override;
  core::Status SaveHomesOwned(int financial_year, std::int64_t homes) override;
  core::Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() override;
  core::Status SaveTenantSatisfaction(int financial_year,
                                      const report::TenantSatisfaction& survey) override;
  core::Result<app::StoreSummary> Summarise() override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
