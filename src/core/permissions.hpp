#pragma once

// Who may do what: one table of roles against permissions, checked server-side on every request,
// and the visibility rule for restricted cases.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/complaint.hpp"
#include "core/role.hpp"

namespace redress::core {

enum class Permission {
  kViewCases,     // read complaints, service requests, timelines, lists and counts
  kLogComplaint,  // log a complaint or a service request; convert a request
  kAcknowledge,   // acknowledge, extend, respond, add notes: the handling of a stage
  kRespond,
  kExtend,
  kEscalate,  // record a complainant's escalation request
  kRefuse,    // decide that a complaint is not accepted (the complaints officer)
  kWithdraw,
  kClose,
  kReopen,
  kReassign,  // route a case to a team or handler
  kAddNote,
  kResolveServiceRequest,
  kViewReports,           // annual report, dashboards, the audit trail of configuration
  kViewAudit,             // verify and read the audit trail
  kManageUsers,           // users, roles, tokens of other users
  kManageConfiguration,   // teams, service areas, categories, root causes, closure days,
                          // designations, settings
  kManageOmbudsman,       // Ombudsman cases, their orders, CHFOs and the LGSCO annual letter
  kManageLearning,        // learning and service-improvement actions
  kManageSelfAssessment,  // the Code self-assessment and the governing body's approval; the Housing
                          // Ombudsman annual submission
  kManageSubjectAccess,   // subject access requests (read them too: they hold who asked, and why)
};

std::string_view ToString(Permission permission);  // snake_case, e.g. "log_complaint"

// Whether `role` has `permission` (see the table in permissions.cpp).
bool Allows(Role role, Permission permission);

// Every permission `role` has, in the enum's order: what a client is told it may do
// (GET /api/v1/session), so that it keeps no copy of the table.
std::vector<Permission> PermissionsOf(Role role);

// Restricted cases (children's statutory complaints by default) are visible only to the teams
// that have handled one of their stages; to everyone else they do not exist. Unrestricted cases
// are visible to every signed-in user who may view cases.
bool CanSee(const std::string& user_team, const Complaint& complaint);

// Whether `incoming` may name `earlier` as a possible repeat. Everyone who may see `incoming` must
// see `earlier` too, or the name would tell them a restricted complaint exists: an unrestricted
// complaint may be named on any; a restricted one only on a restricted complaint all of whose
// teams see it.
bool MayNameAsRepeat(const Complaint& earlier, const Complaint& incoming);

}  // namespace redress::core
