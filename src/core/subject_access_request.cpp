#include "core/subject_access_request.hpp"

#include <algorithm>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<SubjectAccessStatus, 4> kStatusNames{{
    {SubjectAccessStatus::kReceived, "received"},
    {SubjectAccessStatus::kExtended, "extended"},
    {SubjectAccessStatus::kCompleted, "completed"},
    {SubjectAccessStatus::kWithdrawn, "withdrawn"},
}};

bool Blank(std::string_view text) {
  return text.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

void CheckLength(FieldErrors& errors, const std::string& field, std::string_view text,
                 std::size_t most) {
  if (text.size() > most) {
    errors.Add(field, "must be at most " + std::to_string(most) + " characters",
               FieldErrorCode::kTooLong);
  }
}

void CheckRequired(FieldErrors& errors, const std::string& field, std::string_view text,
                   std::size_t most) {
  if (Blank(text)) {
    errors.Add(field, "is required", FieldErrorCode::kRequired);
  } else {
    CheckLength(errors, field, text, most);
  }
}

// A date of the request's life: not after today, not before receipt.
void CheckStepDate(FieldErrors& errors, const std::string& field, Date date, Date received_on,
                   Date today) {
  if (date > today) {
    errors.Add(field, "must not be after today (" + today.ToIso() + ")",
               FieldErrorCode::kDateInFuture);
  } else if (date < received_on) {
    errors.Add(field, "must not be before the request was received (" + received_on.ToIso() + ")",
               FieldErrorCode::kDateTooEarly);
  }
}

Status RequireOpen(const SubjectAccessRequest& request, std::string_view step) {
  if (IsOpen(request)) return {};
  return Fail(ErrorCode::kTransitionNotAllowed, "subject access request " + request.reference +
                                                    " is " + std::string(ToString(request.status)) +
                                                    ": it cannot be " + std::string(step));
}

}  // namespace

std::string_view ToString(SubjectAccessStatus value) { return NameOf(kStatusNames, value); }
std::optional<SubjectAccessStatus> ParseSubjectAccessStatus(std::string_view name) {
  return ParseName(kStatusNames, name);
}

Date ClockStartsOn(const SubjectAccessRequest& request) {
  return request.identity_confirmed_on.value_or(request.received_on);
}

Date DueOn(const WorkingCalendar& calendar, const SubjectAccessRequest& request) {
  return SubjectAccessDueOn(calendar, ClockStartsOn(request), request.extension);
}

bool IsOpen(const SubjectAccessRequest& request) {
  return request.status == SubjectAccessStatus::kReceived ||
         request.status == SubjectAccessStatus::kExtended;
}

bool IsOverdue(const WorkingCalendar& calendar, const SubjectAccessRequest& request, Date today) {
  if (!IsOpen(request)) return false;
  return IsSubjectAccessOverdue(DueOn(calendar, request), std::nullopt, today);
}

Status CheckNewSubjectAccessRequest(const SubjectAccessRequest& request, Date today) {
  FieldErrors errors;
  CheckRequired(errors, "requester_name", request.requester_name, kMaxSarNameLength);
  CheckRequired(errors, "details", request.details, kMaxSarTextLength);
  CheckLength(errors, "requester_email", request.requester_email, kMaxSarContactLength);
  if (!Blank(request.requester_email) && request.requester_email.size() <= kMaxSarContactLength &&
      (std::count(request.requester_email.begin(), request.requester_email.end(), '@') != 1 ||
       request.requester_email.front() == '@' || request.requester_email.back() == '@')) {
    errors.Add("requester_email", "must be an email address", FieldErrorCode::kInvalidEmail);
  }
  CheckLength(errors, "requester_phone", request.requester_phone, kMaxSarContactLength);
  CheckLength(errors, "requester_address", request.requester_address, kMaxSarContactLength);
  CheckLength(errors, "requester_postcode", request.requester_postcode, kMaxSarContactLength);
  CheckLength(errors, "subject_name", request.subject_name, kMaxSarNameLength);
  if (request.received_on > today) {
    errors.Add("received_on", "must not be after today (" + today.ToIso() + ")",
               FieldErrorCode::kDateInFuture);
  }
  if (request.identity_confirmed_on) {
    CheckStepDate(errors, "identity_confirmed_on", *request.identity_confirmed_on,
                  request.received_on, today);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Result<SubjectAccessRequest> Extend(const WorkingCalendar& calendar,
                                    const SubjectAccessRequest& request,
                                    const SubjectAccessExtension& extension, Date today) {
  if (Status open = RequireOpen(request, "extended"); !open) return tl::unexpected(open.error());
  if (request.extension) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                "subject access request " + request.reference +
                    " is extended already: the ICO allows one extension of up to " +
                    std::to_string(kMaxSubjectAccessExtensionMonths) + " months");
  }
  if (Status checked =
          CheckSubjectAccessExtension(calendar, ClockStartsOn(request), extension, today);
      !checked) {
    return tl::unexpected(checked.error());
  }
  SubjectAccessRequest next = request;
  next.extension = extension;
  next.status = SubjectAccessStatus::kExtended;
  return next;
}

Result<SubjectAccessRequest> Complete(const SubjectAccessRequest& request, Date completed_on,
                                      Date today) {
  if (Status open = RequireOpen(request, "completed"); !open) return tl::unexpected(open.error());
  FieldErrors errors;
  CheckStepDate(errors, "completed_on", completed_on, request.received_on, today);
  if (!errors.empty()) return errors.ToError();
  SubjectAccessRequest next = request;
  next.completed_on = completed_on;
  next.status = SubjectAccessStatus::kCompleted;
  return next;
}

Result<SubjectAccessRequest> Withdraw(const SubjectAccessRequest& request, Date withdrawn_on,
                                      const std::string& reason, Date today) {
  if (Status open = RequireOpen(request, "withdrawn"); !open) return tl::unexpected(open.error());
  FieldErrors errors;
  CheckStepDate(errors, "withdrawn_on", withdrawn_on, request.received_on, today);
  CheckRequired(errors, "reason", reason, kMaxSarTextLength);
  if (!errors.empty()) return errors.ToError();
  SubjectAccessRequest next = request;
  next.withdrawn_on = withdrawn_on;
  next.withdrawal_reason = reason;
  next.status = SubjectAccessStatus::kWithdrawn;
  return next;
}

}  // namespace redress::core
