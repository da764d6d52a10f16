#include "core/annual_submission.hpp"

#include <algorithm>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<SubmissionStatus, 4> kStatusNames{{
    {SubmissionStatus::kDraft, "draft"},
    {SubmissionStatus::kApproved, "approved"},
    {SubmissionStatus::kPublished, "published"},
    {SubmissionStatus::kSubmitted, "submitted"},
}};

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

// A date of a step: not after today, not before `earliest` (named `after` in the message).
void CheckDate(FieldErrors& errors, const std::string& field, Date date, Date earliest,
               std::string_view after, Date today) {
  if (date > today) {
    errors.Add(field, "must not be after today (" + today.ToIso() + ")",
               FieldErrorCode::kDateInFuture);
  } else if (date < earliest) {
    errors.Add(field, "must not be before " + std::string(after) + " (" + earliest.ToIso() + ")",
               FieldErrorCode::kDateTooEarly);
  }
}

void CheckText(FieldErrors& errors, const std::string& field, std::string_view text,
               std::size_t most) {
  if (Blank(text)) {
    errors.Add(field, "is required", FieldErrorCode::kRequired);
  } else if (text.size() > most) {
    errors.Add(field, "must be at most " + std::to_string(most) + " characters",
               FieldErrorCode::kTooLong);
  }
}

Status At(const AnnualSubmission& submission, SubmissionStatus expected, std::string_view step) {
  if (submission.status == expected) return {};
  return Fail(ErrorCode::kTransitionNotAllowed,
              "the submission is " + std::string(ToString(submission.status)) + ": it can be " +
                  std::string(step) + " only when " + std::string(ToString(expected)));
}

void CheckAddress(FieldErrors& errors, const std::string& field, std::string_view address) {
  if (Blank(address)) return;
  if (address.size() > kMaxWebAddressLength) {
    errors.Add(field, "must be at most " + std::to_string(kMaxWebAddressLength) + " characters",
               FieldErrorCode::kTooLong);
  } else if (!address.starts_with("https://")) {
    errors.Add(field, "must be a web address starting https://", FieldErrorCode::kInvalid);
  }
}

void CheckDetail(FieldErrors& errors, const std::string& field, std::string_view text) {
  if (text.size() > kMaxDetailLength) {
    errors.Add(field, "must be at most " + std::to_string(kMaxDetailLength) + " characters",
               FieldErrorCode::kTooLong);
  }
}

void CheckContact(FieldErrors& errors, const std::string& who, const SubmissionContact& contact) {
  CheckDetail(errors, who + ".name", contact.name);
  CheckDetail(errors, who + ".job_title", contact.job_title);
  CheckDetail(errors, who + ".phone", contact.phone);
  CheckDetail(errors, who + ".email", contact.email);
  if (!Blank(contact.email) && contact.email.size() <= kMaxDetailLength &&
      std::count(contact.email.begin(), contact.email.end(), '@') != 1) {
    errors.Add(who + ".email", "must be an email address", FieldErrorCode::kInvalid);
  }
}

}  // namespace

Status CheckSubmissionDetails(const SubmissionDetails& details) {
  FieldErrors errors;
  CheckDetail(errors, "landlord_code", details.landlord_code);
  CheckContact(errors, "complaints_officer", details.complaints_officer);
  CheckContact(errors, "member_responsible", details.member_responsible);
  CheckAddress(errors, "policy_address", details.policy_address);
  CheckAddress(errors, "self_assessment_address", details.self_assessment_address);
  CheckAddress(errors, "report_address", details.report_address);
  CheckAddress(errors, "response_address", details.response_address);
  if (!errors.empty()) return errors.ToError();
  return {};
}

Result<AnnualSubmission> ChangeDetails(const AnnualSubmission& submission,
                                       const SubmissionDetails& details) {
  if (submission.status == SubmissionStatus::kSubmitted) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                "the submission was submitted: what the Ombudsman received does not change");
  }
  if (Status valid = CheckSubmissionDetails(details); !valid) return tl::unexpected(valid.error());
  AnnualSubmission next = submission;
  next.details = details;
  return next;
}

Date SubmissionDeadline(Date year_end, std::int64_t homes) {
  if (homes > kLargeLandlordHomes) {
    const Date same_year =
        *Date::FromYmd(year_end.year(), kLargeLandlordDeadlineMonth, kLargeLandlordDeadlineDay);
    return same_year > year_end ? same_year
                                : *Date::FromYmd(year_end.year() + 1, kLargeLandlordDeadlineMonth,
                                                 kLargeLandlordDeadlineDay);
  }
  return year_end.AddMonths(kSmallLandlordMonths);
}

std::string_view ToString(SubmissionStatus value) { return NameOf(kStatusNames, value); }
std::optional<SubmissionStatus> ParseSubmissionStatus(std::string_view name) {
  return ParseName(kStatusNames, name);
}

Result<AnnualSubmission> Approve(const AnnualSubmission& submission, const Approval& approval,
                                 Date today) {
  if (Status at = At(submission, SubmissionStatus::kDraft, "approved"); !at) {
    return tl::unexpected(at.error());
  }
  FieldErrors errors;
  // The governing body approves the report of a year that has ended.
  CheckDate(errors, "approved_on", approval.approved_on, FinancialYearEnd(submission.year),
            "the end of the financial year", today);
  CheckText(errors, "governing_body", approval.governing_body, kMaxMinuteLength);
  CheckText(errors, "minute", approval.minute, kMaxMinuteLength);
  CheckText(errors, "response", approval.response, kMaxResponseLength);
  if (!errors.empty()) return errors.ToError();
  AnnualSubmission next = submission;
  next.status = SubmissionStatus::kApproved;
  next.approved_on = approval.approved_on;
  next.governing_body = approval.governing_body;
  next.approval_minute = approval.minute;
  next.response = approval.response;
  return next;
}

Result<AnnualSubmission> Publish(const AnnualSubmission& submission, const Publication& publication,
                                 Date today) {
  if (Status at = At(submission, SubmissionStatus::kApproved, "published"); !at) {
    return tl::unexpected(at.error());
  }
  FieldErrors errors;
  CheckDate(errors, "published_on", publication.published_on, *submission.approved_on,
            "approved_on", today);
  CheckText(errors, "web_address", publication.web_address, kMaxWebAddressLength);
  if (!Blank(publication.web_address) && !publication.web_address.starts_with("https://")) {
    errors.Add("web_address", "must be a web address starting https://", FieldErrorCode::kInvalid);
  }
  if (!errors.empty()) return errors.ToError();
  AnnualSubmission next = submission;
  next.status = SubmissionStatus::kPublished;
  next.published_on = publication.published_on;
  next.web_address = publication.web_address;
  return next;
}

Result<AnnualSubmission> Submit(const AnnualSubmission& submission, Date submitted_on, Date today) {
  if (Status at = At(submission, SubmissionStatus::kPublished, "submitted"); !at) {
    return tl::unexpected(at.error());
  }
  FieldErrors errors;
  CheckDate(errors, "submitted_on", submitted_on, *submission.published_on, "published_on", today);
  if (!errors.empty()) return errors.ToError();
  AnnualSubmission next = submission;
  next.status = SubmissionStatus::kSubmitted;
  next.submitted_on = submitted_on;
  return next;
}

}  // namespace redress::core
