#include "core/case_actions.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;

// A case of `regime` at stage `stage` (stages 1..stage all present) in `status`.
Complaint CaseAt(Regime regime, int stage, CaseStatus status) {
  Complaint complaint;
  complaint.regime = regime;
  complaint.status = status;
  for (int number = 1; number <= stage; ++number) {
    Stage added;
    added.number = number;
    complaint.stages.push_back(added);
  }
  return complaint;
}

std::string Names(const std::vector<CaseActionKind>& actions) {
  std::string names;
  for (CaseActionKind kind : actions) {
    if (!names.empty()) names += ",";
    names += ToString(kind);
  }
  return names;
}

struct AllowedCase {
  std::string_view name;
  Role role;
  Regime regime;
  int stage;
  CaseStatus status;
  std::string_view expected;  // the action names, comma-separated, in kAllCaseActions order
};

constexpr AllowedCase kAllowedCases[] = {
    {"OfficerAwaitingAcknowledgement", Role::kComplaintsOfficer, Regime::kCorporate, 1,
     CaseStatus::kAwaitingAcknowledgement, "acknowledge,respond,refuse,withdraw,reassign"},
    {"HandlerAwaitingAcknowledgement", Role::kCaseHandler, Regime::kCorporate, 1,
     CaseStatus::kAwaitingAcknowledgement, "acknowledge,respond"},
    {"HandlerInProgress", Role::kCaseHandler, Regime::kHousing, 1, CaseStatus::kInProgress,
     "extend,respond"},
    {"ManagerInProgress", Role::kManager, Regime::kHousing, 1, CaseStatus::kInProgress,
     "extend,respond,refuse,withdraw,reassign"},
    {"ManagerRespondedStage1", Role::kManager, Regime::kCorporate, 1, CaseStatus::kResponded,
     "escalate,close,reopen,reassign"},
    {"HandlerResponded", Role::kCaseHandler, Regime::kCorporate, 1, CaseStatus::kResponded, ""},
    {"AdminClosedAtFinalStage", Role::kAdmin, Regime::kCorporate, 2, CaseStatus::kClosed, "reopen"},
    {"AdminClosedBeforeFinalStage", Role::kAdmin, Regime::kCorporate, 1, CaseStatus::kClosed,
     "escalate,reopen"},
    {"AdultsHaveOneStage", Role::kAdmin, Regime::kAdults, 1, CaseStatus::kClosed, "reopen"},
    // The investigation and its adjudication may follow stage 2's response.
    {"ChildrenStage2Responded", Role::kManager, Regime::kChildren, 2, CaseStatus::kResponded,
     "escalate,close,reopen,reassign,investigation,adjudication"},
    {"HandlerChildrenStage2InProgress", Role::kCaseHandler, Regime::kChildren, 2,
     CaseStatus::kInProgress, "extend,respond,investigation,adjudication"},
    // The panel's report only once the panel has met.
    {"HandlerChildrenStage3InProgress", Role::kCaseHandler, Regime::kChildren, 3,
     CaseStatus::kInProgress, "extend,respond,review-panel"},
    {"HandlerChildrenStage1InProgress", Role::kCaseHandler, Regime::kChildren, 1,
     CaseStatus::kInProgress, "extend,respond"},
    {"HandlerAdultsInProgress", Role::kCaseHandler, Regime::kAdults, 1, CaseStatus::kInProgress,
     "extend,respond,discussion-offer,response-period,late-notice"},
    {"ViewerAdultsInProgress", Role::kViewer, Regime::kAdults, 1, CaseStatus::kInProgress, ""},
    {"ChildrenStage3Responded", Role::kManager, Regime::kChildren, 3, CaseStatus::kResponded,
     "close,reopen,reassign"},
    {"OfficerWithdrawn", Role::kComplaintsOfficer, Regime::kCorporate, 1, CaseStatus::kWithdrawn,
     "reopen"},
    {"OfficerNotAccepted", Role::kComplaintsOfficer, Regime::kCorporate, 1,
     CaseStatus::kNotAccepted, "reopen"},
    {"ViewerMayDoNothing", Role::kViewer, Regime::kCorporate, 1,
     CaseStatus::kAwaitingAcknowledgement, ""},
};

class AllowedActionsTest : public testing::TestWithParam<AllowedCase> {};

TEST_P(AllowedActionsTest, AreThoseTheStateAndTheRoleAllow) {
  const AllowedCase& c = GetParam();
  EXPECT_EQ(Names(AllowedActions(c.role, CaseAt(c.regime, c.stage, c.status))), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Roles, AllowedActionsTest, testing::ValuesIn(kAllowedCases), CaseName());

TEST(CaseActions, NamesAreThePathSegments) {
  EXPECT_EQ(ToString(CaseActionKind::kAcknowledge), "acknowledge");
  EXPECT_EQ(ToString(CaseActionKind::kReassign), "reassign");
}

TEST(Permissions, PermissionsOfAreTheTablesGrants) {
  EXPECT_EQ(PermissionsOf(Role::kViewer),
            (std::vector<Permission>{Permission::kViewCases, Permission::kViewReports,
                                     Permission::kViewAudit}));
  for (Role role : {Role::kAdmin, Role::kComplaintsOfficer, Role::kCaseHandler, Role::kManager,
                    Role::kViewer}) {
    for (Permission permission : PermissionsOf(role)) EXPECT_TRUE(Allows(role, permission));
  }
}

TEST(Regime, FinalStageFollowsTheRegimesTable) {
  EXPECT_FALSE(IsFinalStage(Regime::kChildren, 2));
  EXPECT_TRUE(IsFinalStage(Regime::kChildren, kMaxStages));
  EXPECT_TRUE(IsFinalStage(Regime::kAdults, 1));
  EXPECT_TRUE(IsFinalStage(Regime::kHousing, 2));
}

}  // namespace
}  // namespace redress::core
