#include "core/subject_access.hpp"

#include <algorithm>
#include <cctype>

namespace redress::core {
namespace {

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace

Date WorkingDayOnOrAfter(const WorkingCalendar& calendar, Date date) {
  // The day itself when it is a working day, else the first after it.
  return calendar.IsWorkingDay(date) ? date : calendar.AddWorkingDays(date, 1);
}

Date SubjectAccessDueOn(const WorkingCalendar& calendar, Date clock_starts_on, int months) {
  // Date::AddMonths keeps the day of the month and clamps it to the month's last day.
  return WorkingDayOnOrAfter(calendar, clock_starts_on.AddMonths(months));
}

Status CheckSubjectAccessExtension(const WorkingCalendar& calendar, Date clock_starts_on,
                                   const SubjectAccessExtension& extension, Date today) {
  FieldErrors errors;
  if (extension.months < 1 || extension.months > kMaxSubjectAccessExtensionMonths) {
    errors.Add("months",
               "must be from 1 to " + std::to_string(kMaxSubjectAccessExtensionMonths) +
                   " further months, got " + std::to_string(extension.months),
               FieldErrorCode::kOutOfRange);
  }
  if (IsBlank(extension.reason)) {
    errors.Add("reason", "must say why the request needs longer (complex, or one of several)",
               FieldErrorCode::kRequired);
  }
  const Date first_month_ends = SubjectAccessDueOn(calendar, clock_starts_on);
  if (extension.told_on < clock_starts_on) {
    errors.Add("told_on", "cannot be before the clock started, " + clock_starts_on.ToIso(),
               FieldErrorCode::kDateTooEarly);
  } else if (extension.told_on > first_month_ends) {
    errors.Add("told_on",
               "must be within the first month, by " + first_month_ends.ToIso() +
                   ": an extension not told to the requester in time cannot be made",
               FieldErrorCode::kDateTooLate);
  } else if (extension.told_on > today) {
    errors.Add("told_on", "cannot be after today", FieldErrorCode::kDateInFuture);
  }
  if (!errors.empty()) return errors.ToError();
  return {};
}

Date SubjectAccessDueOn(const WorkingCalendar& calendar, Date clock_starts_on,
                        const std::optional<SubjectAccessExtension>& extension) {
  const int extra = extension ? extension->months : 0;
  return SubjectAccessDueOn(calendar, clock_starts_on, kSubjectAccessMonths + extra);
}

bool IsSubjectAccessOverdue(Date due_on, std::optional<Date> answered_on, Date today) {
  return !answered_on && today > due_on;
}

}  // namespace redress::core
