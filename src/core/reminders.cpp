#include "core/reminders.hpp"

namespace redress::core {
namespace {

// A search for the next working day stops here: no calendar closes for longer.
constexpr int kMaxDaysToNextWorkingDay = 366;

}  // namespace

bool InOfficeHours(const WorkingCalendar& calendar, const OfficeHours& hours, LocalTime now) {
  return calendar.IsWorkingDay(now.date) && now.minute_of_day >= hours.start_minute &&
         now.minute_of_day < hours.end_minute;
}

LocalTime NextSendingTime(const WorkingCalendar& calendar, const OfficeHours& hours,
                          LocalTime now) {
  if (InOfficeHours(calendar, hours, now)) return now;
  Date day = now.date;
  if (!calendar.IsWorkingDay(day) || now.minute_of_day >= hours.end_minute) day = day.AddDays(1);
  for (int i = 0; i < kMaxDaysToNextWorkingDay && !calendar.IsWorkingDay(day); ++i) {
    day = day.AddDays(1);
  }
  return {day, hours.start_minute};
}

bool DigestDue(const WorkingCalendar& calendar, const OfficeHours& hours, LocalTime now,
               std::optional<Date> last_sent_on) {
  return InOfficeHours(calendar, hours, now) && (!last_sent_on || *last_sent_on < now.date);
}

std::optional<ReminderKind> ReminderFor(const WorkingCalendar& calendar, Date due, Date today,
                                        int lead_working_days) {
  if (today > due) return ReminderKind::kOverdue;
  if (today == due) return ReminderKind::kDueToday;
  if (calendar.WorkingDaysBetween(today, due) <= lead_working_days) return ReminderKind::kDueSoon;
  return std::nullopt;
}

}  // namespace redress::core
