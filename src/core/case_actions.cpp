#include "core/case_actions.hpp"

#include <algorithm>
#include <array>

#include "core/enum_names.hpp"
#include "core/regime.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<CaseActionKind, 9> kCaseActionNames{{
    {CaseActionKind::kAcknowledge, "acknowledge"},
    {CaseActionKind::kExtend, "extend"},
    {CaseActionKind::kRespond, "respond"},
    {CaseActionKind::kEscalate, "escalate"},
    {CaseActionKind::kRefuse, "refuse"},
    {CaseActionKind::kWithdraw, "withdraw"},
    {CaseActionKind::kClose, "close"},
    {CaseActionKind::kReopen, "reopen"},
    {CaseActionKind::kReassign, "reassign"},
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
      return kAnswered;
    case CaseActionKind::kClose:
      return kResponded;
    case CaseActionKind::kReopen:
      return kEnded;
    case CaseActionKind::kReassign:
      return kHandled;
  }
  return {};
}

bool StateAllows(const Complaint& complaint, CaseActionKind kind) {
  const std::span<const CaseStatus> statuses = StatusesAllowing(kind);
  if (std::find(statuses.begin(), statuses.end(), complaint.status) == statuses.end()) {
    return false;
  }
  if (kind == CaseActionKind::kEscalate) {
    return !IsFinalStage(complaint.regime, complaint.current_stage().number);
  }
  return true;
}

std::vector<CaseActionKind> AllowedActions(Role role, const Complaint& complaint) {
  std::vector<CaseActionKind> allowed;
  for (CaseActionKind kind : kAllCaseActions) {
    if (Allows(role, PermissionFor(kind)) && StateAllows(complaint, kind)) allowed.push_back(kind);
  }
  return allowed;
}

}  // namespace redress::core
