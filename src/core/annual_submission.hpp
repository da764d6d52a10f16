#pragma once

// The Housing Ombudsman's annual submission of a financial year (rules file §12 and §1.6): its
// deadline, and its status from draft to submitted, each step with what it must record. Pure:
// "today" is a parameter. The record per year (app/annual_submissions.hpp, its repository, the API,
// the command line and the web page) applies these rules and nothing else.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::core {

// More than this many homes: a "large" landlord, whose submission is due by 30 September; at or
// below it, within six months of the financial year's end (rules §12: "more than 1,000 homes").
inline constexpr std::int64_t kLargeLandlordHomes = 1000;
inline constexpr int kSmallLandlordMonths = 6;
inline constexpr int kLargeLandlordDeadlineMonth = 9;  // 30 September
inline constexpr int kLargeLandlordDeadlineDay = 30;

// The last day to submit for the financial year that ends on `year_end`, for a landlord owning
// `homes` homes: more than kLargeLandlordHomes, the first 30 September after the year end;
// otherwise the year end plus six months (clamped to the month's end: 31 March + 6 months =
// 30 September). Redress's financial year ends on 31 March (FinancialYearEnd), when both give
// 30 September; a landlord with another year end differs.
Date SubmissionDeadline(Date year_end, std::int64_t homes);

// draft → approved (by the governing body: date and minute, with its response) → published (on
// the landlord's website: web address and date) → submitted (to the Ombudsman: date). Each step
// only from the one before; each is an event of the record.
enum class SubmissionStatus { kDraft, kApproved, kPublished, kSubmitted };
std::string_view ToString(SubmissionStatus value);  // "draft", "approved", "published", "submitted"
std::optional<SubmissionStatus> ParseSubmissionStatus(std::string_view name);

// A person the form names (Section 1): the complaints officer, the Member Responsible for
// Complaints.
struct SubmissionContact {
  std::string name;
  std::string job_title;
  std::string email;
  std::string phone;
};

// What Section 1 of the form asks that the organisation's configuration does not hold: its code,
// the two people, and the web addresses of the documents. Each may be blank while the record is a
// draft (the form then shows the question unanswered).
struct SubmissionDetails {
  std::string landlord_code;  // the landlord's registration or Ombudsman membership number
  SubmissionContact complaints_officer;
  SubmissionContact member_responsible;
  std::string policy_address;
  std::string self_assessment_address;
  std::string report_address;
  std::string response_address;
};

// Who recorded a step of the record, and when (RFC 3339 UTC): the record's own account of its
// history, beside the audit trail's events.
struct RecordedStep {
  SubmissionStatus status = SubmissionStatus::kDraft;  // kDraft: the record was created
  std::string by;
  std::string at;
};

struct AnnualSubmission {
  int year = 0;  // the financial year year/year+1
  std::int64_t homes = 0;
  SubmissionDetails details;
  std::vector<RecordedStep> steps;  // oldest first: created, then each step taken
  SubmissionStatus status = SubmissionStatus::kDraft;
  std::optional<Date> approved_on;
  std::string approval_minute;  // the governing body's minute reference, e.g. "CAB/24/023"
  std::string governing_body;   // e.g. "Cabinet"
  std::string response;         // the governing body's response to the annual report
  std::optional<Date> published_on;
  std::string web_address;  // where the report, self-assessment and response are published
  std::optional<Date> submitted_on;
  std::int64_t version = 0;
};

inline constexpr std::size_t kMaxMinuteLength = 100;
inline constexpr std::size_t kMaxResponseLength = 20000;
inline constexpr std::size_t kMaxWebAddressLength = 2000;
inline constexpr std::size_t kMaxDetailLength = 200;

// The details checked: every offending field at once (kInvalidInput), named as the API names them
// ("complaints_officer.email", "policy_address"). Blank is allowed; a web address given must start
// https://, an email address must hold one @.
Status CheckSubmissionDetails(const SubmissionDetails& details);
// The record with `details`: kTransitionNotAllowed once submitted (what the Ombudsman received
// does not change afterwards), else the details checked.
Result<AnnualSubmission> ChangeDetails(const AnnualSubmission& submission,
                                       const SubmissionDetails& details);

struct Approval {
  Date approved_on;
  std::string governing_body;
  std::string minute;
  std::string response;
};
struct Publication {
  Date published_on;
  std::string web_address;  // https://...
};

// Each step: the record after it, or every offending field at once (kInvalidInput), or
// kTransitionNotAllowed when the record is not at the step before. Dates may not be after
// `today` nor before the financial year's end or the step before.
Result<AnnualSubmission> Approve(const AnnualSubmission& submission, const Approval& approval,
                                 Date today);
Result<AnnualSubmission> Publish(const AnnualSubmission& submission, const Publication& publication,
                                 Date today);
Result<AnnualSubmission> Submit(const AnnualSubmission& submission, Date submitted_on, Date today);

}  // namespace redress::core
