#pragma once

// The SQLite AnnualSubmissionRepository (app/annual_submission_repository.hpp), on the connection
// of one transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The annual submission records of a transaction (migration 0017).
class SqliteAnnualSubmissionRepository final : public app::AnnualSubmissionRepository {
 public:
  explicit SqliteAnnualSubmissionRepository(Connection& connection) : connection_(connection) {}

  core::Result<std::optional<core::AnnualSubmission>> Load(int year) override;
  core::Result<std::vector<core::AnnualSubmission>> List() override;
  core::Result<core::AnnualSubmission> Save(core::AnnualSubmission submission,
                                            std::optional<std::int64_t> expected_version) override;
  core::Status SaveSubmittedReport(int year, std::string_view report_json) override;
  core::Result<std::optional<std::string>> LoadSubmittedReport(int year) override;

 private:
  core::Status LoadSteps(core::AnnualSubmission& submission);
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
