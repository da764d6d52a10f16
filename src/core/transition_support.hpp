#pragma once

// The case transitions' shared checks and bookkeeping (defined in transitions.cpp), for the
// transitions kept in files of their own (procedure_transitions.cpp). Not for use outside the
// core's transitions.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/case_actions.hpp"
#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/result.hpp"
#include "core/transitions.hpp"

namespace redress::core::internal {

// kTransitionNotAllowed unless the case's status allows `kind` (core::StatusesAllowing).
Status RequireCaseStatus(const Complaint& complaint, std::string_view action, CaseActionKind kind);

// Adds a FieldError for `field` when `on` is outside the calendar, after today, or before
// `earliest` (called `earliest_what` in the message).
void CheckActionDate(FieldErrors& errors, std::string_view field, Date on, Date today,
                     std::optional<Date> earliest, std::string_view earliest_what);

// Appends field/before/after when before != after.
void RecordChange(std::vector<Change>& changes, std::string field, std::string before,
                  std::string after);

// Derives the current stage's deadlines again from its recorded facts (WithDeadlines).
void RefreshCaseDeadlines(Complaint& complaint, const CaseContext& context);

// The transition with its event: the common changes (status, deadlines, ...) and `specific`.
Transition FinishTransition(const Complaint& before, Complaint after, EventType type,
                            Date occurred_on, const CaseContext& context, std::string summary,
                            std::vector<Change> specific_changes);

}  // namespace redress::core::internal
