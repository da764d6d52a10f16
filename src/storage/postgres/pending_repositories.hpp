#pragma once

// The repositories not yet written for PostgreSQL: each method answers kUnavailable, naming
// itself, so that a command or request that needs one fails clearly rather than wrongly. Each
// class goes when its real repository (<aggregate>_repository.cpp here) replaces it.

#include "app/learning_repository.hpp"
#include "app/ombudsman_repository.hpp"
#include "app/report_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

inline tl::unexpected<Error> NotYetOnPostgres(std::string_view what) {
  return Fail(ErrorCode::kUnavailable, std::string(what) + " is not yet available on PostgreSQL");
}

class PendingOmbudsmanRepository final : public app::OmbudsmanRepository {
 public:
  core::Result<core::OmbudsmanCase> InsertCase(core::OmbudsmanCase /*ombudsman_case*/,
                                               int /*year*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::InsertCase");
  }
  core::Result<core::OmbudsmanCase> UpdateCase(core::OmbudsmanCase /*ombudsman_case*/,
                                               std::int64_t /*expected_version*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::UpdateCase");
  }
  core::Result<core::OmbudsmanCase> LoadCase(std::string_view /*reference*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::LoadCase");
  }
  core::Result<std::vector<core::OmbudsmanCase>> ListCases(
      std::string_view /*complaint*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::ListCases");
  }
  core::Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder /*order*/,
                                                      int /*year*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::InsertFailureOrder");
  }
  core::Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder /*order*/,
                                                      std::int64_t /*expected_version*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::UpdateFailureOrder");
  }
  core::Result<core::FailureOrder> LoadFailureOrder(std::string_view /*reference*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::LoadFailureOrder");
  }
  core::Result<std::vector<core::FailureOrder>> ListFailureOrders() override {
    return NotYetOnPostgres("OmbudsmanRepository::ListFailureOrders");
  }
  core::Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int /*year*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::LoadLgscoLetter");
  }
  core::Status SaveLgscoLetter(const core::LgscoLetter& /*letter*/) override {
    return NotYetOnPostgres("OmbudsmanRepository::SaveLgscoLetter");
  }
};

class PendingLearningRepository final : public app::LearningRepository {
 public:
  core::Result<core::LearningAction> InsertAction(core::LearningAction /*action*/,
                                                  int /*year*/) override {
    return NotYetOnPostgres("LearningRepository::InsertAction");
  }
  core::Result<core::LearningAction> UpdateAction(core::LearningAction /*action*/,
                                                  std::int64_t /*expected_version*/) override {
    return NotYetOnPostgres("LearningRepository::UpdateAction");
  }
  core::Result<core::LearningAction> LoadAction(std::string_view /*reference*/) override {
    return NotYetOnPostgres("LearningRepository::LoadAction");
  }
  core::Result<std::vector<core::LearningAction>> ListActions() override {
    return NotYetOnPostgres("LearningRepository::ListActions");
  }
  core::Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int /*year*/) override {
    return NotYetOnPostgres("LearningRepository::LoadSelfAssessment");
  }
  core::Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment /*assessment*/,
      std::optional<std::int64_t> /*expected_version*/) override {
    return NotYetOnPostgres("LearningRepository::SaveSelfAssessment");
  }
};

class PendingReportRepository final : public app::ReportRepository {
 public:
  core::Status ReadRecords(const report::RecordWindow& /*window*/,
                           report::RecordSink& /*sink*/) override {
    return NotYetOnPostgres("ReportRepository::ReadRecords");
  }
  core::Result<std::map<int, std::int64_t>> ListHomesOwned() override {
    return NotYetOnPostgres("ReportRepository::ListHomesOwned");
  }
  core::Status SaveHomesOwned(int /*financial_year*/, std::int64_t /*homes*/) override {
    return NotYetOnPostgres("ReportRepository::SaveHomesOwned");
  }
  core::Result<std::map<int, report::TenantSatisfaction>> ListTenantSatisfaction() override {
    return NotYetOnPostgres("ReportRepository::ListTenantSatisfaction");
  }
  core::Status SaveTenantSatisfaction(int /*financial_year*/,
                                      const report::TenantSatisfaction& /*survey*/) override {
    return NotYetOnPostgres("ReportRepository::SaveTenantSatisfaction");
  }
  core::Result<app::StoreSummary> Summarise() override {
    return NotYetOnPostgres("ReportRepository::Summarise");
  }
};

}  // namespace redress::storage::postgres
