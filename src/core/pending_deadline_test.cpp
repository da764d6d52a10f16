#include "core/pending_deadline.hpp"

#include <gtest/gtest.h>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;

struct PendingCase {
  std::string_view name;
  CaseStatus status;
  bool acknowledged;
  std::optional<Date> expected;
};

Complaint StageOneCase(CaseStatus status, bool acknowledged) {
  Complaint complaint;
  complaint.status = status;
  Stage stage;
  stage.acknowledge_by = D("2025-01-08");
  if (acknowledged) {
    stage.acknowledged_on = D("2025-01-06");
    stage.respond_by = D("2025-01-20");
  }
  complaint.stages.push_back(stage);
  return complaint;
}

const PendingCase kPendingCases[] = {
    {"AwaitingAcknowledgement", CaseStatus::kAwaitingAcknowledgement, false, D("2025-01-08")},
    {"InProgress", CaseStatus::kInProgress, true, D("2025-01-20")},
    {"Responded", CaseStatus::kResponded, true, std::nullopt},
    {"Closed", CaseStatus::kClosed, true, std::nullopt},
    {"NotAccepted", CaseStatus::kNotAccepted, false, std::nullopt},
    {"Withdrawn", CaseStatus::kWithdrawn, true, std::nullopt},
};

class PendingDeadlineTest : public testing::TestWithParam<PendingCase> {};

TEST_P(PendingDeadlineTest, IsWhatTheOpenStageWaitsOn) {
  const PendingCase& c = GetParam();
  EXPECT_EQ(PendingDeadline(StageOneCase(c.status, c.acknowledged)), c.expected);
}

INSTANTIATE_TEST_SUITE_P(Statuses, PendingDeadlineTest, testing::ValuesIn(kPendingCases),
                         CaseName());

TEST(PendingDeadline, OverdueIsAfterTheDueDayNotOnIt) {
  const Complaint open = StageOneCase(CaseStatus::kInProgress, true);
  EXPECT_FALSE(IsOverdue(open, D("2025-01-20")));
  EXPECT_TRUE(IsOverdue(open, D("2025-01-21")));
  EXPECT_FALSE(IsOverdue(StageOneCase(CaseStatus::kClosed, true), D("2030-01-01")));
  EXPECT_FALSE(IsOverdue(std::nullopt, D("2030-01-01")));
}

TEST(PendingDeadline, ListRangesMeanOverdueAndDueWithin) {
  const WorkingCalendar calendar(Division::kEnglandAndWales);
  const DueRange overdue = OverdueRange(D("2025-01-15"));
  EXPECT_FALSE(overdue.from);
  EXPECT_EQ(overdue.before, D("2025-01-15"));
  // Wednesday 15 January 2025 + 3 working days = Monday 20 January, included.
  const DueRange within = DueWithinRange(calendar, D("2025-01-15"), 3);
  EXPECT_EQ(within.from, D("2025-01-15"));
  EXPECT_EQ(within.before, D("2025-01-21"));
}

TEST(PendingDeadline, WorkingDaysLeftCountToThePendingDeadline) {
  const WorkingCalendar calendar(Division::kEnglandAndWales);
  const Complaint open = StageOneCase(CaseStatus::kInProgress, true);
  EXPECT_EQ(WorkingDaysLeft(open, calendar, D("2025-01-16")), 2);
  EXPECT_EQ(WorkingDaysLeft(open, calendar, D("2025-01-22")), -2);
  EXPECT_FALSE(WorkingDaysLeft(StageOneCase(CaseStatus::kClosed, true), calendar, D("2025-01-16")));
}

}  // namespace
}  // namespace redress::core
