#pragma once

// The schedule that slows and then locks repeated failed sign-ins to one username, and the rate
// at which one client address may try to sign in at all. Pure: the caller keeps the state (the
// count and the time of the last failure; an address's allowance) and passes "now".

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
inline constexpr std::int64_t kLockoutSeconds = std::int64_t{15} * 60;

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

// One client address may start kAddressSignInBurst sign-ins at once, and after that one every
// kAddressSignInIntervalSeconds (a generic cell rate algorithm). Generous enough for an office
// whose staff all sign in from one public address at nine o'clock; a script trying usernames or
// passwords from one address is held to 30 a minute whatever usernames it types.
inline constexpr int kAddressSignInBurst = 30;
inline constexpr std::int64_t kAddressSignInIntervalSeconds = 2;

// What an address's allowance says about one sign-in. `busy_until` is the algorithm's
// theoretical arrival time: the instant the address's allowance is full again (Unix seconds);
// an address never seen, or not seen for a while, has any value at or before now.
struct AddressAdmission {
  bool admitted = false;
  std::int64_t busy_until = 0;           // the state to keep: unchanged when not admitted
  std::int64_t retry_after_seconds = 0;  // > 0 when not admitted
};

// Whether a sign-in from an address whose allowance is `busy_until` may start at `now`.
AddressAdmission AdmitSignInFromAddress(std::int64_t busy_until, std::int64_t now);

// The allowance after giving back one admitted sign-in (it succeeded, or never reached the
// password check): never earlier than `now`.
std::int64_t RefundSignInToAddress(std::int64_t busy_until, std::int64_t now);

}  // namespace redress::core
