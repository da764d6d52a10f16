#include "app/reminders.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "app/correspondence_settings.hpp"
#include "app/organisation.hpp"
#include "app/store_values.hpp"
#include "app/visibility.hpp"
#include "core/permissions.hpp"
#include "core/regime_calendars.hpp"
#include "core/reminder_items.hpp"
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
           *row.due_on, *reminder, ""});
    }
    if (static_cast<int>(rows->size()) < query.limit) break;
    query.after = CursorAfter(rows->back(), query.sort);
  }
  return cases;
}

// Who holds each complaint that an Ombudsman case names (those that exist).
Result<core::ComplaintHolders> HoldersOf(Tx& tx, const std::vector<core::OmbudsmanCase>& cases) {
  core::ComplaintHolders holders;
  for (const core::OmbudsmanCase& ombudsman_case : cases) {
    for (const std::string& reference : ombudsman_case.complaints) {
      if (holders.contains(reference)) continue;
      auto complaint = tx.Complaints().Load(reference);
      if (!complaint) {
        if (complaint.error().code == core::ErrorCode::kNotFound) continue;
        return tl::unexpected(complaint.error());
      }
      const core::Stage& stage = complaint->current_stage();
      holders.emplace(reference, core::ComplaintHolder{stage.team, stage.handler});
    }
  }
  return holders;
}

// Everything reminded of today besides complaints: the Ombudsman's deadlines and the learning
// actions (core/reminder_items.hpp), on the organisation's calendar.
Result<std::vector<core::RemindedCase>> OtherItemsToRemind(
    Tx& tx, const core::WorkingCalendar& organisation, const core::ReminderLeads& leads,
    const std::vector<User>& users, core::Date today) {
  auto cases = tx.Ombudsman().ListCases("");
  if (!cases) return tl::unexpected(cases.error());
  auto orders = tx.Ombudsman().ListFailureOrders();
  if (!orders) return tl::unexpected(orders.error());
  auto holders = HoldersOf(tx, *cases);
  if (!holders) return tl::unexpected(holders.error());
  std::vector<core::RemindedCase> items =
      core::OmbudsmanReminders(organisation, leads, today, *cases, *orders, *holders);
  auto actions = tx.Learning().ListActions();
  if (!actions) return tl::unexpected(actions.error());
  std::map<std::string, std::string, std::less<>> team_of;
  for (const User& user : users) team_of.emplace(user.username, user.team);
  for (core::RemindedCase& item :
       core::LearningReminders(organisation, leads, today, *actions, team_of)) {
    items.push_back(std::move(item));
  }
  return items;
}

// The digest without what its recipient may not see (app/visibility.hpp: an item about a
// restricted complaint, directly or through an Ombudsman case, a failure order or a learning
// action, is kept only for those who see the complaint).
Status KeepVisible(Tx& tx, const User& user, core::Digest& digest) {
  const Actor actor{user.username, user.role, user.team, Reach::kOwnTeam};
  Visibility visibility(tx, actor);
  std::vector<core::RemindedCase> kept;
  for (core::RemindedCase& item : digest.cases) {
    auto seen = visibility.SeesReference(item.reference);
    if (!seen) return tl::unexpected(seen.error());
    if (*seen) kept.push_back(std::move(item));
  }
  digest.cases = std::move(kept);
  return {};
}

// Where the web app shows the record an item is about.
std::string PathOf(const core::RemindedCase& item) {
  switch (item.deadline) {
    case core::DeadlineKind::kOmbudsmanInformation:
    case core::DeadlineKind::kOmbudsmanRemedy:
      return "/ombudsman/cases/" + item.reference;
    case core::DeadlineKind::kFailureOrder:
      return "/ombudsman/failure-orders/" + item.reference;
    case core::DeadlineKind::kLearningAction:
      return "/learning/" + item.reference;
    case core::DeadlineKind::kAcknowledge:
    case core::DeadlineKind::kRespond:
      break;
  }
  return "/cases/" + item.reference;
}

// What is due, as the digest words it.
std::string DeadlineText(const core::RemindedCase& item) {
  switch (item.deadline) {
    case core::DeadlineKind::kAcknowledge:
      return "Acknowledgement";
    case core::DeadlineKind::kRespond:
      return "Response";
    case core::DeadlineKind::kOmbudsmanInformation:
      return "Information for the Ombudsman";
    case core::DeadlineKind::kOmbudsmanRemedy:
      return "Ombudsman order or recommendation \"" + item.detail + "\"";
    case core::DeadlineKind::kFailureOrder:
      return "Complaint Handling Failure Order";
    case core::DeadlineKind::kLearningAction:
      break;
  }
  return "Learning action";
}

// A link is made clickable in the HTML only when it holds nothing HTML would escape.
bool PlainUrl(std::string_view url) {
  return std::all_of(url.begin(), url.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0 ||
           std::string_view(":/._-~%?=+").find(c) != std::string_view::npos;
  });
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

// The digest's text, in the letters' plain-text form ("# " headings, blank-line paragraphs):
// each item with its deadline and a link to it.
std::string DigestText(const User& user, const core::Digest& digest, core::Date today,
                       std::string_view app_url) {
  std::string text = "# Deadlines due, " + letters::LongDate(today) + "\n\n";
  text += "Dear " + user.display_name + ",\n\n";
  std::optional<core::ReminderKind> section;
  for (const core::RemindedCase& reminded : digest.cases) {
    if (section != reminded.reminder) {
      section = reminded.reminder;
      text += "# " + std::string(HeadingOf(reminded.reminder)) + "\n\n";
    }
    text += reminded.reference + ": " + reminded.summary + ". ";
    text += DeadlineText(reminded) + " due " + letters::LongDate(reminded.due);
    if (reminded.handler != user.username) {
      text += reminded.handler.empty() ? " (nobody assigned)" : " (" + reminded.handler + ")";
    }
    text += ". " + std::string(app_url) + PathOf(reminded) + "\n\n";
  }
  text +=
      "You receive this email once a working day, in office hours, while you have deadlines "
      "due. An administrator can turn it off on your user page.\n";
  return text;
}

// The HTML of the digest, its links clickable.
std::string DigestHtml(std::string_view text, const core::Digest& digest,
                       std::string_view app_url) {
  std::string html = letters::EmailHtml(text);
  std::set<std::string> done;
  for (const core::RemindedCase& reminded : digest.cases) {
    const std::string url = std::string(app_url) + PathOf(reminded);
    if (!PlainUrl(url) || !done.insert(url).second) continue;
    const std::string anchor = "<a href=\"" + url + "\">" + url + "</a>";
    std::size_t at = html.find(url);
    while (at != std::string::npos) {
      // Whole links only: "/cases/C-1" must not match inside "/cases/C-10".
      const std::size_t end = at + url.size();
      if (end < html.size() && PlainUrl(std::string_view(html).substr(end, 1))) {
        at = html.find(url, end);
        continue;
      }
      html.replace(at, url.size(), anchor);
      at = html.find(url, at + anchor.size());
    }
  }
  return html;
}

std::string SubjectOf(const core::Digest& digest) {
  int overdue = 0;
  for (const core::RemindedCase& reminded : digest.cases) {
    if (reminded.reminder == core::ReminderKind::kOverdue) ++overdue;
  }
  std::string subject = "Deadlines due: " + std::to_string(digest.cases.size()) +
                        (digest.cases.size() == 1 ? " item" : " items");
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
    auto others = OtherItemsToRemind(tx, **calendar, settings.leads, *users, now.date);
    if (!others) return tl::unexpected(others.error());
    cases->insert(cases->end(), others->begin(), others->end());
    const std::int64_t now_unix = clock.NowUnixSeconds();
    for (core::Digest& digest : core::PlanDigests(*cases, recipients)) {
      if (already.contains(digest.username)) {
        ++run.already_sent;
        continue;
      }
      const User& user = *std::find_if(users->begin(), users->end(), [&](const User& candidate) {
        return candidate.username == digest.username;
      });
      if (Status visible = KeepVisible(tx, user, digest); !visible) {
        return tl::unexpected(visible.error());
      }
      if (digest.cases.empty()) continue;
      std::string text = DigestText(user, digest, now.date, settings.app_url);
      ReminderDigestRecord record;
      record.username = user.username;
      record.sent_on = now.date;
      record.recipient = user.email;
      record.subject = SubjectOf(digest);
      record.text = letters::EmailText(text);
      record.html = DigestHtml(text, digest, settings.app_url);
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

Result<std::vector<ReminderDigestSummary>> ListReminderDigests(Store& store, const Actor& actor,
                                                               core::Date day) {
  return ReadValue<std::vector<ReminderDigestSummary>>(
      store, [&](Tx& tx) -> Result<std::vector<ReminderDigestSummary>> {
        std::vector<ReminderDigestSummary> summaries;
        // Managers oversee their team; the audit's other readers the whole organisation.
        if (!core::Allows(actor.role, core::Permission::kViewAudit)) return summaries;
        const bool everyone = actor.role != core::Role::kManager;
        if (!everyone && actor.team.empty()) return summaries;
        auto users = tx.Accounts().ListUsers();
        if (!users) return tl::unexpected(users.error());
        std::map<std::string, const User*, std::less<>> by_username;
        for (const User& user : *users) by_username.emplace(user.username, &user);
        auto digests = tx.Reminders().SentOn(day);
        if (!digests) return tl::unexpected(digests.error());
        for (const ReminderDigestRecord& digest : *digests) {
          auto user = by_username.find(digest.username);
          if (user == by_username.end()) continue;
          if (!everyone && user->second->team != actor.team) continue;
          summaries.push_back({digest.username, user->second->display_name, user->second->team,
                               digest.sent_on, digest.recipient, digest.cases, digest.created_at});
        }
        return summaries;
      });
}

}  // namespace redress::app
