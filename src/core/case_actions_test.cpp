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

// A corporate complaint at stage 2 whose stage 1 "ann" handled and "bob" answered, and whose
// stage 2 "carol" handles; stage 2 is answered when `answered`.
Complaint EscalatedCase(bool answered) {
  Complaint complaint =
      CaseAt(Regime::kCorporate, 2, answered ? CaseStatus::kResponded : CaseStatus::kInProgress);
  complaint.stages[0].handler = "ann";
  complaint.stages[0].response =
      Response{Date(), Outcome::kNotUpheld, {"communication"}, {}, {}, "", "bob"};
  complaint.stages[1].handler = "carol";
  if (answered) {
    complaint.stages[1].response =
        Response{Date(), Outcome::kUpheld, {"communication"}, {}, {}, "", "carol"};
  }
  return complaint;
}

struct HandleCase {
  std::string_view name;
  Role role;
  std::string_view username;
  int stage;
  bool may_handle;
};

constexpr HandleCase kHandleCases[] = {
    {"HandlerOfStage1MayNotHandleStage2", Role::kCaseHandler, "ann", 2, false},
    {"WhoAnsweredStage1MayNotHandleStage2", Role::kManager, "bob", 2, false},
    {"SomeoneElseMayHandleStage2", Role::kCaseHandler, "dan", 2, true},
    {"Stage2sHandlerMayHandleIt", Role::kCaseHandler, "carol", 2, true},
    {"Stage1sHandlerMayHandleStage1", Role::kCaseHandler, "ann", 1, true},
    {"AViewerMayHandleNoStage", Role::kViewer, "dan", 2, false},
    {"AnOfficerMayHandleAStage", Role::kComplaintsOfficer, "dan", 2, true},
    {"AnAdminMayHandleAStage", Role::kAdmin, "dan", 1, true},
};

class MayHandleStageTest : public testing::TestWithParam<HandleCase> {};

TEST_P(MayHandleStageTest, FollowsTheRoleAndCode6_13) {
  const HandleCase& c = GetParam();
  EXPECT_EQ(MayHandleStage(EscalatedCase(false), c.stage, c.role, c.username), c.may_handle);
}

INSTANTIATE_TEST_SUITE_P(People, MayHandleStageTest, testing::ValuesIn(kHandleCases), CaseName());

TEST(AllowedActionsOfAPerson, LeaveOutAnsweringAStageTheyMayNotHandle) {
  EXPECT_EQ(Names(AllowedActions(Role::kCaseHandler, EscalatedCase(false), "dan")),
            "extend,respond");
  EXPECT_EQ(Names(AllowedActions(Role::kCaseHandler, EscalatedCase(false), "ann")), "extend");
  // A stage answered: its response may be corrected by whoever may answer it.
  EXPECT_EQ(Names(AllowedActions(Role::kManager, EscalatedCase(true), "dan")),
            "close,reopen,reassign,correct-response");
  EXPECT_EQ(Names(AllowedActions(Role::kManager, EscalatedCase(true), "bob")),
            "close,reopen,reassign");
  EXPECT_EQ(Names(AllowedActions(Role::kViewer, EscalatedCase(true), "dan")), "");
}

TEST(Regime, FinalStageFollowsTheRegimesTable) {
  EXPECT_FALSE(IsFinalStage(Regime::kChildren, 2));
  EXPECT_TRUE(IsFinalStage(Regime::kChildren, kMaxStages));
  EXPECT_TRUE(IsFinalStage(Regime::kAdults, 1));
  EXPECT_TRUE(IsFinalStage(Regime::kHousing, 2));
}

}  // namespace
}  // namespace redress::core
