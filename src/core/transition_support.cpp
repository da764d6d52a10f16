#include "core/transition_support.hpp"

#include <algorithm>
#include <cassert>
#include <span>
#include <utility>

#include "core/regime_calendars.hpp"
#include "core/validation.hpp"

namespace redress::core::internal {
namespace {

// The facts every transition may move: status, stage, ownership, the stage's clock and closure.
// Each transition adds its own facts (outcome, reason, ...) to these.
std::vector<Change> CommonChanges(const Complaint& before, const Complaint& after) {
  std::vector<Change> changes;
  const Stage& from = before.current_stage();
  const Stage& to = after.current_stage();
  RecordChange(changes, "status", std::string(ToString(before.status)),
               std::string(ToString(after.status)));
  RecordChange(changes, "stage", std::to_string(from.number), std::to_string(to.number));
  RecordChange(changes, "team", from.team, to.team);
  RecordChange(changes, "handler", from.handler, to.handler);
  RecordChange(changes, "acknowledged_on", DateText(from.acknowledged_on),
               DateText(to.acknowledged_on));
  RecordChange(changes, "acknowledge_by", DateText(from.acknowledge_by),
               DateText(to.acknowledge_by));
  RecordChange(changes, "respond_by_original", DateText(from.respond_by_original),
               DateText(to.respond_by_original));
  RecordChange(changes, "respond_by", DateText(from.respond_by), DateText(to.respond_by));
  RecordChange(changes, "closed_on", DateText(before.closed_on), DateText(after.closed_on));
  RecordChange(changes, "reopen_count", std::to_string(before.reopen_count),
               std::to_string(after.reopen_count));
  return changes;
}

}  // namespace

std::string DateText(std::optional<Date> date) { return date ? date->ToIso() : std::string(); }

std::string StageLabel(int number) { return "Stage " + std::to_string(number); }

// ---- changes ------------------------------------------------------------------------------------

// Records a change only when something changed, so events list what actually happened.
void RecordChange(std::vector<Change>& changes, std::string field, std::string before,
                  std::string after) {
  if (before == after) return;
  changes.push_back({std::move(field), std::move(before), std::move(after)});
}

Transition FinishTransition(const Complaint& before, Complaint after, EventType type,
                            Date occurred_on, const CaseContext& context, std::string summary,
                            std::vector<Change> specific_changes) {
  std::vector<Change> changes = CommonChanges(before, after);
  changes.insert(changes.end(), std::make_move_iterator(specific_changes.begin()),
                 std::make_move_iterator(specific_changes.end()));
  CaseEvent event{type,
                  occurred_on,
                  context.actor,
                  after.current_stage().number,
                  std::move(summary),
                  std::move(changes)};
  return Transition{std::move(after), std::move(event)};
}

// ---- shared checks ------------------------------------------------------------------------------

// Refuses an action the case's status does not allow (StatusesAllowing, the table in
// transitions.hpp); `action` is the verb of the message ("respond to").
Status RequireCaseStatus(const Complaint& complaint, std::string_view action, CaseActionKind kind) {
  const std::span<const CaseStatus> allowed = StatusesAllowing(kind);
  if (std::find(allowed.begin(), allowed.end(), complaint.status) != allowed.end()) return {};
  return Fail(ErrorCode::kTransitionNotAllowed, "cannot " + std::string(action) +
                                                    " a complaint that is " +
                                                    std::string(ToString(complaint.status)));
}

// Adds a FieldError when `on` is outside the calendar, after today, or before `earliest`.
void CheckDate(FieldErrors& errors, std::string_view field, Date on, Date today,
               std::optional<Earliest> earliest) {
  if (!InCalendarRange(on)) {
    errors.Add(std::string(field),
               "must be within the years " + std::to_string(kFirstCalendarYear) + " to " +
                   std::to_string(kLastCalendarYear),
               FieldErrorCode::kInvalidDate);
  } else if (on > today) {
    errors.Add(std::string(field), "must not be in the future (today is " + today.ToIso() + ")",
               FieldErrorCode::kDateInFuture);
  } else if (earliest && on < earliest->date) {
    errors.Add(
        std::string(field),
        "must not be before " + std::string(earliest->what) + " (" + earliest->date.ToIso() + ")",
        FieldErrorCode::kDateTooEarly);
  }
}

// The latest fact the stage's work counts from: its reopening, acknowledgement or start.
Earliest StageClockDate(const Stage& stage) {
  Earliest latest{stage.started_on, "the stage start"};
  if (stage.acknowledged_on && *stage.acknowledged_on > latest.date) {
    latest = {*stage.acknowledged_on, "the acknowledgement"};
  }
  if (stage.reopened_on && *stage.reopened_on > latest.date) {
    latest = {*stage.reopened_on, "the reopening"};
  }
  return latest;
}

// The date the case entered its current status, for the statuses that are left only by Close,
// Escalate or Reopen.
Earliest StatusSince(const Complaint& complaint) {
  const Stage& stage = complaint.current_stage();
  switch (complaint.status) {
    case CaseStatus::kClosed:
      if (complaint.closed_on) return {*complaint.closed_on, "the closure"};
      break;
    case CaseStatus::kWithdrawn:
      if (complaint.withdrawal) return {complaint.withdrawal->withdrawn_on, "the withdrawal"};
      break;
    case CaseStatus::kNotAccepted:
      if (complaint.refusal) return {complaint.refusal->decided_on, "the refusal"};
      break;
    default:
      break;
  }
  if (stage.response) return {stage.response->responded_on, "the response"};
  return StageClockDate(stage);
}

void CheckActionDate(FieldErrors& errors, std::string_view field, Date on, Date today,
                     std::optional<Date> earliest, std::string_view earliest_what) {
  CheckDate(errors, field, on, today,
            earliest ? std::optional<Earliest>(Earliest{*earliest, earliest_what}) : std::nullopt);
}

// The rules of the Code version the complaint is judged on (its received date picks it).
const StageRule& CurrentRule(const Complaint& complaint) {
  return RulesFor(complaint.regime, complaint.received_on).stage(complaint.current_stage().number);
}

const WorkingCalendar& CalendarOf(const CaseContext& context, Regime regime) {
  assert(context.calendar != nullptr && "CaseContext::calendar is never null");
  return CalendarFor(regime, *context.calendar);
}

void RefreshCaseDeadlines(Complaint& complaint, const CaseContext& context) {
  complaint.current_stage() =
      WithDeadlines(std::move(complaint.current_stage()), CurrentRule(complaint),
                    CalendarOf(context, complaint.regime));
}

std::string IndexedField(std::string_view list, std::size_t index, std::string_view member) {
  std::string field = std::string(list) + "[" + std::to_string(index) + "]";
  if (!member.empty()) field += "." + std::string(member);
  return field;
}

void RequireText(FieldErrors& errors, std::string_view field, std::string_view value,
                 std::string_view message) {
  if (IsBlank(value)) {
    errors.Add(std::string(field), std::string(message), FieldErrorCode::kRequired);
  }
}

// ---- a response's checks ----------------------------------------------------------------------

void ValidateRootCauses(const std::vector<std::string>& root_causes, const CaseContext& context,
                        FieldErrors& errors) {
  if (root_causes.empty()) {
    errors.Add("root_causes", "at least one root cause is required", FieldErrorCode::kRequired);
    return;
  }
  for (std::size_t i = 0; i < root_causes.size(); ++i) {
    const std::string& code = root_causes[i];
    const bool known = context.root_causes != nullptr && context.root_causes->contains(code);
    const bool repeated =
        std::find(root_causes.begin(), root_causes.begin() + static_cast<std::ptrdiff_t>(i),
                  code) != root_causes.begin() + static_cast<std::ptrdiff_t>(i);
    if (!known) {
      errors.Add(IndexedField("root_causes", i), "unknown root cause \"" + code + "\"",
                 FieldErrorCode::kUnknownReference);
    } else if (repeated) {
      errors.Add(IndexedField("root_causes", i), "root cause \"" + code + "\" is given twice",
                 FieldErrorCode::kDuplicate);
    }
  }
}

void ValidateRemedies(const RespondInput& input, FieldErrors& errors) {
  const bool remedy_expected = input.outcome && *input.outcome != Outcome::kNotUpheld;
  if (remedy_expected && input.remedies.empty()) {
    errors.Add("remedies", "an upheld or partly upheld complaint needs at least one remedy",
               FieldErrorCode::kRequired);
  }
  for (std::size_t i = 0; i < input.remedies.size(); ++i) {
    const Remedy& remedy = input.remedies[i];
    if (remedy.type == RemedyType::kFinancial && remedy.amount_pence <= 0) {
      errors.Add(IndexedField("remedies", i, "amount_pence"),
                 "a financial remedy needs an amount greater than zero",
                 FieldErrorCode::kOutOfRange);
    } else if (remedy.type != RemedyType::kFinancial && remedy.amount_pence != 0) {
      errors.Add(IndexedField("remedies", i, "amount_pence"),
                 "only a financial remedy has an amount", FieldErrorCode::kNotAllowedInState);
    }
  }
}

void ValidateActions(const std::vector<Action>& actions, FieldErrors& errors) {
  for (std::size_t i = 0; i < actions.size(); ++i) {
    RequireText(errors, IndexedField("actions", i, "description"), actions[i].description,
                "an action needs a description");
  }
}

}  // namespace redress::core::internal
