#pragma once

// Who was reminded (issue 15; app/reminders.hpp):
//
//   GET /api/v1/reminders?on=YYYY-MM-DD   the digests of a day (today, local, when absent): each
//                                         person, their team, the address, how many items
//
// kViewAudit (each digest is an event of the audit trail already): a manager sees their team's,
// admins and viewers everyone's. It names people and counts, never an item, so a restricted
// complaint is not named here at all.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

void RegisterReminderRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
