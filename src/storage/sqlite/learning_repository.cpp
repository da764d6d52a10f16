#include "storage/sqlite/learning_repository.hpp"

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

#include "storage/sqlite/repository_support.hpp"
#include "storage/sqlite/versioned_tables.hpp"

namespace redress::storage::sqlite {

Result<core::LearningAction> SqliteLearningRepository::InsertAction(core::LearningAction action,
                                                                    int year) {
  return InsertVersioned(connection_, std::move(action), year);
}

Result<core::LearningAction> SqliteLearningRepository::UpdateAction(core::LearningAction action,
                                                                    std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(action), expected_version);
}

Result<core::LearningAction> SqliteLearningRepository::LoadAction(std::string_view reference) {
  return LoadVersioned<core::LearningAction>(connection_, reference);
}

Result<std::vector<core::LearningAction>> SqliteLearningRepository::ListActions() {
  return ListVersioned<core::LearningAction>(connection_);
}

Result<std::optional<core::SelfAssessment>> SqliteLearningRepository::LoadSelfAssessment(int year) {
  static const std::string sql = std::string(common::kSelfAssessmentSelect) + "?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  Result<std::optional<core::SelfAssessment>> found =
      ReadAll(*statement, [year](ColumnReader& r) {
        return common::ReadSelfAssessment(r, year);
      }).map([](std::vector<core::SelfAssessment> rows) {
        return rows.empty() ? std::optional<core::SelfAssessment>()
                            : std::optional<core::SelfAssessment>(std::move(rows.front()));
      });
  if (!found || !*found) return found;
  if (Status loaded = LoadChildren(connection_, kAssessmentProvisions, year, (*found)->provisions);
      !loaded) {
    return Unexpected(loaded.error());
  }
  return found;
}

Result<core::SelfAssessment> SqliteLearningRepository::SaveSelfAssessment(
    core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) {
  assessment.version = expected_version ? *expected_version + 1 : kFirstVersion;
  static const std::string update_sql = common::SelfAssessmentSaveSql(true, ParameterMarker);
  static const std::string insert_sql = common::SelfAssessmentSaveSql(false, ParameterMarker);
  Result<Statement> statement = connection_.Prepare(expected_version ? update_sql : insert_sql);
  if (!statement) return Unexpected(statement.error());
  common::BindSelfAssessment(*statement, assessment);
  if (expected_version) statement->Bind(*expected_version);
  if (Status saved = statement->Run(); !saved) return Unexpected(saved.error());
  if (expected_version && statement->Changes() == 0) {
    return common::StaleSelfAssessment(assessment.year);
  }
  if (Status saved = ReplaceChildren(connection_, kAssessmentProvisions, assessment.year,
                                     assessment.provisions);
      !saved) {
    return Unexpected(saved.error());
  }
  return assessment;
}

}  // namespace redress::storage::sqlite
