#include "core/permissions.hpp"

#include <gtest/gtest.h>

#include <set>
#include <utility>

namespace redress::core {
namespace {

using enum Permission;

// The whole table, written out the other way round (by role) so a change to either is caught.
const std::set<Permission> kOfficer = {kViewCases,
                                       kLogComplaint,
                                       kAcknowledge,
                                       kRespond,
                                       kExtend,
                                       kEscalate,
                                       kRefuse,
                                       kWithdraw,
                                       kClose,
                                       kReopen,
                                       kReassign,
                                       kAddNote,
                                       kResolveServiceRequest,
                                       kViewReports,
                                       kManageOmbudsman,
                                       kManageLearning,
                                       kManageSelfAssessment,
                                       kManageSubjectAccess};
const std::set<Permission> kHandler = {kViewCases, kLogComplaint, kAcknowledge,          kRespond,
                                       kExtend,    kAddNote,      kResolveServiceRequest};
const std::set<Permission> kManagerSet = {kViewCases,
                                          kLogComplaint,
                                          kAcknowledge,
                                          kRespond,
                                          kExtend,
                                          kEscalate,
                                          kRefuse,
                                          kWithdraw,
                                          kClose,
                                          kReopen,
                                          kReassign,
                                          kAddNote,
                                          kResolveServiceRequest,
                                          kViewReports,
                                          kViewAudit,
                                          kManageOmbudsman,
                                          kManageLearning,
                                          kManageSelfAssessment,
                                          kManageSubjectAccess};
const std::set<Permission> kViewerSet = {kViewCases, kViewReports, kViewAudit};

constexpr Permission kEvery[] = {kViewCases,
                                 kLogComplaint,
                                 kAcknowledge,
                                 kRespond,
                                 kExtend,
                                 kEscalate,
                                 kRefuse,
                                 kWithdraw,
                                 kClose,
                                 kReopen,
                                 kReassign,
                                 kAddNote,
                                 kResolveServiceRequest,
                                 kViewReports,
                                 kViewAudit,
                                 kManageUsers,
                                 kManageConfiguration,
                                 kManageOmbudsman,
                                 kManageLearning,
                                 kManageSelfAssessment,
                                 kManageSubjectAccess};

TEST(PermissionsTest, EveryRoleAgainstEveryPermission) {
  const std::pair<Role, const std::set<Permission>*> roles[] = {
      {Role::kComplaintsOfficer, &kOfficer},
      {Role::kCaseHandler, &kHandler},
      {Role::kManager, &kManagerSet},
      {Role::kViewer, &kViewerSet},
  };
  for (Permission permission : kEvery) {
    EXPECT_TRUE(Allows(Role::kAdmin, permission)) << ToString(permission);
    for (const auto& [role, allowed] : roles) {
      EXPECT_EQ(Allows(role, permission), allowed->contains(permission))
          << ToString(role) << " " << ToString(permission);
    }
  }
}

TEST(PermissionsTest, OnlyAdminsManageUsersAndConfiguration) {
  for (Role role : kAllRoles) {
    EXPECT_EQ(Allows(role, kManageUsers), role == Role::kAdmin);
    EXPECT_EQ(Allows(role, kManageConfiguration), role == Role::kAdmin);
  }
}

Complaint ChildrensComplaint() {
  Complaint complaint;
  complaint.regime = Regime::kChildren;
  complaint.restricted = true;
  Stage stage1;
  stage1.number = 1;
  stage1.team = "childrens-services";
  Stage stage2;
  stage2.number = 2;
  stage2.team = "childrens-complaints";
  complaint.stages = {stage1, stage2};
  return complaint;
}

TEST(PermissionsTest, RestrictedCasesAreVisibleOnlyToTheirTeams) {
  const Complaint restricted = ChildrensComplaint();
  const std::pair<std::string, bool> cases[] = {
      {"childrens-services", true},
      {"childrens-complaints", true},
      {"housing-services", false},
      {"corporate-governance", false},
      {"", false},
  };
  for (const auto& [team, visible] : cases) {
    EXPECT_EQ(CanSee(team, restricted), visible) << team;
  }
  Complaint open = restricted;
  open.restricted = false;
  EXPECT_TRUE(CanSee("housing-services", open));
  EXPECT_TRUE(CanSee("", open));
}

TEST(PermissionsTest, ARestrictedComplaintIsNamedAsARepeatOnlyWhereAllItsReadersSeeIt) {
  const Complaint earlier = ChildrensComplaint();  // teams: childrens-services, -complaints
  Complaint unrestricted_earlier = earlier;
  unrestricted_earlier.restricted = false;

  const auto incoming = [](bool restricted, std::vector<std::string> teams) {
    Complaint complaint;
    complaint.restricted = restricted;
    int number = 1;
    for (std::string& team : teams) {
      Stage stage;
      stage.number = number++;
      stage.team = std::move(team);
      complaint.stages.push_back(stage);
    }
    return complaint;
  };
  struct Row {
    Complaint incoming;
    bool restricted_named;
  };
  const Row rows[] = {
      {incoming(false, {"housing-services"}), false},  // everyone reads it
      {incoming(false, {"childrens-services"}), false},
      {incoming(true, {"childrens-services"}), true},
      {incoming(true, {"childrens-complaints"}), true},
      {incoming(true, {"childrens-services", "corporate-governance"}), false},
      {incoming(true, {"corporate-governance"}), false},
      {incoming(true, {}), false},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(MayNameAsRepeat(earlier, row.incoming), row.restricted_named);
    EXPECT_TRUE(MayNameAsRepeat(unrestricted_earlier, row.incoming));
  }
}

}  // namespace
}  // namespace redress::core
