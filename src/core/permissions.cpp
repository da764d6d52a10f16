#include "core/permissions.hpp"

#include <algorithm>
#include <array>

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<Permission, 21> kPermissionNames{{
    {Permission::kViewCases, "view_cases"},
    {Permission::kLogComplaint, "log_complaint"},
    {Permission::kAcknowledge, "acknowledge"},
    {Permission::kRespond, "respond"},
    {Permission::kExtend, "extend"},
    {Permission::kEscalate, "escalate"},
    {Permission::kRefuse, "refuse"},
    {Permission::kWithdraw, "withdraw"},
    {Permission::kClose, "close"},
    {Permission::kReopen, "reopen"},
    {Permission::kReassign, "reassign"},
    {Permission::kAddNote, "add_note"},
    {Permission::kResolveServiceRequest, "resolve_service_request"},
    {Permission::kViewReports, "view_reports"},
    {Permission::kViewAudit, "view_audit"},
    {Permission::kManageUsers, "manage_users"},
    {Permission::kManageConfiguration, "manage_configuration"},
    {Permission::kManageOmbudsman, "manage_ombudsman"},
    {Permission::kManageLearning, "manage_learning"},
    {Permission::kManageSelfAssessment, "manage_self_assessment"},
    {Permission::kManageSubjectAccess, "manage_subject_access"},
}};

// The roles of DESIGN.md section 1:
// - complaints_officer logs complaints from every channel, decides complaint or service request,
//   accepts or refuses (Code 4.1), routes, records escalations, withdrawals and closures;
// - case_handler handles a stage: acknowledges, investigates, extends, responds, notes;
// - manager oversees: everything a handler does plus reassigning, reopening and closing, and the
//   reports and the audit trail;
// - viewer (e.g. the Member Responsible for Complaints, an auditor) reads;
// - admin runs the system: users and configuration, and every case action;
// - the complaints officer liaises with the Ombudsman and completes the self-assessment (Code
//   4.1, rules 1.6), so officers and managers record Ombudsman cases, CHFOs, the LGSCO letter,
//   learning actions and the self-assessment; everyone who may view cases reads them.
// - subject access requests (UK GDPR Art. 15) are the complaints team's to answer, as the
//   complaints are the records asked for: admins, officers and managers record and read them.
//   Handlers and viewers do not see them: a request names who asked and often why, which is not
//   theirs to know.
struct Grant {
  Permission permission;
  bool admin;
  bool complaints_officer;
  bool case_handler;
  bool manager;
  bool viewer;
};

constexpr bool kYes = true;
constexpr bool kNo = false;

constexpr std::array<Grant, 21> kGrants{{
    //                                      admin officer handler manager viewer
    {Permission::kViewCases, kYes, kYes, kYes, kYes, kYes},
    {Permission::kLogComplaint, kYes, kYes, kYes, kYes, kNo},
    {Permission::kAcknowledge, kYes, kYes, kYes, kYes, kNo},
    {Permission::kRespond, kYes, kYes, kYes, kYes, kNo},
    {Permission::kExtend, kYes, kYes, kYes, kYes, kNo},
    {Permission::kEscalate, kYes, kYes, kNo, kYes, kNo},
    {Permission::kRefuse, kYes, kYes, kNo, kYes, kNo},
    {Permission::kWithdraw, kYes, kYes, kNo, kYes, kNo},
    {Permission::kClose, kYes, kYes, kNo, kYes, kNo},
    {Permission::kReopen, kYes, kYes, kNo, kYes, kNo},
    {Permission::kReassign, kYes, kYes, kNo, kYes, kNo},
    {Permission::kAddNote, kYes, kYes, kYes, kYes, kNo},
    {Permission::kResolveServiceRequest, kYes, kYes, kYes, kYes, kNo},
    {Permission::kViewReports, kYes, kYes, kNo, kYes, kYes},
    {Permission::kViewAudit, kYes, kNo, kNo, kYes, kYes},
    {Permission::kManageUsers, kYes, kNo, kNo, kNo, kNo},
    {Permission::kManageConfiguration, kYes, kNo, kNo, kNo, kNo},
    {Permission::kManageOmbudsman, kYes, kYes, kNo, kYes, kNo},
    {Permission::kManageLearning, kYes, kYes, kNo, kYes, kNo},
    {Permission::kManageSelfAssessment, kYes, kYes, kNo, kYes, kNo},
    {Permission::kManageSubjectAccess, kYes, kYes, kNo, kYes, kNo},
}};

constexpr bool TableCoversEveryPermissionOnce() {
  for (std::size_t i = 0; i < kGrants.size(); ++i) {
    if (kGrants[i].permission != kPermissionNames[i].first) return false;
  }
  return kGrants.size() == kPermissionNames.size();
}
static_assert(TableCoversEveryPermissionOnce(), "one grant row per permission, in enum order");

}  // namespace

std::string_view ToString(Permission value) { return NameOf(kPermissionNames, value); }

bool Allows(Role role, Permission permission) {
  const Grant& grant = kGrants[static_cast<std::size_t>(permission)];
  switch (role) {
    case Role::kAdmin:
      return grant.admin;
    case Role::kComplaintsOfficer:
      return grant.complaints_officer;
    case Role::kCaseHandler:
      return grant.case_handler;
    case Role::kManager:
      return grant.manager;
    case Role::kViewer:
      return grant.viewer;
  }
  return false;
}

std::vector<Permission> PermissionsOf(Role role) {
  std::vector<Permission> granted;
  for (const auto& [permission, name] : kPermissionNames) {
    if (Allows(role, permission)) granted.push_back(permission);
  }
  return granted;
}

bool CanSee(const std::string& user_team, const Complaint& complaint) {
  if (!complaint.restricted) return true;
  if (user_team.empty()) return false;
  return std::any_of(complaint.stages.begin(), complaint.stages.end(),
                     [&](const Stage& stage) { return stage.team == user_team; });
}

bool MayNameAsRepeat(const Complaint& earlier, const Complaint& incoming) {
  if (!earlier.restricted) return true;
  if (!incoming.restricted || incoming.stages.empty()) return false;
  return std::all_of(incoming.stages.begin(), incoming.stages.end(),
                     [&](const Stage& stage) { return CanSee(stage.team, earlier); });
}

}  // namespace redress::core
