#pragma once

// What the staff digests remind of beyond complaints (issue 15): the information an Ombudsman
// asked for, its orders and recommendations, Complaint Handling Failure Orders, and learning
// actions, as items of PlanDigests (core/reminders.hpp), each with its lead time
// (ReminderLeads). Who holds each, mirroring the complaint rule (the holder from the lead on, the
// holder's team's managers once overdue):
// - an Ombudsman case's deadlines are held by whoever holds the complaints it concerns (their
//   handlers, and their teams' managers); a case about no complaint of ours is nobody's, so the
//   complaints officers (who liaise with the Ombudsman) and, once overdue, every manager;
// - a failure order is held as the Ombudsman case it is about; a systemic one is nobody's;
// - a learning action by its owner, and the owner's team's managers.
// Pure: "today" and the records are parameters.

#include <map>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/date.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"
#include "core/reminders.hpp"

namespace redress::core {

// Who holds a complaint now: its current stage's team and handler ("" when unassigned).
struct ComplaintHolder {
  std::string team;
  std::string handler;
};
using ComplaintHolders = std::map<std::string, ComplaintHolder, std::less<>>;  // by reference

// The Ombudsman cases' and failure orders' deadlines reminded of today on `calendar` (the
// organisation's): information asked for and not yet sent (none once the case is decided),
// orders and recommendations not completed, failure orders pending. One item per holder.
std::vector<RemindedCase> OmbudsmanReminders(const WorkingCalendar& calendar,
                                             const ReminderLeads& leads, Date today,
                                             const std::vector<OmbudsmanCase>& cases,
                                             const std::vector<FailureOrder>& orders,
                                             const ComplaintHolders& holders);

// The learning actions open or in progress whose due date is reminded of today; `team_of` gives
// each owner's team (an owner not in it has none, so only the owner is told).
std::vector<RemindedCase> LearningReminders(
    const WorkingCalendar& calendar, const ReminderLeads& leads, Date today,
    const std::vector<LearningAction>& actions,
    const std::map<std::string, std::string, std::less<>>& team_of);

}  // namespace redress::core
