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
  Result<Statement> statement = connection_.Prepare(
      "SELECT version, approved_on, meeting, minute_reference, response FROM self_assessments "
      "WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  Result<std::optional<core::SelfAssessment>> found =
      ReadAll(*statement, [&](ColumnReader& r) {
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
  const std::optional<core::GoverningBodyApproval>& approval = assessment.approval;
  const std::optional<core::Date> approved_on =
      approval ? std::optional<core::Date>(approval->approved_on) : std::nullopt;
  const std::optional<std::string> meeting =
      approval ? std::optional<std::string>(approval->meeting) : std::nullopt;
  const std::optional<std::string> minute_reference =
      approval ? std::optional<std::string>(approval->minute_reference) : std::nullopt;
  const std::optional<std::string> response =
      approval ? std::optional<std::string>(approval->response) : std::nullopt;
  Result<Statement> statement = connection_.Prepare(
      expected_version
          ? "UPDATE self_assessments SET version = ?, approved_on = ?, meeting = ?, "
            "minute_reference = ?, response = ? WHERE financial_year = ? AND version = ?"
          : "INSERT INTO self_assessments (version, approved_on, meeting, minute_reference, "
            "response, financial_year) VALUES (?, ?, ?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(assessment.version, approved_on, meeting, minute_reference, response,
                     assessment.year);
  if (expected_version) statement->Bind(*expected_version);
  if (Status saved = statement->Run(); !saved) return Unexpected(saved.error());
  if (expected_version && statement->Changes() == 0) {
    return Fail(ErrorCode::kStaleVersion, "the self-assessment of " +
                                              std::to_string(assessment.year) +
                                              " changed since you loaded it");
  }
  if (Status saved = ReplaceChildren(connection_, kAssessmentProvisions, assessment.year,
                                     assessment.provisions);
      !saved) {
    return Unexpected(saved.error());
  }
  return assessment;
}

}  // namespace redress::storage::sqlite
