#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"
#include "core/transitions.hpp"
#include "core/transitions_test_support.hpp"

// Which status allows which action: every action of the table tried in every status.

// Inside test_support, so that the shared fixtures (transitions_test_support.hpp) are found
// without a using-declaration each.
namespace redress::core::test_support {
namespace {

// ---- which status allows which action -----------------------------------------------------------

struct ActionRow {
  std::string_view verb;  // as the refusal message names it
  std::function<Result<Transition>(const Complaint&)> apply;
  std::set<CaseStatus> allowed;
};

// Every action of the table is attempted on this date, after all the facts of HousingCaseIn.
constexpr std::string_view kOn = "2025-02-03";

std::vector<ActionRow> ActionTable() {
  using S = CaseStatus;
  return {
      {"acknowledge",
       [](const Complaint& c) { return Acknowledge(c, {D(kOn)}, Ctx()); },
       {S::kAwaitingAcknowledgement}},
      {"extend",
       [](const Complaint& c) {
         return Extend(c, ExtendBy(kOn, 5, "Survey", "Late: the surveyor was ill"), Ctx());
       },
       {S::kInProgress}},
      {"respond to",
       [](const Complaint& c) { return Respond(c, Answer(kOn), Ctx()); },
       {S::kAwaitingAcknowledgement, S::kInProgress}},
      {"escalate",
       [](const Complaint& c) { return Escalate(c, EscalationOn(kOn), Ctx()); },
       {S::kResponded, S::kClosed}},
      {"refuse",
       [](const Complaint& c) {
         return Refuse(c,
                       {.on = D(kOn),
                        .reason = RefusalReason::kLegalProceedings,
                        .explanation = "A claim has been filed; you may ask the Ombudsman.",
                        .matter_arose_on = std::nullopt},
                       Ctx());
       },
       {S::kAwaitingAcknowledgement, S::kInProgress}},
      {"withdraw",
       [](const Complaint& c) { return Withdraw(c, {.on = D(kOn), .reason = "Sorted"}, Ctx()); },
       {S::kAwaitingAcknowledgement, S::kInProgress}},
      {"close", [](const Complaint& c) { return Close(c, {D(kOn)}, Ctx()); }, {S::kResponded}},
      {"reopen",
       [](const Complaint& c) {
         return Reopen(c, {.on = D(kOn), .reason = "The leak is back"}, Ctx());
       },
       {S::kResponded, S::kClosed, S::kWithdrawn, S::kNotAccepted}},
      {"reassign",
       [](const Complaint& c) {
         return Reassign(c, {"", "bob"}, Ctx());
       },
       {S::kAwaitingAcknowledgement, S::kInProgress, S::kResponded}},
  };
}

TEST(StatusTable, EveryActionInEveryStatus) {
  for (CaseStatus status : kAllStatuses) {
    const Complaint c = HousingCaseIn(status);
    ASSERT_EQ(Name(c.status), Name(status));
    for (const ActionRow& row : ActionTable()) {
      SCOPED_TRACE(std::string(row.verb) + " from " + Name(status));
      const Result<Transition> result = row.apply(c);
      if (row.allowed.contains(status)) {
        EXPECT_TRUE(result.has_value()) << result.error().message;
      } else {
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().code, ErrorCode::kTransitionNotAllowed);
        EXPECT_EQ(result.error().message,
                  "cannot " + std::string(row.verb) + " a complaint that is " + Name(status));
      }
    }
  }
}

TEST(StatusTable, ARefusedComplaintCannotBeEscalated) {
  const Result<Transition> result =
      Escalate(HousingCaseIn(CaseStatus::kNotAccepted), EscalationOn("2025-02-03"), Ctx());
  ExpectNotAllowed(result, "cannot escalate a complaint that is not_accepted");
}

}  // namespace
}  // namespace redress::core::test_support
