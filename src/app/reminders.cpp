#include "app/reminders.hpp"

#include <algorithm>
#include <ctime>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/correspondence_settings.hpp"
#include "app/organisation.hpp"
#include "app/store_values.hpp"
#include "core/regime_calendars.hpp"
#include "letters/email_body.hpp"
#include "letters/letter_template.hpp"

namespace redress::app {
namespace {

// Rows read per page of the case list while collecting what is due.
constexpr int kCasesPerPage = 500;
// Calendar days ahead that surely hold `lead` working days on any regime's calendar (a long
// closure at Christmas included).
constexpr int CalendarDaysCovering(int lead) { return 2 * lead + 14; }

constexpr int kSecondsPerMinute = 60;
constexpr int kMinutesPerHour = 60;
constexpr int kFirstYear = 1900;

// The open cases whose pending deadline is reminded of today, across every page of the list.
Result<std::vector<core::RemindedCase>> CasesToRemind(Tx& tx,
                                                      const core::WorkingCalendar& organisation,
                                                      const core::ReminderLeads& leads,
                                                      core::Date today) {
  ComplaintQuery query;
  query.due_before =
      today.AddDays(CalendarDaysCovering(std::max(leads.acknowledge, leads.respond)));
  query.sort = ComplaintSort::kDueOn;
  query.limit = kCasesPerPage;
  std::vector<core::RemindedCase> cases;
  for (;;) {
    auto rows = tx.Complaints().List(query);
    if (!rows) return tl::unexpected(rows.error());
    for (const ComplaintRow& row : *rows) {
      if (!row.due_on) continue;
      const bool acknowledging = row.status == core::CaseStatus::kAwaitingAcknowledgement;
      std::optional<core::ReminderKind> reminder =
          core::ReminderFor(core::CalendarFor(row.regime, organisation), *row.due_on, today,
                            acknowledging ? leads.acknowledge : leads.respond);
      if (!reminder) continue;
      cases.push_back(
          {row.reference, row.summary, row.team, row.handler,
           acknowledging ? core::DeadlineKind::kAcknowledge : core::DeadlineKind::kRespond,
           *row.due_on, *reminder});
    }
    if (static_cast<int>(rows->size()) < query.limit) break;
    query.after = CursorAfter(rows->back(), query.sort);
  }
  return cases;
}

std::string_view HeadingOf(core::ReminderKind kind) {
  switch (kind) {
    case core::ReminderKind::kOverdue:
      return "Overdue";
    case core::ReminderKind::kDueToday:
      return "Due today";
    case core::ReminderKind::kDueSoon:
      break;
  }
  return "Due soon";
}

// The digest's text, in the letters' plain-text form ("# " headings, blank-line paragraphs).
std::string DigestText(const User& user, const core::Digest& digest, core::Date today) {
  std::string text = "# Complaints due, " + letters::LongDate(today) + "\n\n";
  text += "Dear " + user.display_name + ",\n\n";
  std::optional<core::ReminderKind> section;
  for (const core::RemindedCase& reminded : digest.cases) {
    if (section != reminded.reminder) {
      section = reminded.reminder;
      text += "# " + std::string(HeadingOf(reminded.reminder)) + "\n\n";
    }
    text += reminded.reference + ": " + reminded.summary + ". ";
    text += reminded.deadline == core::DeadlineKind::kAcknowledge ? "Acknowledgement" : "Response";
    text += " due " + letters::LongDate(reminded.due);
    if (reminded.handler != user.username) {
      text += reminded.handler.empty() ? " (nobody assigned)" : " (" + reminded.handler + ")";
    }
    text += ".\n\n";
  }
  text +=
      "You receive this email once a working day, in office hours, while you have cases due. "
      "An administrator can turn it off on your user page.\n";
  return text;
}

std::string SubjectOf(const core::Digest& digest) {
  int overdue = 0;
  for (const core::RemindedCase& reminded : digest.cases) {
    if (reminded.reminder == core::ReminderKind::kOverdue) ++overdue;
  }
  std::string subject = "Complaints due: " + std::to_string(digest.cases.size()) +
                        (digest.cases.size() == 1 ? " case" : " cases");
  if (overdue > 0) subject += ", " + std::to_string(overdue) + " overdue";
  return subject;
}

}  // namespace

core::LocalTime LocalTimeOf(std::int64_t unix_seconds) {
  std::time_t seconds = static_cast<std::time_t>(unix_seconds);
  std::tm local{};
  localtime_r(&seconds, &local);
  auto date = core::Date::FromYmd(local.tm_year + kFirstYear, local.tm_mon + 1, local.tm_mday);
  return {date.value_or(core::Date()), local.tm_hour * kMinutesPerHour + local.tm_min};
}

Result<ReminderRun> QueueReminderDigests(Store& store, const Clock& clock,
                                         const ReminderSettings& settings, core::LocalTime now) {
  return WriteValue<ReminderRun>(store, [&](Tx& tx) -> Result<ReminderRun> {
    ReminderRun run;
    auto calendar = LoadCalendar(tx);
    if (!calendar) return tl::unexpected(calendar.error());
    // Saved on the admin page they win over the serve flag's (app/correspondence_settings.hpp).
    auto hours = OfficeHoursIn(tx, settings.hours);
    if (!hours) return tl::unexpected(hours.error());
    run.in_office_hours = core::InOfficeHours(**calendar, *hours, now);
    if (!run.in_office_hours) return run;

    auto sent = tx.Reminders().SentOn(now.date);
    if (!sent) return tl::unexpected(sent.error());
    std::set<std::string> already;
    for (const ReminderDigestRecord& digest : *sent) already.insert(digest.username);
    auto users = tx.Accounts().ListUsers();
    if (!users) return tl::unexpected(users.error());
    std::vector<core::DigestRecipient> recipients;
    for (const User& user : *users) {
      if (!user.active || user.email.empty() || user.reminder_digest != ReminderDigest::kDaily) {
        continue;
      }
      recipients.push_back({user.username, user.team, user.role});
    }
    if (recipients.empty()) return run;

    auto cases = CasesToRemind(tx, **calendar, settings.leads, now.date);
    if (!cases) return tl::unexpected(cases.error());
    const std::int64_t now_unix = clock.NowUnixSeconds();
    for (const core::Digest& digest : core::PlanDigests(*cases, recipients)) {
      if (already.contains(digest.username)) {
        ++run.already_sent;
        continue;
      }
      const User& user = *std::find_if(users->begin(), users->end(), [&](const User& candidate) {
        return candidate.username == digest.username;
      });
      std::string text = DigestText(user, digest, now.date);
      ReminderDigestRecord record;
      record.username = user.username;
      record.sent_on = now.date;
      record.recipient = user.email;
      record.subject = SubjectOf(digest);
      record.text = letters::EmailText(text);
      record.html = letters::EmailHtml(text);
      record.cases = static_cast<int>(digest.cases.size());
      record.created_at = clock.NowRfc3339();
      auto stored = tx.Reminders().Insert(std::move(record));
      if (!stored) return tl::unexpected(stored.error());

      OutboxMessage message;
      message.digest_id = stored->id;
      message.message_id =
          "<digest-" + user.username + "-" + now.date.ToIso() + "@" + settings.mail_domain + ">";
      message.recipient = user.email;
      message.created_at = now_unix;
      message.next_attempt_at = now_unix;
      if (auto queued = tx.Outbox().Enqueue(std::move(message)); !queued) {
        return tl::unexpected(queued.error());
      }
      std::string references;
      for (const core::RemindedCase& reminded : digest.cases) {
        if (!references.empty()) references += " ";
        references += reminded.reference;
      }
      core::CaseEvent event{core::EventType::kReminderDigestQueued,
                            now.date,
                            SystemActor().username,
                            0,
                            "Reminder digest for " + user.username + " queued",
                            {{"recipient", "", user.email}, {"cases", "", references}}};
      if (auto appended = tx.Events().Append(EntityType::kUser, user.username, event); !appended) {
        return tl::unexpected(appended.error());
      }
      ++run.queued;
    }
    return run;
  });
}

}  // namespace redress::app
