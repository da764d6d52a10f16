#include "storage/sqlite/annual_submission_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/annual_submission_rows.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {
namespace {

using common::SubmissionYearText;

}  // namespace

Status SqliteAnnualSubmissionRepository::LoadSteps(core::AnnualSubmission& submission) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT " + std::string(common::kStepColumns) +
      " FROM annual_submission_steps WHERE financial_year = ? ORDER BY position");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(submission.year);
  auto steps = ReadAll(*statement, common::ReadStep<ColumnReader>);
  if (!steps) return Unexpected(steps.error());
  submission.steps = std::move(*steps);
  return {};
}

Result<std::optional<core::AnnualSubmission>> SqliteAnnualSubmissionRepository::Load(int year) {
  Result<Statement> statement =
      connection_.Prepare("SELECT " + std::string(common::kSubmissionColumns) +
                          " FROM annual_submissions WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  auto rows = ReadAll(*statement, common::ReadSubmission<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::AnnualSubmission>();
  if (Status steps = LoadSteps(rows->front()); !steps) return Unexpected(steps.error());
  return std::optional<core::AnnualSubmission>(std::move(rows->front()));
}

Result<std::vector<core::AnnualSubmission>> SqliteAnnualSubmissionRepository::List() {
  Result<Statement> statement =
      connection_.Prepare("SELECT " + std::string(common::kSubmissionColumns) +
                          " FROM annual_submissions ORDER BY financial_year DESC");
  if (!statement) return Unexpected(statement.error());
  auto rows = ReadAll(*statement, common::ReadSubmission<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  for (core::AnnualSubmission& submission : *rows) {
    if (Status steps = LoadSteps(submission); !steps) return Unexpected(steps.error());
  }
  return rows;
}

Result<core::AnnualSubmission> SqliteAnnualSubmissionRepository::Save(
    core::AnnualSubmission submission, std::optional<std::int64_t> expected_version) {
  submission.version = expected_version ? *expected_version + 1 : kFirstVersion;
  static const std::string update =
      "UPDATE annual_submissions SET " +
      common::SubmissionAssignments([](int) { return std::string("?"); }) +
      " WHERE financial_year = ? AND version = ?";
  static const std::string insert = [] {
    std::string placeholders = "?";
    for (int i = 1; i < common::kSubmissionColumnCount; ++i) placeholders += ", ?";
    return "INSERT INTO annual_submissions (" + std::string(common::kSubmissionColumns) +
           ") VALUES (" + placeholders + ")";
  }();
  Result<Statement> statement = connection_.Prepare(expected_version ? update : insert);
  if (!statement) return Unexpected(statement.error());
  common::BindSubmission(*statement, submission);
  if (expected_version) statement->Bind(*expected_version);
  if (Status saved = statement->Run(); !saved) return Unexpected(saved.error());
  if (expected_version && statement->Changes() == 0) {
    return Fail(ErrorCode::kStaleVersion,
                SubmissionYearText(submission.year) + " is not at version " +
                    std::to_string(*expected_version) + ": someone changed it meanwhile");
  }
  Result<Statement> count =
      connection_.Prepare("SELECT count(*) FROM annual_submission_steps WHERE financial_year = ?");
  if (!count) return Unexpected(count.error());
  count->Bind(submission.year);
  auto stored = ReadOne(
      *count, [](ColumnReader& r) { return r.Int64(); }, "no count");
  if (!stored) return Unexpected(stored.error());
  for (std::size_t i = static_cast<std::size_t>(*stored); i < submission.steps.size(); ++i) {
    const core::RecordedStep& step = submission.steps[i];
    Result<Statement> insert = connection_.Prepare(
        "INSERT INTO annual_submission_steps (financial_year, position, status, recorded_by, "
        "recorded_at) VALUES (?, ?, ?, ?, ?)");
    if (!insert) return Unexpected(insert.error());
    insert->BindAll(submission.year, static_cast<std::int64_t>(i), step.status, step.by, step.at);
    if (Status added = insert->Run(); !added) return Unexpected(added.error());
  }
  return submission;
}

Status SqliteAnnualSubmissionRepository::SaveSubmittedReport(int year,
                                                             std::string_view report_json) {
  auto existing = LoadSubmittedReport(year);
  if (!existing) return Unexpected(existing.error());
  if (*existing) {
    return Fail(ErrorCode::kConflict,
                SubmissionYearText(year) + " keeps its report as submitted already");
  }
  Result<Statement> statement = connection_.Prepare(
      "UPDATE annual_submissions SET submitted_report = ? WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(report_json, year);
  return RunOnExistingRow(*statement, "there is no " + SubmissionYearText(year));
}

Result<std::optional<std::string>> SqliteAnnualSubmissionRepository::LoadSubmittedReport(int year) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT submitted_report FROM annual_submissions WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  auto rows = ReadAll(*statement, [](ColumnReader& r) { return r.OptionalText(); });
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return std::move(rows->front());
}

}  // namespace redress::storage::sqlite
