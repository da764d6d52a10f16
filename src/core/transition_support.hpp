#pragma once

// The case transitions' shared checks and bookkeeping (transition_support.cpp), for the
// transitions of transitions.cpp and those kept in files of their own (procedure_transitions.cpp).
// Not for use outside the core's transitions.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/case_actions.hpp"
#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"
#include "core/transitions.hpp"

namespace redress::core::internal {

// ---- how events read ----------------------------------------------------------------------------

// A date as an event's changes write it; "" for none.
std::string DateText(std::optional<Date> date);

// "Stage 2".
std::string StageLabel(int number);

// ---- changes ------------------------------------------------------------------------------------

// Appends field/before/after when before != after, so events list what actually happened.
void RecordChange(std::vector<Change>& changes, std::string field, std::string before,
                  std::string after);

// The transition with its event: the common changes (status, stage, ownership, the stage's clock
// and closure) and `specific_changes`, the transition's own facts (outcome, reason, ...).
Transition FinishTransition(const Complaint& before, Complaint after, EventType type,
                            Date occurred_on, const CaseContext& context, std::string summary,
                            std::vector<Change> specific_changes = {});

// ---- shared checks ------------------------------------------------------------------------------

// kTransitionNotAllowed unless the case's status allows `kind` (core::StatusesAllowing); `action`
// is the verb of the message ("respond to").
Status RequireCaseStatus(const Complaint& complaint, std::string_view action, CaseActionKind kind);

// A lower bound for a business date, with what it is called in the message.
struct Earliest {
  Date date;
  std::string_view what;  // "the stage start", "the response", ...
};

// Adds a FieldError for `field` when `on` is outside the calendar (kInvalidDate), after today
// (kDateInFuture), or before `earliest` (kDateTooEarly).
void CheckDate(FieldErrors& errors, std::string_view field, Date on, Date today,
               std::optional<Earliest> earliest);
// The same, the lower bound given as a date and what it is called.
void CheckActionDate(FieldErrors& errors, std::string_view field, Date on, Date today,
                     std::optional<Date> earliest, std::string_view earliest_what);

// The latest fact the stage's work counts from: its reopening, acknowledgement or start.
Earliest StageClockDate(const Stage& stage);

// The date the case entered its current status, for the statuses that are left only by Close,
// Escalate or Reopen.
Earliest StatusSince(const Complaint& complaint);

// "actions[2].description": a member of a list's element as field errors name it.
std::string IndexedField(std::string_view list, std::size_t index, std::string_view member = {});

// Adds a kRequired FieldError for `field` when `value` is blank.
void RequireText(FieldErrors& errors, std::string_view field, std::string_view value,
                 std::string_view message);

// ---- a response's checks (Respond, CorrectResponse)
// ------------------------------------------------

// At least one root cause, each one of the organisation's (context.root_causes), none twice.
void ValidateRootCauses(const std::vector<std::string>& root_causes, const CaseContext& context,
                        FieldErrors& errors);
// A remedy unless not upheld; a financial remedy has an amount and no other has one.
void ValidateRemedies(const RespondInput& input, FieldErrors& errors);
// Each outstanding action has a description.
void ValidateActions(const std::vector<Action>& actions, FieldErrors& errors);

// ---- deadlines ----------------------------------------------------------------------------------

// The rules of the Code version the complaint is judged on (its received date picks it).
const StageRule& CurrentRule(const Complaint& complaint);

// The working-day calendar of `regime` in `context` (never null).
const WorkingCalendar& CalendarOf(const CaseContext& context, Regime regime);

// Derives the current stage's deadlines again from its recorded facts (WithDeadlines).
void RefreshCaseDeadlines(Complaint& complaint, const CaseContext& context);

}  // namespace redress::core::internal
