#include "core/reminders.hpp"

#include <algorithm>
#include <tuple>

namespace redress::core {
namespace {

// A search for the next working day stops here: no calendar closes for longer.
constexpr int kMaxDaysToNextWorkingDay = 366;

// Overdue first: the order a reader acts in.
int Urgency(ReminderKind kind) {
  switch (kind) {
    case ReminderKind::kOverdue:
      return 0;
    case ReminderKind::kDueToday:
      return 1;
    case ReminderKind::kDueSoon:
      break;
  }
  return 2;
}

bool ConcernsRecipient(const RemindedCase& reminded, const DigestRecipient& recipient) {
  const bool overdue = reminded.reminder == ReminderKind::kOverdue;
  if (reminded.handler.empty() && reminded.team.empty()) {
    return recipient.role == Role::kComplaintsOfficer ||
           (recipient.role == Role::kManager && overdue);
  }
  if (reminded.handler == recipient.username) return true;
  return recipient.role == Role::kManager && !recipient.team.empty() &&
         reminded.team == recipient.team && overdue;
}

// The same deadline of the same record, whoever holds it.
auto SameDeadline(const RemindedCase& a) {
  return std::tie(a.reference, a.deadline, a.due, a.detail);
}

constexpr int kMinutesPerHour = 60;
constexpr int kHoursPerDay = 24;
constexpr int kDecimal = 10;

}  // namespace

std::optional<int> ParseMinuteOfDay(std::string_view text) {
  constexpr std::size_t kLength = 5;  // "HH:MM"
  if (text.size() != kLength || text[2] != ':') return std::nullopt;
  for (std::size_t i : {0U, 1U, 3U, 4U}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
  }
  const int hours = (text[0] - '0') * kDecimal + (text[1] - '0');
  const int minutes = (text[3] - '0') * kDecimal + (text[4] - '0');
  if (hours >= kHoursPerDay || minutes >= kMinutesPerHour) return std::nullopt;
  return hours * kMinutesPerHour + minutes;
}

std::optional<OfficeHours> ParseOfficeHours(std::string_view text) {
  const std::size_t dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  std::optional<int> start = ParseMinuteOfDay(text.substr(0, dash));
  std::optional<int> end = ParseMinuteOfDay(text.substr(dash + 1));
  if (!start || !end || *start >= *end) return std::nullopt;
  return OfficeHours{*start, *end};
}

std::vector<Digest> PlanDigests(const std::vector<RemindedCase>& cases,
                                const std::vector<DigestRecipient>& recipients) {
  std::vector<Digest> digests;
  for (const DigestRecipient& recipient : recipients) {
    Digest digest{recipient.username, {}};
    for (const RemindedCase& reminded : cases) {
      if (ConcernsRecipient(reminded, recipient)) digest.cases.push_back(reminded);
    }
    if (digest.cases.empty()) continue;
    std::sort(digest.cases.begin(), digest.cases.end(),
              [](const RemindedCase& a, const RemindedCase& b) {
                return std::tuple(Urgency(a.reminder), a.due, a.reference, a.deadline, a.detail) <
                       std::tuple(Urgency(b.reminder), b.due, b.reference, b.deadline, b.detail);
              });
    digest.cases.erase(std::unique(digest.cases.begin(), digest.cases.end(),
                                   [](const RemindedCase& a, const RemindedCase& b) {
                                     return SameDeadline(a) == SameDeadline(b);
                                   }),
                       digest.cases.end());
    digests.push_back(std::move(digest));
  }
  return digests;
}

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
