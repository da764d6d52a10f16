#pragma once

// The PostgreSQL ReportRepository (app/report_repository.hpp), on the connection of one
// transaction.

#include "app/report_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

// What the reports read in a transaction: the projection streamed by storage/common's
// ReportReader through server-side cursors fetched in batches (memory does not grow with the
// number of complaints), the yearly figures and the summary.
class PostgresReportRepository final : public app::ReportRepository {
 public:
  explicit PostgresReportRepository(Connection& connection) : connection_(connection) {}

  Status ReadRecords(const report::RecordWindow& window, report::RecordSink& sink) override;
  Result<std::map<int, std::int64_t>> ListHomesOwned() override;
  Status SaveHomesOwned(int financial_year, std::int64_t homes) override;
  Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() override;
  Status SaveTenantSatisfaction(int financial_year,
                                const report::TenantSatisfaction& survey) override;
  Result<app::StoreSummary> Summarise() override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
