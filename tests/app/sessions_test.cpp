// Sign-in, sessions and the throttling of failed sign-ins through a real SQLite file, on a clock
// the test moves.
#include "app/sessions.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "app/accounts.hpp"
#include "app/organisation.hpp"
#include "app/secrets.hpp"
#include "core/sign_in_throttle.hpp"
#include "test_store.hpp"

namespace redress::app {
namespace {

constexpr const char* kPassword = "correct horse battery";
constexpr const char* kWrongPassword = "incorrect horse battery";

class SessionsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_NE(store_, nullptr);
    auto user = AddUser(*store_, clock_, SystemActor(),
                        NewUser{"emma", "Emma", core::Role::kCaseHandler, "", kPassword},
                        LengthPasswordPolicy());
    ASSERT_TRUE(user.has_value()) << user.error().message;
  }

  // Moves the clock on by `seconds`.
  void Advance(std::int64_t seconds) {
    constexpr std::int64_t kSecondsPerDay = 86400;
    elapsed_ += seconds;
    clock_.Set(core::Date::FromDaysSinceEpoch(static_cast<std::int32_t>(kStart.days_since_epoch() +
                                                                        elapsed_ / kSecondsPerDay)),
               static_cast<int>(elapsed_ % kSecondsPerDay));
  }

  core::Result<SignedIn> SignIn(const char* password, const char* username = "emma") {
    return app::SignIn(sessions_, Credentials{username, password});
  }

  // Fails `count` sign-ins in a row, waiting out each delay first.
  void FailSignIns(int count) {
    for (int i = 0; i < count; ++i) {
      auto attempts = Attempts();
      Advance(core::SignInDelaySeconds(attempts.consecutive_failures));
      auto failed = SignIn(kWrongPassword);
      ASSERT_FALSE(failed.has_value());
      ASSERT_EQ(failed.error().code, core::ErrorCode::kUnauthenticated);
    }
  }

  SignInAttempts Attempts() {
    SignInAttempts attempts;
    auto read = store_->Read([&](Tx& tx) -> Status {
      auto loaded = tx.Sessions().LoadSignInAttempts("emma");
      if (!loaded) return tl::unexpected(loaded.error());
      attempts = *loaded;
      return {};
    });
    EXPECT_TRUE(read.has_value());
    return attempts;
  }

  static constexpr core::Date kStart = core::Date::FromDaysSinceEpoch(20150);
  std::int64_t elapsed_ = 0;
  ManualClock clock_{kStart};
  testing::TempDatabase database_;
  std::unique_ptr<storage::sqlite::SqliteStore> store_ = database_.Open(clock_);
  SignInGuard guard_{1};
  SessionContext sessions_{*store_, clock_, guard_};
};

TEST_F(SessionsTest, SignsInAndResumesWithTheCookieToken) {
  auto signed_in = SignIn(kPassword);
  ASSERT_TRUE(signed_in.has_value()) << signed_in.error().message;
  EXPECT_EQ(signed_in->user.username, "emma");
  auto resumed = ResumeSession(sessions_, signed_in->session_token);
  ASSERT_TRUE(resumed.has_value()) << resumed.error().message;
  EXPECT_EQ(resumed->actor.username, "emma");
  EXPECT_TRUE(SecretTokenMatches(resumed->session.csrf_token_hash, signed_in->csrf_token));
  EXPECT_FALSE(SecretTokenMatches(resumed->session.csrf_token_hash, ""));
  EXPECT_FALSE(SecretTokenMatches(resumed->session.csrf_token_hash, signed_in->session_token));
  EXPECT_FALSE(ResumeSession(sessions_, "rds_unknown").has_value());
}

TEST_F(SessionsTest, UnknownUserAndWrongPasswordFailAlike) {
  auto wrong = SignIn(kWrongPassword);
  auto unknown = SignIn(kPassword, "nobody");
  ASSERT_FALSE(wrong.has_value());
  ASSERT_FALSE(unknown.has_value());
  EXPECT_EQ(wrong.error().code, core::ErrorCode::kUnauthenticated);
  EXPECT_EQ(unknown.error().code, wrong.error().code);
  EXPECT_EQ(unknown.error().message, wrong.error().message);
}

TEST_F(SessionsTest, AUsernameNobodyHasIsThrottledWithoutKeepingWhatWasTyped) {
  constexpr const char* kTyped = "TypedMyPasswordHere";
  for (int i = 0; i <= core::kFreeSignInFailures; ++i) {
    auto failed = SignIn(kWrongPassword, kTyped);
    ASSERT_FALSE(failed.has_value());
    EXPECT_EQ(failed.error().code, core::ErrorCode::kUnauthenticated);
  }
  auto slowed = SignIn(kWrongPassword, kTyped);
  ASSERT_FALSE(slowed.has_value());
  EXPECT_EQ(slowed.error().code, core::ErrorCode::kTooManyRequests) << "throttled like a user";
  auto read = store_->Read([&](Tx& tx) -> Status {
    auto attempts = tx.Sessions().LoadSignInAttempts(kTyped);
    EXPECT_TRUE(attempts.has_value());
    EXPECT_EQ(attempts->consecutive_failures, 0) << "not kept under what was typed";
    auto events = tx.Events().EventsOf(EntityType::kUser, kUnknownUsernameRef);
    EXPECT_TRUE(events.has_value());
    EXPECT_EQ(events->size(), static_cast<std::size_t>(core::kFreeSignInFailures + 1));
    for (const StoredEvent& stored : *events) {
      EXPECT_EQ(stored.event.actor.find("Typed"), std::string::npos);
      EXPECT_EQ(stored.event.summary.find("Typed"), std::string::npos);
    }
    return {};
  });
  ASSERT_TRUE(read.has_value());
}

TEST_F(SessionsTest, EachAttemptIsCountedBeforeItsPasswordIsChecked) {
  // Eight guesses at once, the right password among them: only the free ones are checked.
  constexpr int kGuesses = 8;
  std::vector<std::thread> guessers;
  std::atomic<int> signed_in{0};
  std::atomic<int> throttled{0};
  for (int i = 0; i < kGuesses; ++i) {
    guessers.emplace_back([&, i] {
      auto result = app::SignIn(
          sessions_, Credentials{"emma", i == kGuesses - 1 ? kPassword : kWrongPassword});
      if (result) ++signed_in;
      if (!result && result.error().code == core::ErrorCode::kTooManyRequests) ++throttled;
    });
  }
  for (std::thread& guesser : guessers) guesser.join();
  EXPECT_GE(throttled, kGuesses - core::kFreeSignInFailures - 1);
  EXPECT_LE(signed_in, 1);
}

TEST_F(SessionsTest, IdleSessionsEndAndActiveOnesSlideUntilTheAbsoluteLimit) {
  auto signed_in = SignIn(kPassword);
  ASSERT_TRUE(signed_in.has_value());
  // Used every 7 hours, the session lives on past 8 hours, but not past 12.
  Advance(7 * 3600);
  EXPECT_TRUE(ResumeSession(sessions_, signed_in->session_token).has_value());
  Advance(4 * 3600);
  EXPECT_TRUE(ResumeSession(sessions_, signed_in->session_token).has_value());
  Advance(kSessionAbsoluteSeconds - 11 * 3600);
  EXPECT_FALSE(ResumeSession(sessions_, signed_in->session_token).has_value());

  auto idle = SignIn(kPassword);
  ASSERT_TRUE(idle.has_value());
  Advance(kSessionIdleSeconds - 1);
  EXPECT_TRUE(ResumeSession(sessions_, idle->session_token).has_value());
  auto later = SignIn(kPassword);
  ASSERT_TRUE(later.has_value());
  Advance(kSessionIdleSeconds);
  EXPECT_FALSE(ResumeSession(sessions_, later->session_token).has_value());
}

TEST_F(SessionsTest, SignOutEndsTheSession) {
  auto signed_in = SignIn(kPassword);
  ASSERT_TRUE(signed_in.has_value());
  ASSERT_TRUE(SignOut(sessions_, signed_in->session_token).has_value());
  EXPECT_FALSE(ResumeSession(sessions_, signed_in->session_token).has_value());
  EXPECT_FALSE(SignOut(sessions_, signed_in->session_token).has_value());
}

TEST_F(SessionsTest, FailuresAreSlowedThenLockedEvenForTheRightPassword) {
  FailSignIns(core::kFreeSignInFailures + 1);
  auto slowed = SignIn(kPassword);
  ASSERT_FALSE(slowed.has_value());
  EXPECT_EQ(slowed.error().code, core::ErrorCode::kTooManyRequests);
  EXPECT_EQ(slowed.error().retry_after_seconds,
            core::SignInDelaySeconds(core::kFreeSignInFailures + 1));

  FailSignIns(core::kLockoutFailures - Attempts().consecutive_failures);
  EXPECT_EQ(Attempts().consecutive_failures, core::kLockoutFailures);
  Advance(core::kLockoutSeconds - 1);
  auto locked = SignIn(kPassword);
  ASSERT_FALSE(locked.has_value());
  EXPECT_EQ(locked.error().code, core::ErrorCode::kTooManyRequests);
  EXPECT_EQ(locked.error().retry_after_seconds, 1);

  Advance(1);
  auto signed_in = SignIn(kPassword);
  ASSERT_TRUE(signed_in.has_value()) << signed_in.error().message;
  EXPECT_EQ(Attempts().consecutive_failures, 0);

  auto events = [&] {
    std::vector<StoredEvent> found;
    auto read = store_->Read([&](Tx& tx) -> Status {
      auto loaded = tx.Events().EventsOf(EntityType::kUser, "emma");
      if (!loaded) return tl::unexpected(loaded.error());
      found = *loaded;
      return {};
    });
    EXPECT_TRUE(read.has_value());
    return found;
  }();
  int failed = 0;
  int locked_out = 0;
  for (const StoredEvent& event : events) {
    failed += event.event.type == core::EventType::kSignInFailed;
    locked_out += event.event.type == core::EventType::kLockedOut;
  }
  EXPECT_EQ(failed, core::kLockoutFailures);
  EXPECT_EQ(locked_out, 1);
  EXPECT_EQ(events.back().event.type, core::EventType::kSignedIn);
  auto verified = store_->VerifyAudit();
  ASSERT_TRUE(verified.has_value());
  EXPECT_TRUE(verified->intact) << verified->problem;
}

}  // namespace
}  // namespace redress::app
