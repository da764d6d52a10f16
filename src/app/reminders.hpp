#pragma once

// Staff reminders (issue 15): once a working day, inside office hours, each user with an email
// address and the digest on gets one email naming their cases due soon, due today and overdue
// (a manager also their team's overdue cases), queued in the outbox with the digest's record and
// an audit event in one transaction. At most once per person per day: the digest's unique key
// (person, day) holds it whoever runs the schedule, however often. When and what are the core's
// rules (core/reminders.hpp); the local time is the caller's, so a test can fix it.

#include <cstdint>
#include <string>

#include "app/mailer.hpp"
#include "app/ports.hpp"
#include "core/reminders.hpp"

namespace redress::app {

struct ReminderSettings {
  core::OfficeHours hours;
  core::ReminderLeads leads;
  std::string mail_domain{kMessageIdDomain};  // the right-hand side of the digests' Message-IDs
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

// The process's local time at `unix_seconds` (the server runs in the organisation's time zone,
// TZ=Europe/London for an English council).
core::LocalTime LocalTimeOf(std::int64_t unix_seconds);

}  // namespace redress::app
