#pragma once

// The SQLite LearningRepository (app/learning_repository.hpp), on the connection of one
// transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The learning actions and self-assessments of a transaction.
class SqliteLearningRepository final : public app::LearningRepository {
 public:
  explicit SqliteLearningRepository(Connection& connection) : connection_(connection) {}

  core::Result<core::LearningAction> InsertAction(core::LearningAction action, int year) override;
  core::Result<core::LearningAction> UpdateAction(core::LearningAction action,
                                                  std::int64_t expected_version) override;
  core::Result<core::LearningAction> LoadAction(std::string_view reference) override;
  core::Result<std::vector<core::LearningAction>> ListActions() override;
  core::Result<std::optional<core::SelfAssessment>> LoadSelfAssessment(int year) override;
  core::Result<core::SelfAssessment> SaveSelfAssessment(
      core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
