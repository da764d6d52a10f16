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
  Result<Rows> rows = connection_.Query(
      "SELECT version, approved_on, meeting, minute_reference, response FROM self_assessments "
      "WHERE financial_year = $1",
      Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::SelfAssessment>();
  Result<core::SelfAssessment> found = rows->ReadOne(
      [year](RowReader& r) {
        core::SelfAssessment assessment;
        assessment.year = year;
        assessment.version = r.Int64();
        std::optional<core::Date> approved_on = r.OptionalDate();
        std::string meeting = r.Text();
        std::string minute_reference = r.Text();
        std::string response = r.Text();
        if (approved_on) {
          assessment.approval = core::GoverningBodyApproval{
              *approved_on, std::move(meeting), std::move(minute_reference), std::move(response)};
        }
        return assessment;
      },
      "no self-assessment");
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
  const std::optional<core::GoverningBodyApproval>& approval = assessment.approval;
  Params params;
  params.Bind(assessment.version);
  if (approval) {
    params.BindAll(approval->approved_on, approval->meeting, approval->minute_reference,
                   approval->response);
  } else {
    params.BindNulls(4);
  }
  params.Bind(assessment.year);
  if (expected_version) params.Bind(*expected_version);
  Result<Rows> saved = connection_.Query(
      expected_version
          ? "UPDATE self_assessments SET version = $1, approved_on = $2, meeting = $3, "
            "minute_reference = $4, response = $5 WHERE financial_year = $6 AND version = $7"
          : "INSERT INTO self_assessments (version, approved_on, meeting, minute_reference, "
            "response, financial_year) VALUES ($1, $2, $3, $4, $5, $6)",
      params);
  if (!saved) return Unexpected(saved.error());
  if (expected_version && saved->Affected() == 0) {
    return Fail(ErrorCode::kStaleVersion, "the self-assessment of " +
                                              std::to_string(assessment.year) +
                                              " changed since you loaded it");
  }
  if (Status replaced = ReplaceChildren(connection_, kAssessmentProvisions, assessment.year,
                                        assessment.provisions);
      !replaced) {
    return Unexpected(replaced.error());
  }
  return assessment;
}

}  // namespace redress::storage::postgres
