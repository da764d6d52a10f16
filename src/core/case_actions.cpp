#include "core/case_actions.hpp"

#include <algorithm>
#include <array>

#include "core/enum_names.hpp"
#include "core/regime.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<CaseActionKind, 17> kCaseActionNames{{
    {CaseActionKind::kAcknowledge, "acknowledge"},
    {CaseActionKind::kExtend, "extend"},
    {CaseActionKind::kRespond, "respond"},
    {CaseActionKind::kEscalate, "escalate"},
    {CaseActionKind::kRefuse, "refuse"},
    {CaseActionKind::kWithdraw, "withdraw"},
    {CaseActionKind::kClose, "close"},
    {CaseActionKind::kReopen, "reopen"},
    {CaseActionKind::kReassign, "reassign"},
    {CaseActionKind::kInvestigation, "investigation"},
    {CaseActionKind::kAdjudication, "adjudication"},
    {CaseActionKind::kReviewPanel, "review-panel"},
    {CaseActionKind::kPanelReport, "panel-report"},
    {CaseActionKind::kDiscussionOffer, "discussion-offer"},
    {CaseActionKind::kResponsePeriod, "response-period"},
    {CaseActionKind::kLateNotice, "late-notice"},
    {CaseActionKind::kCorrectResponse, "correct-response"},
}};

using S = CaseStatus;
constexpr std::array kAwaitingAcknowledgement{S::kAwaitingAcknowledgement};
constexpr std::array kInProgress{S::kInProgress};
constexpr std::array kResponded{S::kResponded};
constexpr std::array kOpen{S::kAwaitingAcknowledgement, S::kInProgress};
constexpr std::array kAnswered{S::kResponded, S::kClosed};
constexpr std::array kEnded{S::kResponded, S::kClosed, S::kWithdrawn, S::kNotAccepted};
constexpr std::array kHandled{S::kAwaitingAcknowledgement, S::kInProgress, S::kResponded};

}  // namespace

std::string_view ToString(CaseActionKind kind) { return NameOf(kCaseActionNames, kind); }

Permission PermissionFor(CaseActionKind kind) {
  switch (kind) {
    case CaseActionKind::kAcknowledge:
      return Permission::kAcknowledge;
    case CaseActionKind::kExtend:
      return Permission::kExtend;
    case CaseActionKind::kRespond:
    case CaseActionKind::kCorrectResponse:
      return Permission::kRespond;
    case CaseActionKind::kEscalate:
      return Permission::kEscalate;
    case CaseActionKind::kRefuse:
      return Permission::kRefuse;
    case CaseActionKind::kWithdraw:
      return Permission::kWithdraw;
    case CaseActionKind::kClose:
      return Permission::kClose;
    case CaseActionKind::kReopen:
      return Permission::kReopen;
    case CaseActionKind::kReassign:
      return Permission::kReassign;
    // The procedure's steps are the handling of a stage, like acknowledging it.
    case CaseActionKind::kInvestigation:
    case CaseActionKind::kAdjudication:
    case CaseActionKind::kReviewPanel:
    case CaseActionKind::kPanelReport:
    case CaseActionKind::kDiscussionOffer:
    case CaseActionKind::kResponsePeriod:
    case CaseActionKind::kLateNotice:
      return Permission::kAcknowledge;
  }
  return Permission::kManageConfiguration;  // unreachable: every kind is listed
}

std::span<const CaseStatus> StatusesAllowing(CaseActionKind kind) {
  switch (kind) {
    case CaseActionKind::kAcknowledge:
      return kAwaitingAcknowledgement;
    case CaseActionKind::kExtend:
      return kInProgress;
    case CaseActionKind::kRespond:  // acknowledges implicitly when not yet acknowledged
    case CaseActionKind::kRefuse:
    case CaseActionKind::kWithdraw:
      return kOpen;
    case CaseActionKind::kEscalate:
    case CaseActionKind::kCorrectResponse:  // the stage's response that stands
      return kAnswered;
    case CaseActionKind::kClose:
      return kResponded;
    case CaseActionKind::kReopen:
      return kEnded;
    case CaseActionKind::kReassign:
    // The investigation and its adjudication may be recorded after the stage's response.
    case CaseActionKind::kInvestigation:
    case CaseActionKind::kAdjudication:
      return kHandled;
    case CaseActionKind::kReviewPanel:
    case CaseActionKind::kPanelReport:
    case CaseActionKind::kDiscussionOffer:
    case CaseActionKind::kResponsePeriod:
    case CaseActionKind::kLateNotice:
      return kOpen;
  }
  return {};
}

StatutorySteps StepsOf(CaseActionKind kind) {
  switch (kind) {
    case CaseActionKind::kInvestigation:
    case CaseActionKind::kAdjudication:
      return StatutorySteps::kInvestigation;
    case CaseActionKind::kReviewPanel:
    case CaseActionKind::kPanelReport:
      return StatutorySteps::kReviewPanel;
    case CaseActionKind::kDiscussionOffer:
    case CaseActionKind::kResponsePeriod:
    case CaseActionKind::kLateNotice:
      return StatutorySteps::kAgreedHandling;
    case CaseActionKind::kAcknowledge:
    case CaseActionKind::kExtend:
    case CaseActionKind::kRespond:
    case CaseActionKind::kEscalate:
    case CaseActionKind::kRefuse:
    case CaseActionKind::kWithdraw:
    case CaseActionKind::kClose:
    case CaseActionKind::kReopen:
    case CaseActionKind::kReassign:
    case CaseActionKind::kCorrectResponse:
      return StatutorySteps::kNone;
  }
  return StatutorySteps::kNone;
}

bool StateAllows(const Complaint& complaint, CaseActionKind kind) {
  const std::span<const CaseStatus> statuses = StatusesAllowing(kind);
  if (std::find(statuses.begin(), statuses.end(), complaint.status) == statuses.end()) {
    return false;
  }
  if (kind == CaseActionKind::kEscalate) {
    return !IsFinalStage(complaint.regime, complaint.current_stage().number);
  }
  if (kind == CaseActionKind::kCorrectResponse)
    return complaint.current_stage().response.has_value();
  if (const StatutorySteps steps = StepsOf(kind); steps != StatutorySteps::kNone) {
    const RegimeRules& rules = RulesFor(complaint.regime);
    const int number = complaint.current_stage().number;
    if (number < 1 || number > rules.stage_count() || rules.stage(number).steps != steps) {
      return false;
    }
    if (kind == CaseActionKind::kPanelReport) return PanelMetThisRound(complaint.current_stage());
  }
  return true;
}

bool PanelMetThisRound(const Stage& stage) {
  return stage.procedure.panel &&
         stage.procedure.panel->met_on >= stage.reopened_on.value_or(stage.started_on);
}

bool HandledEarlierStage(const Complaint& complaint, int stage_number, std::string_view person) {
  if (person.empty()) return false;
  return std::any_of(complaint.stages.begin(), complaint.stages.end(), [&](const Stage& earlier) {
    const bool responded = earlier.response && earlier.response->responded_by == person;
    return earlier.number < stage_number && (earlier.handler == person || responded);
  });
}

bool RoleHandlesStages(Role role) { return Allows(role, Permission::kRespond); }

bool MayHandleStage(const Complaint& complaint, int stage_number, Role role,
                    std::string_view username) {
  return RoleHandlesStages(role) && !HandledEarlierStage(complaint, stage_number, username);
}

std::vector<CaseActionKind> AllowedActions(Role role, const Complaint& complaint,
                                           std::string_view username) {
  const bool may_answer =
      MayHandleStage(complaint, complaint.current_stage().number, role, username);
  std::vector<CaseActionKind> allowed;
  for (CaseActionKind kind : kAllCaseActions) {
    const bool answers =
        kind == CaseActionKind::kRespond || kind == CaseActionKind::kCorrectResponse;
    if (answers && !may_answer) continue;
    if (Allows(role, PermissionFor(kind)) && StateAllows(complaint, kind)) allowed.push_back(kind);
  }
  return allowed;
}

}  // namespace redress::core
