#include "storage/sqlite/annual_submission_repository.hpp"

#include <string>
#include <utility>

#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {
namespace {

// The record's columns, in the order Read reads them and Save binds them (financial_year last).
constexpr std::string_view kColumns =
    "version, homes, status, landlord_code, officer_name, officer_job_title, officer_email, "
    "officer_phone, member_name, member_job_title, member_email, member_phone, policy_address, "
    "self_assessment_address, report_address, response_address, approved_on, governing_body, "
    "approval_minute, response, published_on, web_address, submitted_on, financial_year";

core::SubmissionContact ReadContact(ColumnReader& r) {
  core::SubmissionContact contact;
  contact.name = r.Text();
  contact.job_title = r.Text();
  contact.email = r.Text();
  contact.phone = r.Text();
  return contact;
}

core::AnnualSubmission Read(ColumnReader& r) {
  core::AnnualSubmission s;
  s.version = r.Int64();
  s.homes = r.Int64();
  s.status = r.Enumerator(core::ParseSubmissionStatus);
  s.details.landlord_code = r.Text();
  s.details.complaints_officer = ReadContact(r);
  s.details.member_responsible = ReadContact(r);
  s.details.policy_address = r.Text();
  s.details.self_assessment_address = r.Text();
  s.details.report_address = r.Text();
  s.details.response_address = r.Text();
  s.approved_on = r.OptionalDate();
  s.governing_body = r.Text();
  s.approval_minute = r.Text();
  s.response = r.Text();
  s.published_on = r.OptionalDate();
  s.web_address = r.Text();
  s.submitted_on = r.OptionalDate();
  s.year = r.Int();
  return s;
}

void BindContact(Statement& statement, const core::SubmissionContact& contact) {
  statement.BindAll(contact.name, contact.job_title, contact.email, contact.phone);
}

std::string YearText(int year) { return "the annual submission of " + std::to_string(year); }

}  // namespace

Status SqliteAnnualSubmissionRepository::LoadSteps(core::AnnualSubmission& submission) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT status, recorded_by, recorded_at FROM annual_submission_steps "
      "WHERE financial_year = ? ORDER BY position");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(submission.year);
  auto steps = ReadAll(*statement, [](ColumnReader& r) {
    core::RecordedStep step;
    step.status = r.Enumerator(core::ParseSubmissionStatus);
    step.by = r.Text();
    step.at = r.Text();
    return step;
  });
  if (!steps) return Unexpected(steps.error());
  submission.steps = std::move(*steps);
  return {};
}

Result<std::optional<core::AnnualSubmission>> SqliteAnnualSubmissionRepository::Load(int year) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT " + std::string(kColumns) + " FROM annual_submissions WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  auto rows = ReadAll(*statement, Read);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::AnnualSubmission>();
  if (Status steps = LoadSteps(rows->front()); !steps) return Unexpected(steps.error());
  return std::optional<core::AnnualSubmission>(std::move(rows->front()));
}

Result<std::vector<core::AnnualSubmission>> SqliteAnnualSubmissionRepository::List() {
  Result<Statement> statement = connection_.Prepare(
      "SELECT " + std::string(kColumns) + " FROM annual_submissions ORDER BY financial_year DESC");
  if (!statement) return Unexpected(statement.error());
  auto rows = ReadAll(*statement, Read);
  if (!rows) return Unexpected(rows.error());
  for (core::AnnualSubmission& submission : *rows) {
    if (Status steps = LoadSteps(submission); !steps) return Unexpected(steps.error());
  }
  return rows;
}

Result<core::AnnualSubmission> SqliteAnnualSubmissionRepository::Save(
    core::AnnualSubmission submission, std::optional<std::int64_t> expected_version) {
  submission.version = expected_version ? *expected_version + 1 : kFirstVersion;
  Result<Statement> statement = connection_.Prepare(
      expected_version
          ? "UPDATE annual_submissions SET version = ?, homes = ?, status = ?, landlord_code = ?, "
            "officer_name = ?, officer_job_title = ?, officer_email = ?, officer_phone = ?, "
            "member_name = ?, member_job_title = ?, member_email = ?, member_phone = ?, "
            "policy_address = ?, self_assessment_address = ?, report_address = ?, "
            "response_address = ?, approved_on = ?, governing_body = ?, approval_minute = ?, "
            "response = ?, published_on = ?, web_address = ?, submitted_on = ? "
            "WHERE financial_year = ? AND version = ?"
          : "INSERT INTO annual_submissions (" + std::string(kColumns) +
                ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?)");
  if (!statement) return Unexpected(statement.error());
  const core::SubmissionDetails& d = submission.details;
  statement->BindAll(submission.version, submission.homes, submission.status, d.landlord_code);
  BindContact(*statement, d.complaints_officer);
  BindContact(*statement, d.member_responsible);
  statement->BindAll(d.policy_address, d.self_assessment_address, d.report_address,
                     d.response_address, submission.approved_on, submission.governing_body,
                     submission.approval_minute, submission.response, submission.published_on,
                     submission.web_address, submission.submitted_on, submission.year);
  if (expected_version) statement->Bind(*expected_version);
  if (Status saved = statement->Run(); !saved) return Unexpected(saved.error());
  if (expected_version && statement->Changes() == 0) {
    return Fail(ErrorCode::kStaleVersion, YearText(submission.year) + " is not at version " +
                                              std::to_string(*expected_version) +
                                              ": someone changed it meanwhile");
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
    return Fail(ErrorCode::kConflict, YearText(year) + " keeps its report as submitted already");
  }
  Result<Statement> statement = connection_.Prepare(
      "UPDATE annual_submissions SET submitted_report = ? WHERE financial_year = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(report_json, year);
  return RunOnExistingRow(*statement, "there is no " + YearText(year));
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
