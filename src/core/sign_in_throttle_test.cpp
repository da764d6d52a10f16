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

TEST(SignInThrottle, AddressAdmitsABurstThenOneEveryInterval) {
  constexpr std::int64_t kNow = 1'000'000;
  std::int64_t busy_until = 0;  // never seen
  for (int i = 0; i < kAddressSignInBurst; ++i) {
    const AddressAdmission admission = AdmitSignInFromAddress(busy_until, kNow);
    ASSERT_TRUE(admission.admitted) << "attempt " << i;
    busy_until = admission.busy_until;
  }
  const struct {
    std::int64_t now;
    bool admitted;
    std::int64_t retry_after;
  } rows[] = {
      {kNow, false, kAddressSignInIntervalSeconds},     // the burst is spent
      {kNow + 1, false, 1},                             // part of the interval gone
      {kNow + kAddressSignInIntervalSeconds, true, 0},  // one more after an interval
      {kNow + 10 * kAddressSignInIntervalSeconds, true, 0},
      {kNow - 100, false, kAddressSignInIntervalSeconds + 100},  // a clock that went back
  };
  for (const auto& row : rows) {
    const AddressAdmission admission = AdmitSignInFromAddress(busy_until, row.now);
    EXPECT_EQ(admission.admitted, row.admitted) << row.now - kNow;
    EXPECT_EQ(admission.retry_after_seconds, row.retry_after) << row.now - kNow;
    EXPECT_EQ(admission.busy_until,
              row.admitted ? busy_until + kAddressSignInIntervalSeconds : busy_until)
        << row.now - kNow;
  }
}

TEST(SignInThrottle, AddressRefund) {
  constexpr std::int64_t kNow = 1'000'000;
  const struct {
    std::int64_t busy_until;
    std::int64_t refunded;
  } rows[] = {
      {kNow + 10, kNow + 10 - kAddressSignInIntervalSeconds},
      {kNow + 1, kNow},  // never before now
      {0, kNow},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(RefundSignInToAddress(row.busy_until, kNow), row.refunded) << row.busy_until;
  }
}

}  // namespace
}  // namespace redress::core
