#include "core/pending_deadline.hpp"

#include "core/procedure_transitions.hpp"
#include "core/regime_calendars.hpp"

namespace redress::core {

std::optional<Date> PendingDeadline(const Complaint& complaint) {
  const Stage& stage = complaint.current_stage();
  switch (complaint.status) {
    case CaseStatus::kAwaitingAcknowledgement:
      return stage.acknowledge_by;
    case CaseStatus::kInProgress:
      return NextStepDue(stage);  // a review panel's meeting or report while pending
    case CaseStatus::kResponded:
    case CaseStatus::kClosed:
    case CaseStatus::kNotAccepted:
    case CaseStatus::kWithdrawn:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<int> WorkingDaysLeft(const Complaint& complaint, const WorkingCalendar& organisation,
                                   Date today) {
  const std::optional<Date> due = PendingDeadline(complaint);
  if (!due) return std::nullopt;
  return CalendarFor(complaint.regime, organisation).WorkingDaysBetween(today, *due);
}

bool IsOverdue(std::optional<Date> pending_deadline, Date today) {
  return pending_deadline.has_value() && *pending_deadline < today;
}

bool IsOverdue(const Complaint& complaint, Date today) {
  return IsOverdue(PendingDeadline(complaint), today);
}

DueRange OverdueRange(Date today) { return DueRange{std::nullopt, today}; }

DueRange DueWithinRange(const WorkingCalendar& calendar, Date today, int working_days) {
  return DueRange{today, calendar.AddWorkingDays(today, working_days).AddDays(1)};
}

}  // namespace redress::core
