#pragma once

// The Housing Ombudsman annual submissions on PostgreSQL (app::AnnualSubmissionRepository;
// migration 0003's `annual_submissions` and `annual_submission_steps`), on the transaction's
// connection.

#include "app/annual_submission_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresAnnualSubmissionRepository final : public app::AnnualSubmissionRepository {
 public:
  explicit PostgresAnnualSubmissionRepository(Connection& connection) : connection_(connection) {}

  Result<std::optional<core::AnnualSubmission>> Load(int year) override;
  Result<std::vector<core::AnnualSubmission>> List() override;
  Result<core::AnnualSubmission> Save(core::AnnualSubmission submission,
                                      std::optional<std::int64_t> expected_version) override;
  Status SaveSubmittedReport(int year, std::string_view report_json) override;
  Result<std::optional<std::string>> LoadSubmittedReport(int year) override;

 private:
  Status LoadSteps(core::AnnualSubmission& submission);

  Connection& connection_;
};

}  // namespace redress::storage::postgres
