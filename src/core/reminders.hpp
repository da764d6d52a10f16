#pragma once

// When reminders go (issue 15): only inside the organisation's office hours on its working days
// (bank holidays and closure days are not working days), never at night, at weekends or on a bank
// holiday; one digest per person per working day, at the start of office hours when nothing
// allowed it sooner. And what a deadline is reminded of: before it is due (by default 2 working
// days before an acknowledgement, 3 before a response), on the day, and once overdue. Pure: the
// local time is a parameter.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/role.hpp"

namespace redress::core {

// Office hours as minutes after local midnight: [start, end).
struct OfficeHours {
  int start_minute = 9 * 60;
  int end_minute = 17 * 60;
};

// "HH:MM" (24-hour) as minutes after midnight; nullopt when malformed.
std::optional<int> ParseMinuteOfDay(std::string_view text);

// "HH:MM-HH:MM" (24-hour, start before end), as the command line takes office hours; nullopt
// when malformed.
std::optional<OfficeHours> ParseOfficeHours(std::string_view text);

// A local wall-clock time (the organisation's time zone).
struct LocalTime {
  Date date;
  int minute_of_day = 0;  // 0..1439
  friend bool operator==(const LocalTime&, const LocalTime&) = default;
};

// Whether a reminder may be sent at `now`: a working day of `calendar`, within office hours.
bool InOfficeHours(const WorkingCalendar& calendar, const OfficeHours& hours, LocalTime now);

// The first time at or after `now` when a reminder may be sent: `now` itself inside office hours,
// else the start of office hours on the next working day (today's, when `now` is before it).
LocalTime NextSendingTime(const WorkingCalendar& calendar, const OfficeHours& hours, LocalTime now);

// Whether a person's daily digest goes at `now`: inside office hours and not yet sent today
// (`last_sent_on` is the date of the last digest, if any).
bool DigestDue(const WorkingCalendar& calendar, const OfficeHours& hours, LocalTime now,
               std::optional<Date> last_sent_on);

enum class ReminderKind { kDueSoon, kDueToday, kOverdue };

// Working days before a deadline at which its reminders start (the default lead times).
// A complaint's acknowledgement and response: the Code's own short clocks.
inline constexpr int kAcknowledgeLeadWorkingDays = 2;
inline constexpr int kRespondLeadWorkingDays = 3;
// The Ombudsman's deadline for information: a week, to gather the file and have it signed off
// (information late is what a type 2 Complaint Handling Failure Order is for).
inline constexpr int kOmbudsmanInformationLeadWorkingDays = 5;
// An Ombudsman order or recommendation: two weeks, as compliance takes a visit, a payment run or
// a policy change, and its evidence is sent to the Ombudsman by the date.
inline constexpr int kOmbudsmanRemedyLeadWorkingDays = 10;
// A Complaint Handling Failure Order: a week; its compliance period is short by design.
inline constexpr int kFailureOrderLeadWorkingDays = 5;
// A learning action: a week, for the owner to finish it or agree a new date.
inline constexpr int kLearningActionLeadWorkingDays = 5;

struct ReminderLeads {
  int acknowledge = kAcknowledgeLeadWorkingDays;
  int respond = kRespondLeadWorkingDays;
  int ombudsman_information = kOmbudsmanInformationLeadWorkingDays;
  int ombudsman_remedy = kOmbudsmanRemedyLeadWorkingDays;
  int failure_order = kFailureOrderLeadWorkingDays;
  int learning_action = kLearningActionLeadWorkingDays;
};

// What a deadline `due` is reminded of on working day `today`: kDueSoon from `lead_working_days`
// working days before it, kDueToday on the day, kOverdue after; nullopt before the lead.
std::optional<ReminderKind> ReminderFor(const WorkingCalendar& calendar, Date due, Date today,
                                        int lead_working_days);

// What a reminder is about: the deadline an open complaint is waiting on (core::PendingDeadline),
// its acknowledgement or its response; the information an Ombudsman asked for; an Ombudsman
// order or recommendation; a Complaint Handling Failure Order; a learning action.
enum class DeadlineKind {
  kAcknowledge,
  kRespond,
  kOmbudsmanInformation,
  kOmbudsmanRemedy,
  kFailureOrder,
  kLearningAction,
};

// One deadline reminded of today (ReminderFor gave `reminder`), with who holds it: `handler` is
// told from the lead on, the managers of `team` once it is overdue. An item nobody holds (neither
// handler nor team: an Ombudsman case about no complaint of ours, a systemic failure order) is
// the complaints officers' from the lead on, and every manager's once overdue.
struct RemindedCase {
  std::string reference;  // the complaint, Ombudsman case, failure order or learning action
  std::string summary;
  std::string team;     // the team handling the case's current stage
  std::string handler;  // username; "" when nobody is assigned
  DeadlineKind deadline = DeadlineKind::kRespond;
  Date due;
  ReminderKind reminder = ReminderKind::kDueSoon;
  std::string detail;  // which order or recommendation, for kOmbudsmanRemedy; "" otherwise
};

// Someone who may receive a digest: only those with an address who have not turned it off.
struct DigestRecipient {
  std::string username;
  std::string team;  // "" = none
  Role role = Role::kViewer;
};

struct Digest {
  std::string username;
  // Overdue first, then due today, then due soon; by due date, then reference, within each.
  std::vector<RemindedCase> cases;
};

// Who is reminded of what today: each handler of their own items (due soon, due today,
// overdue), and each manager of their team's overdue items besides their own; items nobody holds
// as RemindedCase says. An item listed more than once with the same deadline (an Ombudsman case
// about two complaints of one team) appears once in a digest. One digest per recipient with
// anything to say, in the recipients' order; nobody else gets one.
std::vector<Digest> PlanDigests(const std::vector<RemindedCase>& cases,
                                const std::vector<DigestRecipient>& recipients);

}  // namespace redress::core
