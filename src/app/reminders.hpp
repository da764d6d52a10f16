#pragma once

// Staff reminders (issue 15): once a working day, inside office hours, each user with an email
// address and the digest on gets one email naming their deadlines due soon, due today and
// overdue — complaints, Ombudsman information, orders and failure orders, learning actions — (a
// manager also their team's overdue ones; core/reminders.hpp and core/reminder_items.hpp say who
// holds what), each with a link, and nothing about a restricted complaint they may not see
// (app/visibility.hpp); queued in the outbox with the digest's record and
// an audit event in one transaction. At most once per person per day: the digest's unique key
// (person, day) holds it whoever runs the schedule, however often. When and what are the core's
// rules (core/reminders.hpp); the local time is the caller's, so a test can fix it.

#include <cstdint>
#include <string>

#include "app/mailer.hpp"
#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/reminders.hpp"

namespace redress::app {

struct ReminderSettings {
  core::OfficeHours hours;
  core::ReminderLeads leads;
  std::string mail_domain{kMessageIdDomain};  // the right-hand side of the digests' Message-IDs
  // Where the web app is served ("https://complaints.council.example"), before each item's
  // link; "" leaves the links as paths of the web app.
  std::string app_url;
};

struct ReminderRun {
  bool in_office_hours = false;
  int queued = 0;        // digests queued by this run
  int already_sent = 0;  // people who had today's digest already
};

// Queues the digests due at `now` (the organisation's local time): none outside office hours or
// on a day that is not a working day of the organisation's calendar. Errors are the store's.
Result<ReminderRun> QueueReminderDigests(Store& store, const Clock& clock,
                                         const ReminderSettings& settings, core::LocalTime now);

// One person's digest of a day as a manager sees it: who, where it went, how many items.
struct ReminderDigestSummary {
  std::string username;
  std::string display_name;
  std::string team;
  core::Date sent_on;
  std::string recipient;  // the address it was queued to
  int items = 0;
  std::string created_at;  // when it was queued, RFC 3339 UTC
};

// Who was sent a digest on `day` (issue 15: "managers see who was reminded"), by username: a
// manager sees their own team's (a manager in no team, nobody's); the other readers of the audit
// trail (kViewAudit: admins and viewers, who read each digest's event there already) everyone's;
// anyone else nobody's. Errors are the store's.
Result<std::vector<ReminderDigestSummary>> ListReminderDigests(Store& store, const Actor& actor,
                                                               core::Date day);

// The process's local time at `unix_seconds` (the server runs in the organisation's time zone,
// TZ=Europe/London for an English council).
core::LocalTime LocalTimeOf(std::int64_t unix_seconds);

}  // namespace redress::app
