#pragma once

// The Housing Ombudsman's annual submission of a financial year as a record (rules §12, issue 19):
// created as a draft, its form details (Section 1) kept up to date, then approved by the governing
// body, published and submitted, each step by core/annual_submission.hpp's rules, with who
// recorded it and when, and an event in the audit trail. Once submitted, the record and the annual
// report it submitted are frozen: the report is kept as it was (its JSON), so that a case reopened
// or corrected later moves the live report but never what the Ombudsman received.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/annual_submission.hpp"
#include "report/annual_report.hpp"
#include "report/submission_form.hpp"

namespace redress::app {

// The annual report as the bytes kept when a submission is submitted (the adapters pass the JSON
// renderer, which app does not link).
using ReportSnapshot = std::function<Result<std::string>(const report::AnnualReport&)>;

struct NewSubmission {
  int year = 0;
  // Homes owned: the deadline depends on it. Absent: the year's homes owned as recorded for the
  // report (kInvalidInput naming "homes" when the year has none).
  std::optional<std::int64_t> homes;
  core::SubmissionDetails details;
};

// kConflict when the year has a record; kInvalidInput naming "year" (CheckReportYear), "homes"
// (negative, or absent with none recorded) and each detail at fault.
Result<core::AnnualSubmission> CreateAnnualSubmission(Store& store, const Clock& clock,
                                                      const Actor& actor,
                                                      const NewSubmission& submission);
// kNotFound when the year has no record.
Result<core::AnnualSubmission> GetAnnualSubmission(Store& store, int year);
// Newest year first.
Result<std::vector<core::AnnualSubmission>> ListAnnualSubmissions(Store& store);

// The changes below take the version the caller read when it knows it (the API's If-Match):
// kStaleVersion when the record moved on since. kNotFound when the year has no record.
//
// Replaces the form details; kTransitionNotAllowed once submitted.
Result<core::AnnualSubmission> UpdateSubmissionDetails(
    Store& store, const Clock& clock, const Actor& actor, int year,
    const core::SubmissionDetails& details, std::optional<std::int64_t> expected_version = {});
// Each step of core/annual_submission.hpp, recorded with the actor and the time.
Result<core::AnnualSubmission> ApproveAnnualSubmission(
    Store& store, const Clock& clock, const Actor& actor, int year, const core::Approval& approval,
    std::optional<std::int64_t> expected_version = {});
Result<core::AnnualSubmission> PublishAnnualSubmission(
    Store& store, const Clock& clock, const Actor& actor, int year,
    const core::Publication& publication, std::optional<std::int64_t> expected_version = {});
// Also computes the year's annual report as at `submitted_on` and keeps it, as `snapshot` renders
// it, in the same transaction.
Result<core::AnnualSubmission> SubmitAnnualSubmission(
    Store& store, const Clock& clock, const Actor& actor, int year, core::Date submitted_on,
    const ReportSnapshot& snapshot, std::optional<std::int64_t> expected_version = {});

// The form as the Ombudsman asks for it (report/submission_form.hpp), from the record, the
// organisation's name and the year's self-assessment. kNotFound when the year has no record.
Result<report::SubmissionForm> GetSubmissionForm(Store& store, int year);
// The annual report as it was submitted (what SubmitAnnualSubmission kept); kNotFound when the
// year has no record or it was not submitted.
Result<std::string> GetSubmittedReport(Store& store, int year);

}  // namespace redress::app
