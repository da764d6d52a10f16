#include "core/retry_schedule.hpp"

#include <gtest/gtest.h>

namespace redress::core {
namespace {

struct RetryCase {
  int attempts;
  std::int64_t waited;
  std::optional<std::int64_t> delay;  // nullopt = given up
};

class RetryScheduleTest : public ::testing::TestWithParam<RetryCase> {};

TEST_P(RetryScheduleTest, DoublesUpToTheMaximumThenGivesUp) {
  RetryPolicy policy{30, 3600, 86400};
  const RetryCase& c = GetParam();
  constexpr std::int64_t kQueued = 1'000'000;
  std::optional<std::int64_t> next = NextAttemptAt(policy, c.attempts, kQueued, kQueued + c.waited);
  if (!c.delay) {
    EXPECT_EQ(next, std::nullopt);
  } else {
    ASSERT_TRUE(next);
    EXPECT_EQ(*next - (kQueued + c.waited), *c.delay);
  }
}

INSTANTIATE_TEST_SUITE_P(Outbox, RetryScheduleTest,
                         ::testing::Values(RetryCase{1, 0, 30}, RetryCase{2, 30, 60},
                                           RetryCase{3, 90, 120}, RetryCase{7, 1000, 1920},
                                           RetryCase{8, 5000, 3600}, RetryCase{50, 80000, 3600},
                                           RetryCase{9, 86399, 3600}, RetryCase{9, 86400, {}},
                                           RetryCase{1, 100000, {}}));

}  // namespace
}  // namespace redress::core
