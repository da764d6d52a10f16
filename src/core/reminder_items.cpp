#include "core/reminder_items.hpp"

#include <optional>

namespace redress::core {
namespace {

// One item per holder of the complaints `complaints` names; one nobody holds when none is known.
void AddForHolders(std::vector<RemindedCase>& items, const RemindedCase& item,
                   const std::vector<std::string>& complaints, const ComplaintHolders& holders) {
  bool held = false;
  for (const std::string& complaint : complaints) {
    auto holder = holders.find(complaint);
    if (holder == holders.end()) continue;
    RemindedCase copy = item;
    copy.team = holder->second.team;
    copy.handler = holder->second.handler;
    items.push_back(std::move(copy));
    held = true;
  }
  if (!held) items.push_back(item);
}

void AddIfDue(std::vector<RemindedCase>& items, const WorkingCalendar& calendar, Date today,
              int lead, RemindedCase item, const std::vector<std::string>& complaints,
              const ComplaintHolders& holders) {
  std::optional<ReminderKind> reminder = ReminderFor(calendar, item.due, today, lead);
  if (!reminder) return;
  item.reminder = *reminder;
  AddForHolders(items, item, complaints, holders);
}

}  // namespace

std::vector<RemindedCase> OmbudsmanReminders(const WorkingCalendar& calendar,
                                             const ReminderLeads& leads, Date today,
                                             const std::vector<OmbudsmanCase>& cases,
                                             const std::vector<FailureOrder>& orders,
                                             const ComplaintHolders& holders) {
  std::vector<RemindedCase> items;
  std::map<std::string, const OmbudsmanCase*, std::less<>> by_reference;
  for (const OmbudsmanCase& c : cases) {
    by_reference.emplace(c.reference, &c);
    if (c.information_due_on && !c.information_sent_on && !c.final_decision_on) {
      RemindedCase item;
      item.reference = c.reference;
      item.summary = c.summary;
      item.deadline = DeadlineKind::kOmbudsmanInformation;
      item.due = *c.information_due_on;
      AddIfDue(items, calendar, today, leads.ombudsman_information, item, c.complaints, holders);
    }
    for (const OmbudsmanRemedy& remedy : c.remedies) {
      if (remedy.completed_on) continue;
      RemindedCase item;
      item.reference = c.reference;
      item.summary = c.summary;
      item.deadline = DeadlineKind::kOmbudsmanRemedy;
      item.due = remedy.due_on;
      item.detail = remedy.description;
      AddIfDue(items, calendar, today, leads.ombudsman_remedy, item, c.complaints, holders);
    }
  }
  for (const FailureOrder& order : orders) {
    if (order.outcome != ChfoOutcome::kPending) continue;
    RemindedCase item;
    item.reference = order.reference;
    item.summary = order.description;
    item.deadline = DeadlineKind::kFailureOrder;
    item.due = order.due_on;
    auto about = by_reference.find(order.ombudsman_case);
    static const std::vector<std::string> kNone;
    AddIfDue(items, calendar, today, leads.failure_order, item,
             about == by_reference.end() ? kNone : about->second->complaints, holders);
  }
  return items;
}

std::vector<RemindedCase> LearningReminders(
    const WorkingCalendar& calendar, const ReminderLeads& leads, Date today,
    const std::vector<LearningAction>& actions,
    const std::map<std::string, std::string, std::less<>>& team_of) {
  std::vector<RemindedCase> items;
  for (const LearningAction& action : actions) {
    if (action.status != LearningStatus::kOpen && action.status != LearningStatus::kInProgress) {
      continue;
    }
    std::optional<ReminderKind> reminder =
        ReminderFor(calendar, action.due_on, today, leads.learning_action);
    if (!reminder) continue;
    RemindedCase item;
    item.reference = action.reference;
    item.summary = action.action;
    item.handler = action.owner;
    if (auto team = team_of.find(action.owner); team != team_of.end()) item.team = team->second;
    item.deadline = DeadlineKind::kLearningAction;
    item.due = action.due_on;
    item.reminder = *reminder;
    items.push_back(std::move(item));
  }
  return items;
}

}  // namespace redress::core
