#pragma once

// What a case is waiting on, and "overdue": one definition, which the store's due_on column, the
// JSON's working days left and overdue flag, the list filters (overdue, due_within), the metrics
// and the dashboard all ask.

#include <optional>

#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/date.hpp"

namespace redress::core {

// The deadline the council is working to on an open case: the current stage's acknowledge_by
// while it awaits acknowledgement, its respond_by once in progress; none once the case is
// answered, closed, refused or withdrawn.
std::optional<Date> PendingDeadline(const Complaint& complaint);

// Working days from `today` to the pending deadline, on the calendar the case's regime counts on
// (CalendarFor, given the organisation's); negative when overdue, nullopt when nothing is pending.
std::optional<int> WorkingDaysLeft(const Complaint& complaint, const WorkingCalendar& organisation,
                                   Date today);

// Overdue as at `today`: a pending deadline before today (due today is not yet overdue).
bool IsOverdue(std::optional<Date> pending_deadline, Date today);
bool IsOverdue(const Complaint& complaint, Date today);

// A range of pending deadlines, [from, before), either end open: the meaning of the case list's
// deadline filters, which a store applies to its projection of PendingDeadline.
struct DueRange {
  std::optional<Date> from;
  std::optional<Date> before;
};
// overdue=true: the cases IsOverdue as at today.
DueRange OverdueRange(Date today);
// due_within=N: due from today up to and including the Nth working day after it on `calendar`.
// Precondition: today and the Nth working day after it are within the calendar's range.
DueRange DueWithinRange(const WorkingCalendar& calendar, Date today, int working_days);

}  // namespace redress::core
