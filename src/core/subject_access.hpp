#pragma once

// The subject access clock (UK GDPR Art. 12(3), the ICO's right-of-access guidance): a request is
// answered within one calendar month of receipt (or of the day the requester's identity was
// confirmed, when it had to be): to the same date of the next month; the last day of that month
// when the date does not exist (31 January -> 28 or 29 February); the next working day when that
// day is not a working day, on the organisation's calendar (weekends, bank holidays, its closure
// days). It may be extended by up to two further months when the request is complex or one of
// several, if the requester is told so, with the reasons, within the first month. Pure: the
// calendar and the dates are inputs.

#include <optional>
#include <string>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::core {

inline constexpr int kSubjectAccessMonths = 1;
inline constexpr int kMaxSubjectAccessExtensionMonths = 2;

// The first working day on or after `date`.
Date WorkingDayOnOrAfter(const WorkingCalendar& calendar, Date date);

// The day a request whose clock started on `clock_starts_on` must be answered by, `months` calendar
// months on (kSubjectAccessMonths, or more with an extension): the same date, clamped to the
// month's last day, moved on to the next working day.
Date SubjectAccessDueOn(const WorkingCalendar& calendar, Date clock_starts_on,
                        int months = kSubjectAccessMonths);

// An extension as recorded: by how many further months, why, and when the requester was told.
struct SubjectAccessExtension {
  int months = 0;
  std::string reason;
  Date told_on;
  friend bool operator==(const SubjectAccessExtension&, const SubjectAccessExtension&) = default;
};

// Every offending field at once: months from 1 to kMaxSubjectAccessExtensionMonths ("months",
// kOutOfRange); a reason ("reason", kRequired); told_on neither before the clock started nor after
// the first month's due date ("told_on", kDateTooEarly / kDateTooLate: an extension told late is
// refused); not after `today` ("told_on", kDateInFuture).
Status CheckSubjectAccessExtension(const WorkingCalendar& calendar, Date clock_starts_on,
                                   const SubjectAccessExtension& extension, Date today);

// The request's due date: one month, or 1 + the extension's months when it has one.
Date SubjectAccessDueOn(const WorkingCalendar& calendar, Date clock_starts_on,
                        const std::optional<SubjectAccessExtension>& extension);

// Not answered and past its due date as at `today`.
bool IsSubjectAccessOverdue(Date due_on, std::optional<Date> answered_on, Date today);

}  // namespace redress::core
