#pragma once

// Web sessions: signing in with a password, the session behind a cookie, signing out, and the
// throttling of repeated failed sign-ins (core/sign_in_throttle.hpp) per username and per client
// address, with the password checks bounded by the process's SignInGuard. Every sign-in, failure,
// lockout and sign-out is in the audit trail (entity "user", keyed by the username; a failure
// with a username nobody has is keyed kUnknownUsernameRef and never records what was typed).

#include <cstdint>
#include <string>
#include <string_view>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "app/sign_in_guard.hpp"

namespace redress::app {

// A session ends after this long without a request ...
inline constexpr std::int64_t kSessionIdleSeconds = std::int64_t{8} * 60 * 60;
// ... and this long after sign-in whatever happens.
inline constexpr std::int64_t kSessionAbsoluteSeconds = std::int64_t{12} * 60 * 60;
// The idle deadline is moved only when it would move by at least this much, so a burst of
// requests costs one write rather than one each.
inline constexpr std::int64_t kSessionExtendStepSeconds = 60;
// Longer than any valid username; a longer one is refused without being recorded.
inline constexpr std::size_t kMaxSignInUsernameLength = 64;
// The audit trail's name for a username nobody has: what was typed is not kept.
inline constexpr std::string_view kUnknownUsernameRef = "(unknown username)";

struct Credentials {
  std::string username;
  std::string password;
};

struct SignedIn {
  std::string session_token;  // the cookie's value; only its hash is stored
  std::string csrf_token;     // to be sent back as X-CSRF-Token; only its hash is stored
  User user;
};

// The session behind a cookie and who it acts as.
struct ResumedSession {
  Session session;
  User user;
  Actor actor;
};

// What the session use cases need: the store, the clock and the process's SignInGuard (shared by
// every call; must outlive them).
struct SessionContext {
  Store& store;
  const Clock& clock;
  SignInGuard& guard;
};

// Checks the password and opens a session. An unknown username, a wrong password and an
// inactive user all fail alike with kUnauthenticated, after the same argon2id work. Fails with
// kTooManyRequests and retry_after_seconds, whatever the password and without checking it,
// while `client_address` has spent its allowance, while the username is slowed or locked, and
// when the guard's password checks are all busy. The attempt is counted against the username
// in the transaction that checks its throttle, before the password is checked, so parallel
// guesses are throttled as if they came one by one; a success resets the count and gives the
// attempt back to the address, and a check that never ran is not counted against the username.
Result<SignedIn> SignIn(const SessionContext& context, const Credentials& credentials,
                        std::string_view client_address = {});

// The live session of a cookie token, its idle deadline moved on. kUnauthenticated when the
// token is unknown, expired (the session is then deleted) or its user inactive.
Result<ResumedSession> ResumeSession(const SessionContext& context, std::string_view session_token);

// Ends the session (deletes it). kUnauthenticated when there is no such live session.
Status SignOut(const SessionContext& context, std::string_view session_token);

}  // namespace redress::app
