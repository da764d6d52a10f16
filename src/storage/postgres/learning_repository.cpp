#include "storage/postgres/learning_repository.hpp"

#include <string>
#include <utility>

#include "storage/postgres/versioned_tables.hpp"

namespace redress::storage::postgres {

Result<core::LearningAction> PostgresLearningRepository::InsertAction(core::LearningAction action,
                                                                      int year) {
  return InsertVersioned(connection_, std::move(action), year);
}

Result<core::LearningAction> PostgresLearningRepository::UpdateAction(
    core::LearningAction action, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(action), expected_version);
}

Result<core::LearningAction> PostgresLearningRepository::LoadAction(std::string_view reference) {
  return LoadVersioned<core::LearningAction>(connection_, reference);
}

Result<std::vector<core::LearningAction>> PostgresLearningRepository::ListActions() {
  return ListVersioned<core::LearningAction>(connection_);
}

Result<std::optional<core::SelfAssessment>> PostgresLearningRepository::LoadSelfAssessment(
    int year) {
  static const std::string sql = std::string(common::kSelfAssessmentSelect) + "$1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::SelfAssessment>();
  Result<core::SelfAssessment> found = rows->ReadOne(
      [year](RowReader& r) { return common::ReadSelfAssessment(r, year); }, "no self-assessment");
  if (!found) return Unexpected(found.error());
  if (Status loaded = LoadChildren(connection_, kAssessmentProvisions, year, found->provisions);
      !loaded) {
    return Unexpected(loaded.error());
  }
  return std::optional<core::SelfAssessment>(std::move(*found));
}

Result<core::SelfAssessment> PostgresLearningRepository::SaveSelfAssessment(
    core::SelfAssessment assessment, std::optional<std::int64_t> expected_version) {
  assessment.version = expected_version ? *expected_version + 1 : kFirstVersion;
  static const std::string update_sql = common::SelfAssessmentSaveSql(true, ParameterMarker);
  static const std::string insert_sql = common::SelfAssessmentSaveSql(false, ParameterMarker);
  Params params;
  common::BindSelfAssessment(params, assessment);
  if (expected_version) params.Bind(*expected_version);
  Result<Rows> saved = connection_.Query(expected_version ? update_sql : insert_sql, params);
  if (!saved) return Unexpected(saved.error());
  if (expected_version && saved->Affected() == 0)
    return common::StaleSelfAssessment(assessment.year);
  if (Status replaced = ReplaceChildren(connection_, kAssessmentProvisions, assessment.year,
                                        assessment.provisions);
      !replaced) {
    return Unexpected(replaced.error());
  }
  return assessment;
}

}  // namespace redress::storage::postgres
