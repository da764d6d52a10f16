#pragma once

// The Housing Ombudsman annual submission (core/annual_submission.hpp) as every engine stores it
// in `annual_submissions` and `annual_submission_steps`: the columns, the binding and the reading
// of a row, written once as templates over an engine's binder (`BindAll`) and row reader (the
// SQLite ColumnReader's interface). Each engine runs the SQL itself.

#include <string>
#include <string_view>

#include "core/annual_submission.hpp"

namespace redress::storage::common {

// The record's columns, in the order ReadSubmission reads them and BindSubmission binds them
// (financial_year last, so that an UPDATE binds it in its WHERE).
inline constexpr std::string_view kSubmissionColumns =
    "version, homes, status, landlord_code, officer_name, officer_job_title, officer_email, "
    "officer_phone, member_name, member_job_title, member_email, member_phone, policy_address, "
    "self_assessment_address, report_address, response_address, approved_on, governing_body, "
    "approval_minute, response, published_on, web_address, submitted_on, financial_year";
inline constexpr int kSubmissionColumnCount = 24;
// The columns an UPDATE sets, each followed by its placeholder, in kSubmissionColumns' order
// (all but financial_year); `placeholder(i)` spells the i-th (from 1).
template <typename Placeholder>
std::string SubmissionAssignments(Placeholder placeholder) {
  std::string text;
  std::string_view rest = kSubmissionColumns;
  for (int i = 1; i < kSubmissionColumnCount; ++i) {
    const std::size_t comma = rest.find(", ");
    if (!text.empty()) text += ", ";
    text += std::string(rest.substr(0, comma)) + " = " + placeholder(i);
    rest.remove_prefix(comma + 2);
  }
  return text;
}

// The steps' columns, as ReadStep reads them.
inline constexpr std::string_view kStepColumns = "status, recorded_by, recorded_at";

template <typename Reader>
core::SubmissionContact ReadSubmissionContact(Reader& r) {
  core::SubmissionContact contact;
  contact.name = r.Text();
  contact.job_title = r.Text();
  contact.email = r.Text();
  contact.phone = r.Text();
  return contact;
}

template <typename Reader>
core::AnnualSubmission ReadSubmission(Reader& r) {
  core::AnnualSubmission s;
  s.version = r.Int64();
  s.homes = r.Int64();
  s.status = r.Enumerator(core::ParseSubmissionStatus);
  s.details.landlord_code = r.Text();
  s.details.complaints_officer = ReadSubmissionContact(r);
  s.details.member_responsible = ReadSubmissionContact(r);
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

template <typename Binder>
void BindSubmission(Binder& b, const core::AnnualSubmission& s) {
  const core::SubmissionDetails& d = s.details;
  const auto contact = [&b](const core::SubmissionContact& c) {
    b.BindAll(c.name, c.job_title, c.email, c.phone);
  };
  b.BindAll(s.version, s.homes, s.status, d.landlord_code);
  contact(d.complaints_officer);
  contact(d.member_responsible);
  b.BindAll(d.policy_address, d.self_assessment_address, d.report_address, d.response_address,
            s.approved_on, s.governing_body, s.approval_minute, s.response, s.published_on,
            s.web_address, s.submitted_on, s.year);
}

template <typename Reader>
core::RecordedStep ReadStep(Reader& r) {
  core::RecordedStep step;
  step.status = r.Enumerator(core::ParseSubmissionStatus);
  step.by = r.Text();
  step.at = r.Text();
  return step;
}

inline std::string SubmissionYearText(int year) {
  return "the annual submission of " + std::to_string(year);
}

}  // namespace redress::storage::common
