#pragma once

// The PostgreSQL LearningRepository (app/learning_repository.hpp): learning actions (versioned
// records, versioned_tables.hpp) and the self-assessment against the Code, per financial year.

#include "app/learning_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresLearningRepository final : public app::LearningRepository {
 public:
  explicit PostgresLearningRepository(Connection& connection) : connection_(connection) {}

  Result<core::LearningAction> InsertAction(core::LearningAction action, int year) override;
  Result<core::LearningAction> UpdateAction(core::LearningAction action,
                                            std::int64_t expected_version) override;
  Result<core::LearningAction> LoadAction(std::string_view reference) override;
  Result<std::vector<core::LearningAction>> ListActions() override;
  Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int year) override;
  Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
