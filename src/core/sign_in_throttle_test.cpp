#include "core/sign_in_throttle.hpp"

#include <gtest/gtest.h>

namespace redress::core {
namespace {

TEST(SignInThrottle, DelayGrowsThenLocks) {
  struct Row {
    int failures;
    std::int64_t delay;
  };
  const Row rows[] = {
      {0, 0},  {1, 0},   {2, 0},   {3, 5},    {4, 10},   {5, 20},    {6, 40},
      {7, 80}, {8, 160}, {9, 300}, {10, 900}, {11, 900}, {100, 900},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(SignInDelaySeconds(row.failures), row.delay) << row.failures << " failures";
  }
}

TEST(SignInThrottle, CapHoldsBelowTheLockout) {
  EXPECT_LE(SignInDelaySeconds(kLockoutFailures - 1), kMaxSignInDelaySeconds);
  EXPECT_EQ(SignInDelaySeconds(kLockoutFailures), kLockoutSeconds);
}

TEST(SignInThrottle, LocksOutFromTheTenthFailure) {
  const struct {
    int failures;
    bool locks;
  } rows[] = {{0, false}, {3, false}, {9, false}, {10, true}, {11, true}};
  for (const auto& row : rows) EXPECT_EQ(LocksOut(row.failures), row.locks) << row.failures;
}

TEST(SignInThrottle, SecondsUntilNextSignIn) {
  constexpr std::int64_t kLast = 1'000'000;
  const struct {
    int failures;
    std::int64_t now;
    std::int64_t wait;
  } rows[] = {
      {2, kLast, 0},       // free failures: no wait
      {3, kLast, 5},       // the first delay starts at the failure
      {3, kLast + 5, 0},   // and is over five seconds later
      {5, kLast + 1, 19},  // 20 s delay, 1 s gone
      {10, kLast + 60, kLockoutSeconds - 60},
      {10, kLast + kLockoutSeconds, 0},      // the lockout has passed
      {10, kLast - 5, kLockoutSeconds + 5},  // a clock that went back does not shorten it
  };
  for (const auto& row : rows) {
    EXPECT_EQ(SecondsUntilNextSignIn(row.failures, kLast, row.now), row.wait)
        << row.failures << " failures at " << row.now;
  }
}

}  // namespace
}  // namespace redress::core
