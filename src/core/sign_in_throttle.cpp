#include "core/sign_in_throttle.hpp"

#include <algorithm>

namespace redress::core {

std::int64_t SignInDelaySeconds(int consecutive_failures) {
  if (consecutive_failures <= kFreeSignInFailures) return 0;
  if (LocksOut(consecutive_failures)) return kLockoutSeconds;
  // Doubling stops at the cap long before the shift could overflow.
  const int doublings = consecutive_failures - kFreeSignInFailures - 1;
  std::int64_t delay = kFirstSignInDelaySeconds;
  for (int i = 0; i < doublings && delay < kMaxSignInDelaySeconds; ++i) delay *= 2;
  return std::min(delay, kMaxSignInDelaySeconds);
}

bool LocksOut(int consecutive_failures) { return consecutive_failures >= kLockoutFailures; }

std::int64_t SecondsUntilNextSignIn(int consecutive_failures, std::int64_t last_failure_at,
                                    std::int64_t now) {
  const std::int64_t allowed_at = last_failure_at + SignInDelaySeconds(consecutive_failures);
  return std::max<std::int64_t>(0, allowed_at - now);
}

AddressAdmission AdmitSignInFromAddress(std::int64_t busy_until, std::int64_t now) {
  const std::int64_t start = std::max(busy_until, now);
  const std::int64_t next = start + kAddressSignInIntervalSeconds;
  const std::int64_t allowance = kAddressSignInBurst * kAddressSignInIntervalSeconds;
  if (next - now > allowance) return {false, busy_until, next - now - allowance};
  return {true, next, 0};
}

std::int64_t RefundSignInToAddress(std::int64_t busy_until, std::int64_t now) {
  return std::max(busy_until - kAddressSignInIntervalSeconds, now);
}

}  // namespace redress::core
