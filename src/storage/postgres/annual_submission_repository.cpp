#include "storage/postgres/annual_submission_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/annual_submission_rows.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {
namespace {

using common::SubmissionYearText;

std::string SelectSubmissions(std::string_view condition) {
  return "SELECT " + std::string(common::kSubmissionColumns) + " FROM annual_submissions " +
         std::string(condition);
}

}  // namespace

Status PostgresAnnualSubmissionRepository::LoadSteps(core::AnnualSubmission& submission) {
  static const std::string sql = "SELECT " + std::string(common::kStepColumns) +
                                 " FROM annual_submission_steps WHERE financial_year = $1 "
                                 "ORDER BY position";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(submission.year));
  if (!rows) return Unexpected(rows.error());
  auto steps = rows->ReadAll(common::ReadStep<RowReader>);
  if (!steps) return Unexpected(steps.error());
  submission.steps = std::move(*steps);
  return {};
}

Result<std::optional<core::AnnualSubmission>> PostgresAnnualSubmissionRepository::Load(int year) {
  static const std::string sql = SelectSubmissions("WHERE financial_year = $1");
  Result<Rows> rows = connection_.Query(sql, Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  auto submissions = rows->ReadAll(common::ReadSubmission<RowReader>);
  if (!submissions) return Unexpected(submissions.error());
  if (submissions->empty()) return std::optional<core::AnnualSubmission>();
  if (Status steps = LoadSteps(submissions->front()); !steps) return Unexpected(steps.error());
  return std::optional<core::AnnualSubmission>(std::move(submissions->front()));
}

Result<std::vector<core::AnnualSubmission>> PostgresAnnualSubmissionRepository::List() {
  static const std::string sql = SelectSubmissions("ORDER BY financial_year DESC");
  Result<Rows> rows = connection_.Query(sql);
  if (!rows) return Unexpected(rows.error());
  auto submissions = rows->ReadAll(common::ReadSubmission<RowReader>);
  if (!submissions) return Unexpected(submissions.error());
  for (core::AnnualSubmission& submission : *submissions) {
    if (Status steps = LoadSteps(submission); !steps) return Unexpected(steps.error());
  }
  return submissions;
}

Result<core::AnnualSubmission> PostgresAnnualSubmissionRepository::Save(
    core::AnnualSubmission submission, std::optional<std::int64_t> expected_version) {
  submission.version = expected_version ? *expected_version + 1 : kFirstVersion;
  static const std::string update =
      "UPDATE annual_submissions SET " +
      common::SubmissionAssignments([](int i) { return "$" + std::to_string(i); }) +
      " WHERE financial_year = $" + std::to_string(common::kSubmissionColumnCount) +
      " AND version = $" + std::to_string(common::kSubmissionColumnCount + 1);
  // ON CONFLICT DO NOTHING: a year already created is an answer (kConflict), not a failed
  // transaction.
  static const std::string insert =
      "INSERT INTO annual_submissions (" + std::string(common::kSubmissionColumns) + ") VALUES (" +
      ParameterList(common::kSubmissionColumnCount) + ") ON CONFLICT (financial_year) DO NOTHING";
  Params params;
  common::BindSubmission(params, submission);
  if (expected_version) params.Bind(*expected_version);
  Result<Rows> saved = connection_.Query(expected_version ? update : insert, params);
  if (!saved) return Unexpected(saved.error());
  if (saved->Affected() == 0) {
    if (!expected_version) {
      return Fail(ErrorCode::kConflict, SubmissionYearText(submission.year) + " exists already");
    }
    return Fail(ErrorCode::kStaleVersion,
                SubmissionYearText(submission.year) + " is not at version " +
                    std::to_string(*expected_version) + ": someone changed it meanwhile");
  }
  Result<Rows> count =
      connection_.Query("SELECT count(*) FROM annual_submission_steps WHERE financial_year = $1",
                        Params().Bind(submission.year));
  if (!count) return Unexpected(count.error());
  auto stored = count->ReadOne([](RowReader& r) { return r.Int64(); }, "no count");
  if (!stored) return Unexpected(stored.error());
  for (std::size_t i = static_cast<std::size_t>(*stored); i < submission.steps.size(); ++i) {
    const core::RecordedStep& step = submission.steps[i];
    if (Status added = connection_.Run(
            "INSERT INTO annual_submission_steps (financial_year, position, status, recorded_by, "
            "recorded_at) VALUES ($1, $2, $3, $4, $5)",
            Params().BindAll(submission.year, static_cast<std::int64_t>(i), step.status, step.by,
                             step.at));
        !added) {
      return Unexpected(added.error());
    }
  }
  return submission;
}

Status PostgresAnnualSubmissionRepository::SaveSubmittedReport(int year,
                                                               std::string_view report_json) {
  // Locks the row, so that of two instances submitting at once the second sees the first's
  // report rather than tripping the trigger that refuses a second write.
  Result<Rows> rows = connection_.Query(
      "SELECT submitted_report IS NOT NULL FROM annual_submissions WHERE financial_year = $1 "
      "FOR UPDATE",
      Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return Fail(ErrorCode::kNotFound, "there is no " + SubmissionYearText(year));
  Result<bool> written = rows->ReadOne([](RowReader& r) { return r.Bool(); }, "no row");
  if (!written) return Unexpected(written.error());
  if (*written) {
    return Fail(ErrorCode::kConflict,
                SubmissionYearText(year) + " keeps its report as submitted already");
  }
  return connection_.Run(
      "UPDATE annual_submissions SET submitted_report = $1 WHERE financial_year = $2",
      Params().BindAll(report_json, year));
}

Result<std::optional<std::string>> PostgresAnnualSubmissionRepository::LoadSubmittedReport(
    int year) {
  Result<Rows> rows =
      connection_.Query("SELECT submitted_report FROM annual_submissions WHERE financial_year = $1",
                        Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  return rows->ReadOne([](RowReader& r) { return r.OptionalText(); }, "no row");
}

}  // namespace redress::storage::postgres
