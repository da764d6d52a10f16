#include "app/sessions.hpp"

#include <algorithm>
#include <optional>
#include <utility>

#include "app/secrets.hpp"
#include "core/sign_in_throttle.hpp"

namespace redress::app {
namespace {

tl::unexpected<core::Error> BadCredentials() {
  return core::Fail(core::ErrorCode::kUnauthenticated, "the username or password is wrong");
}

tl::unexpected<core::Error> NoSession() {
  return core::Fail(core::ErrorCode::kUnauthenticated,
                    "not signed in, or the session has ended; sign in again");
}

tl::unexpected<core::Error> TooSoon(std::int64_t wait_seconds) {
  core::Error error{core::ErrorCode::kTooManyRequests,
                    "too many failed sign-ins for this username; try again in " +
                        std::to_string(wait_seconds) + " seconds",
                    {}};
  error.retry_after_seconds = wait_seconds;
  return tl::unexpected(std::move(error));
}

// A password hash no password matches in practice, verified for an unknown or inactive user so
// that answer takes as long as a wrong password does.
const std::string& DummyPasswordHash() {
  static const std::string kHash = [] {
    auto hashed = HashPassword(NewRandomToken("dummy-password-"));
    return hashed ? *hashed : std::string();
  }();
  return kHash;
}

core::CaseEvent UserEvent(core::EventType type, const Clock& clock, const std::string& actor,
                          std::string summary, std::vector<core::Change> changes = {}) {
  return core::CaseEvent{type, clock.Today(), actor, 0, std::move(summary), std::move(changes)};
}

}  // namespace

Result<SignedIn> SignIn(const SessionContext& context, const Credentials& credentials,
                        std::string_view client_address) {
  const std::string& username = credentials.username;
  if (username.empty() || username.size() > kMaxSignInUsernameLength) return BadCredentials();
  const std::int64_t now = context.clock.NowUnixSeconds();
  if (auto admitted = context.guard.addresses().Admit(client_address, now); !admitted) {
    return tl::unexpected(admitted.error());
  }
  // Refused before anything is written when the password checks are already busy: under a flood
  // most attempts end here, costing a lock and no transaction. The address is still charged, so
  // the addresses flooding run out of allowance and leave the checks to everyone else.
  if (auto room = context.guard.checks().HasRoom(); !room) return tl::unexpected(room.error());

  // The attempt is counted in the transaction that checks the throttle, before the password is
  // checked: parallel guesses each see the ones before them. The password is checked outside any
  // transaction: argon2id takes tens of milliseconds, which no commit should wait for.
  std::optional<User> user;
  std::string throttle_key;
  int failures_before = 0;
  auto reserved = context.store.Write([&](Tx& tx) -> Status {
    user.reset();
    auto found = tx.Accounts().FindUser(username);
    if (found) {
      user = std::move(*found);
    } else if (found.error().code != core::ErrorCode::kNotFound) {
      return tl::unexpected(found.error());
    }
    // A username nobody has is throttled alike (else the throttle would tell a guesser which
    // usernames exist), under a name that does not keep what was typed.
    throttle_key = user ? username : context.guard.UnknownUsernameKey(username);
    auto attempts = tx.Sessions().LoadSignInAttempts(throttle_key);
    if (!attempts) return tl::unexpected(attempts.error());
    const std::int64_t wait = core::SecondsUntilNextSignIn(attempts->consecutive_failures,
                                                           attempts->last_failure_at, now);
    if (wait > 0) return TooSoon(wait);
    failures_before = attempts->consecutive_failures;
    return tx.Sessions().SaveSignInAttempts(throttle_key, SignInAttempts{failures_before + 1, now});
  });
  if (!reserved) return tl::unexpected(reserved.error());

  const bool can_sign_in = user && user->active;
  auto checked = context.guard.checks().Verify(
      can_sign_in ? user->password_hash : DummyPasswordHash(), credentials.password);
  if (!checked) {
    // No password was checked: the attempt is given back to the username (which may be someone
    // else's, caught in a flood), not to the address (see HasRoom above).
    auto given_back = context.store.Write([&](Tx& tx) -> Status {
      auto attempts = tx.Sessions().LoadSignInAttempts(throttle_key);
      if (!attempts) return tl::unexpected(attempts.error());
      if (attempts->consecutive_failures == 0) return {};
      return tx.Sessions().SaveSignInAttempts(
          throttle_key,
          SignInAttempts{attempts->consecutive_failures - 1, attempts->last_failure_at});
    });
    if (!given_back) return tl::unexpected(given_back.error());
    return tl::unexpected(checked.error());
  }
  const bool verified = *checked && can_sign_in;

  std::optional<SignedIn> signed_in;
  auto written = context.store.Write([&](Tx& tx) -> Status {
    signed_in.reset();
    auto attempts = tx.Sessions().LoadSignInAttempts(throttle_key);
    if (!attempts) return tl::unexpected(attempts.error());
    if (!verified) {
      // Already counted; the delay runs from the answer the caller sees.
      const SignInAttempts timed{attempts->consecutive_failures, context.clock.NowUnixSeconds()};
      if (auto saved = tx.Sessions().SaveSignInAttempts(throttle_key, timed); !saved) return saved;
      const int failures = failures_before + 1;
      const std::string ref = user ? username : std::string(kUnknownUsernameRef);
      auto failed = tx.Events().Append(
          EntityType::kUser, ref,
          UserEvent(core::EventType::kSignInFailed, context.clock, ref,
                    user ? "Sign-in failed" : "Sign-in failed with a username nobody has",
                    {{"consecutive_failures", std::to_string(failures_before),
                      std::to_string(failures)}}));
      if (!failed) return failed;
      if (core::LocksOut(failures)) {
        return tx.Events().Append(
            EntityType::kUser, ref,
            UserEvent(core::EventType::kLockedOut, context.clock, ref,
                      "Sign-in locked for " + std::to_string(core::kLockoutSeconds) +
                          " seconds after " + std::to_string(failures) + " failed sign-ins"));
      }
      return {};
    }
    if (attempts->consecutive_failures != 0) {
      if (auto saved = tx.Sessions().SaveSignInAttempts(throttle_key, SignInAttempts{}); !saved)
        return saved;
    }
    SignedIn opened{NewRandomToken(kSessionTokenPrefix), NewRandomToken(kCsrfTokenPrefix), *user};
    Session session{0,        HashSecretToken(opened.session_token),
                    user->id, HashSecretToken(opened.csrf_token),
                    now,      now + std::min(kSessionIdleSeconds, kSessionAbsoluteSeconds)};
    auto inserted = tx.Sessions().Insert(std::move(session));
    if (!inserted) return tl::unexpected(inserted.error());
    auto appended = tx.Events().Append(
        EntityType::kUser, username,
        UserEvent(core::EventType::kSignedIn, context.clock, username, "Signed in"));
    if (!appended) return appended;
    signed_in = std::move(opened);
    return {};
  });
  if (!written) return tl::unexpected(written.error());
  if (!signed_in) return BadCredentials();
  context.guard.addresses().Refund(client_address, now);
  return std::move(*signed_in);
}

Result<ResumedSession> ResumeSession(const SessionContext& context,
                                     std::string_view session_token) {
  if (session_token.empty()) return NoSession();
  const std::string token_hash = HashSecretToken(session_token);
  const std::int64_t now = context.clock.NowUnixSeconds();

  enum class Found { kLive, kExpired, kNone };
  Found found = Found::kNone;
  std::optional<ResumedSession> resumed;
  auto read = context.store.Read([&](Tx& tx) -> Status {
    auto session = tx.Sessions().FindByHash(token_hash);
    if (!session) {
      if (session.error().code == core::ErrorCode::kNotFound) return {};
      return tl::unexpected(session.error());
    }
    auto user = tx.Accounts().FindUserById(session->user_id);
    if (!user) return tl::unexpected(user.error());
    found = session->expires_at > now && user->active ? Found::kLive : Found::kExpired;
    Actor actor{user->username, user->role, user->team};
    resumed = ResumedSession{std::move(*session), std::move(*user), std::move(actor)};
    return {};
  });
  if (!read) return tl::unexpected(read.error());
  if (found == Found::kNone) return NoSession();
  if (found == Found::kExpired) {
    auto deleted = context.store.Write(
        [&](Tx& tx) -> Status { return tx.Sessions().Delete(resumed->session.id); });
    if (!deleted) return tl::unexpected(deleted.error());
    return NoSession();
  }

  Session& session = resumed->session;
  const std::int64_t next_expiry =
      std::min(now + kSessionIdleSeconds, session.created_at + kSessionAbsoluteSeconds);
  if (next_expiry - session.expires_at >= kSessionExtendStepSeconds) {
    auto extended = context.store.Write(
        [&](Tx& tx) -> Status { return tx.Sessions().Extend(session.id, next_expiry); });
    if (!extended) return tl::unexpected(extended.error());
    session.expires_at = next_expiry;
  }
  return std::move(*resumed);
}

Status SignOut(const SessionContext& context, std::string_view session_token) {
  auto resumed = ResumeSession(context, session_token);
  if (!resumed) return tl::unexpected(resumed.error());
  return context.store.Write([&](Tx& tx) -> Status {
    if (auto deleted = tx.Sessions().Delete(resumed->session.id); !deleted) return deleted;
    return tx.Events().Append(EntityType::kUser, resumed->user.username,
                              UserEvent(core::EventType::kSignedOut, context.clock,
                                        resumed->user.username, "Signed out"));
  });
}

}  // namespace redress::app
