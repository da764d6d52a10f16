#pragma once

// The actions a user may take on a complaint, and the one rule for which of them are open now:
// the case's state (the table in transitions.hpp) and the role's permission (permissions.cpp).
// The transitions refuse by the same state rule, and the server lists the open actions with each
// complaint (allowed_actions), so the web app never keeps its own copy of either.

#include <span>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/permissions.hpp"
#include "core/regime.hpp"
#include "core/role.hpp"

namespace redress::core {

// One endpoint each (POST /api/v1/complaints/{reference}/<name>).
enum class CaseActionKind {
  kAcknowledge,
  kExtend,
  kRespond,
  kEscalate,
  kRefuse,
  kWithdraw,
  kClose,
  kReopen,
  kReassign,
  // The statutory procedures' steps (procedure_transitions.hpp), open only at a stage whose rule
  // names them (StageRule::steps).
  kInvestigation,
  kAdjudication,
  kReviewPanel,
  kPanelReport,
  kDiscussionOffer,
  kResponsePeriod,
  kLateNotice,
  // A response recorded in error corrected (transitions.hpp, CorrectResponse).
  kCorrectResponse,
};
inline constexpr CaseActionKind kAllCaseActions[] = {
    CaseActionKind::kAcknowledge,     CaseActionKind::kExtend,
    CaseActionKind::kRespond,         CaseActionKind::kEscalate,
    CaseActionKind::kRefuse,          CaseActionKind::kWithdraw,
    CaseActionKind::kClose,           CaseActionKind::kReopen,
    CaseActionKind::kReassign,        CaseActionKind::kInvestigation,
    CaseActionKind::kAdjudication,    CaseActionKind::kReviewPanel,
    CaseActionKind::kPanelReport,     CaseActionKind::kDiscussionOffer,
    CaseActionKind::kResponsePeriod,  CaseActionKind::kLateNotice,
    CaseActionKind::kCorrectResponse,
};
// "acknowledge", "extend", ... : the last segment of the action's path.
std::string_view ToString(CaseActionKind kind);

// The permission the action needs (the role table in permissions.cpp).
Permission PermissionFor(CaseActionKind kind);

// The statuses from which the action may be taken (the table in transitions.hpp).
std::span<const CaseStatus> StatusesAllowing(CaseActionKind kind);

// The statutory steps a stage must record for the action to be open there (kNone for the
// actions every stage has).
StatutorySteps StepsOf(CaseActionKind kind);

// Whether the case's state allows the action now: its status is one of StatusesAllowing, for
// an escalation, the current stage is not the regime's final one, and for a procedure's step, the
// current stage's rule names its steps (StepsOf). The action's input may still
// be refused (a date, a missing reason, a handler who is not independent).
bool StateAllows(const Complaint& complaint, CaseActionKind kind);

// Whether the stage's review panel has met in its current round (since its start or latest
// reopening): its report can be recorded only then.
bool PanelMetThisRound(const Stage& stage);

// Whether `person` handled or answered a stage of `complaint` numbered below `stage_number`.
// Code 6.13: such a person may not handle that stage, as a later stage is a fresh look; applied
// to every regime.
bool HandledEarlierStage(const Complaint& complaint, int stage_number, std::string_view person);

// Whether the user `username`, in `role`, may handle stage `stage_number` of `complaint`: the
// role answers stages (Permission::kRespond; not a viewer) and the user handled no earlier stage
// (HandledEarlierStage). The one rule the escalation and reassignment forms' choice of handlers
// (GET /api/v1/complaints/{reference}/eligible-handlers) and the respond button follow; who may
// see a restricted case is the app's visibility rule on top.
bool MayHandleStage(const Complaint& complaint, int stage_number, Role role,
                    std::string_view username);
// Its role part: whether `role` answers stages at all.
bool RoleHandlesStages(Role role);

// The actions `role` may take on `complaint` now (StateAllows and the role's permission), in the
// order of kAllCaseActions. Visibility is not judged here: a case the user may not see is not
// shown to them at all. With a `username`, the actions that answer the current stage (respond,
// correct a response) are left out when that user may not handle it (MayHandleStage).
std::vector<CaseActionKind> AllowedActions(Role role, const Complaint& complaint,
                                           std::string_view username = {});

}  // namespace redress::core
