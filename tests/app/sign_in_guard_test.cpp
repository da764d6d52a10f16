// The bounds on sign-in work: the password-check queue, the per-address allowance in memory, and
// the name under which a username nobody has is counted.
#include "app/sign_in_guard.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "app/secrets.hpp"
#include "core/sign_in_throttle.hpp"

namespace redress::app {
namespace {

TEST(PasswordCheckQueue, RunsAFewAtATimeAndRefusesWhatDoesNotFitInTheQueue) {
  constexpr int kCallers = 12;
  const std::string hash = *HashPassword("correct horse battery");
  PasswordCheckQueue queue(/*threads=*/1, /*max_queued=*/2, std::chrono::milliseconds(10'000));
  std::atomic<int> matched{0};
  std::atomic<int> refused{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < kCallers; ++i) {
    callers.emplace_back([&] {
      auto checked = queue.Verify(hash, "correct horse battery");
      if (!checked) {
        EXPECT_EQ(checked.error().code, core::ErrorCode::kTooManyRequests);
        EXPECT_GE(checked.error().retry_after_seconds.value_or(0), 1);
        ++refused;
      } else if (*checked) {
        ++matched;
      }
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_EQ(matched + refused, kCallers);
  // Each check takes tens of milliseconds; twelve callers at once overflow a queue of two.
  EXPECT_GE(matched, 1);
  EXPECT_GE(refused, 1);
  EXPECT_EQ(*queue.Verify(hash, "wrong horse battery"), false);
}

TEST(PasswordCheckQueue, RefusesACheckThatWaitedTooLong) {
  const std::string hash = *HashPassword("correct horse battery");
  PasswordCheckQueue queue(/*threads=*/1, /*max_queued=*/8, std::chrono::milliseconds(0));
  std::atomic<int> refused{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < 4; ++i) {
    callers.emplace_back([&] {
      if (!queue.Verify(hash, "correct horse battery")) ++refused;
    });
  }
  for (std::thread& caller : callers) caller.join();
  EXPECT_GE(refused, 1);
}

TEST(AddressThrottle, AdmitsTheBurstThenRefusesWithRetryAfter) {
  AddressThrottle throttle;
  constexpr std::int64_t kNow = 1'000'000;
  for (int i = 0; i < core::kAddressSignInBurst; ++i) {
    ASSERT_TRUE(throttle.Admit("192.0.2.1", kNow)) << i;
  }
  auto refused = throttle.Admit("192.0.2.1", kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, core::ErrorCode::kTooManyRequests);
  EXPECT_EQ(refused.error().retry_after_seconds, core::kAddressSignInIntervalSeconds);
  EXPECT_TRUE(throttle.Admit("192.0.2.2", kNow)) << "another address has its own allowance";
  throttle.Refund("192.0.2.1", kNow);
  EXPECT_TRUE(throttle.Admit("192.0.2.1", kNow)) << "a refunded sign-in can be used again";
  for (int i = 0; i < 3 * core::kAddressSignInBurst; ++i) {
    EXPECT_TRUE(throttle.Admit("", kNow)) << "an unknown address is not limited";
  }
}

TEST(AddressThrottle, RemembersABoundedNumberOfAddresses) {
  AddressThrottle throttle(/*max_tracked=*/3);
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(throttle.Admit("198.51.100." + std::to_string(i), 1'000'000 + i));
    EXPECT_LE(throttle.tracked(), 3U);
  }
}

TEST(AddressThrottle, CountsAnIpv6AddressByItsNetwork) {
  const struct {
    const char* address;
    const char* key;
  } rows[] = {
      {"192.0.2.7", "192.0.2.7"},
      {"::ffff:192.0.2.7", "192.0.2.7"},
      {"2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"},
      {"2001:db8:1:2::1", "2001:db8:1:2::/64"},
      {"::1", "::/64"},
      {"not an address", "not an address"},
  };
  for (const auto& row : rows) EXPECT_EQ(SignInAddressKey(row.address), row.key) << row.address;

  AddressThrottle throttle;
  constexpr std::int64_t kNow = 1'000'000;
  for (int i = 0; i < core::kAddressSignInBurst; ++i) {
    const std::string address = "2001:db8:1:2::" + std::to_string(i + 1);
    ASSERT_TRUE(throttle.Admit(address, kNow)) << i;
  }
  EXPECT_FALSE(throttle.Admit("2001:db8:1:2:ffff::9", kNow)) << "the same /64";
  EXPECT_TRUE(throttle.Admit("2001:db8:1:3::1", kNow)) << "another /64";
}

TEST(SignInGuard, UnknownUsernameKeyKeepsNothingOfWhatWasTyped) {
  const SignInGuard guard(1);
  const std::string typed = "MySecretPassw0rd";
  const std::string key = guard.UnknownUsernameKey(typed);
  EXPECT_EQ(key.size(), 33U);
  EXPECT_EQ(key.front(), '#');
  EXPECT_EQ(key.find("Secret"), std::string::npos);
  EXPECT_EQ(key, guard.UnknownUsernameKey(typed)) << "the same text counts under the same name";
  EXPECT_NE(key, guard.UnknownUsernameKey("MySecretPassw0rd!"));
  EXPECT_NE(key, SignInGuard(1).UnknownUsernameKey(typed)) << "keyed per process";
}

}  // namespace
}  // namespace redress::app
