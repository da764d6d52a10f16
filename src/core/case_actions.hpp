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
};
inline constexpr CaseActionKind kAllCaseActions[] = {
    CaseActionKind::kAcknowledge, CaseActionKind::kExtend, CaseActionKind::kRespond,
    CaseActionKind::kEscalate,    CaseActionKind::kRefuse, CaseActionKind::kWithdraw,
    CaseActionKind::kClose,       CaseActionKind::kReopen, CaseActionKind::kReassign,
};
// "acknowledge", "extend", ... : the last segment of the action's path.
std::string_view ToString(CaseActionKind kind);

// The permission the action needs (the role table in permissions.cpp).
Permission PermissionFor(CaseActionKind kind);

// The statuses from which the action may be taken (the table in transitions.hpp).
std::span<const CaseStatus> StatusesAllowing(CaseActionKind kind);

// Whether the case's state allows the action now: its status is one of StatusesAllowing, and for
// an escalation, the current stage is not the regime's final one. The action's input may still
// be refused (a date, a missing reason, a handler who is not independent).
bool StateAllows(const Complaint& complaint, CaseActionKind kind);

// The actions `role` may take on `complaint` now (StateAllows and the role's permission), in the
// order of kAllCaseActions. Visibility is not judged here: a case the user may not see is not
// shown to them at all.
std::vector<CaseActionKind> AllowedActions(Role role, const Complaint& complaint);

}  // namespace redress::core
