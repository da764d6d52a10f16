#pragma once

// The schedule that slows and then locks repeated failed sign-ins to one username. Pure: the
// caller keeps the count and the time of the last failure and passes "now".

#include <cstdint>

namespace redress::core {

// The first failures are free: people mistype.
inline constexpr int kFreeSignInFailures = 2;
// The wait after the first failure that is not free; each further failure doubles it, up to the
// cap. Long enough that a guessing script is slowed at once, short enough for a person.
inline constexpr std::int64_t kFirstSignInDelaySeconds = 5;
inline constexpr std::int64_t kMaxSignInDelaySeconds = 300;
// At this many consecutive failures the username is locked, right password or not.
inline constexpr int kLockoutFailures = 10;
inline constexpr std::int64_t kLockoutSeconds = 15 * 60;

// The wait after the last of `consecutive_failures` failures before another attempt is heard:
// 0 up to kFreeSignInFailures, then 5, 10, 20, ... seconds capped at kMaxSignInDelaySeconds, and
// kLockoutSeconds from kLockoutFailures on.
std::int64_t SignInDelaySeconds(int consecutive_failures);

// Whether `consecutive_failures` is the count that locks the username (the failure that reaches
// kLockoutFailures, and every later one: each starts a new lockout).
bool LocksOut(int consecutive_failures);

// Seconds until an attempt at `now` may be heard, 0 when it may be heard now. Times are Unix
// seconds.
std::int64_t SecondsUntilNextSignIn(int consecutive_failures, std::int64_t last_failure_at,
                                    std::int64_t now);

}  // namespace redress::core
