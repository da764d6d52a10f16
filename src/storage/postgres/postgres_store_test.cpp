// PostgresStore against the test cluster: transactions (commit, rollback on error or exception, a
// failed statement failing the Write, reads that cannot write), the repositories written so far,
// and two stores on one database standing for two instances.

#include "storage/postgres/postgres_store.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/postgres/pending_repositories.hpp"
#include "storage/postgres/test_database.hpp"

namespace redress::storage::postgres {
namespace {

class FixedClock final : public app::Clock {
 public:
  core::Date Today() const override { return *core::Date::Parse("2024-12-20"); }
  std::string NowRfc3339() const override { return "2024-12-20T09:30:00.000Z"; }
  std::int64_t NowUnixSeconds() const override { return 1734687000; }
};

core::CaseEvent ConfigurationEvent(std::string summary) {
  core::CaseEvent event;
  event.type = core::EventType::kConfigured;
  event.occurred_on = *core::Date::Parse("2024-12-20");
  event.actor = "admin";
  event.summary = std::move(summary);
  event.changes = {{"name", "", "Housing"}};
  return event;
}

class PostgresStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    std::optional<TestDatabase> created = TestDatabase::Create();
    if (!created) GTEST_SKIP() << "REDRESS_TEST_POSTGRES_URL is not set";
    database_.emplace(std::move(*created));
    store_ = OpenStore();
    ASSERT_NE(store_, nullptr);
  }

  std::unique_ptr<PostgresStore> OpenStore() {
    Result<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(database_->url(), clock_);
    EXPECT_TRUE(store) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  std::vector<app::Team> Teams(PostgresStore& store) {
    std::vector<app::Team> teams;
    Status read = store.Read([&teams](app::Tx& tx) -> Status {
      Result<std::vector<app::Team>> listed = tx.Organisation().ListTeams();
      if (!listed) return Unexpected(listed.error());
      teams = std::move(*listed);
      return {};
    });
    EXPECT_TRUE(read) << read.error().message;
    return teams;
  }

  FixedClock clock_;
  std::optional<TestDatabase> database_;
  std::unique_ptr<PostgresStore> store_;
};

TEST_F(PostgresStoreTest, AWriteIsKeptWithItsEventAndTheChainVerifies) {
  Status written = store_->Write([](app::Tx& tx) -> Status {
    if (Status saved = tx.Organisation().UpsertTeam({"housing", "Housing"}); !saved) return saved;
    return tx.Events().Append(app::EntityType::kConfiguration, "teams",
                              ConfigurationEvent("team added"));
  });
  ASSERT_TRUE(written) << written.error().message;
  ASSERT_EQ(Teams(*store_).size(), 1u);

  Status read = store_->Read([](app::Tx& tx) -> Status {
    Result<std::vector<app::StoredEvent>> events =
        tx.Events().EventsOf(app::EntityType::kConfiguration, "teams");
    EXPECT_TRUE(events);
    EXPECT_EQ(events->size(), 1u);
    EXPECT_EQ(events->front().event.changes.size(), 1u);
    EXPECT_EQ(tx.Organisation().ConfigurationGeneration().value_or(0), 1);
    return {};
  });
  ASSERT_TRUE(read);
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit) << audit.error().message;
  EXPECT_TRUE(audit->intact);
  EXPECT_EQ(audit->records, 1);
}

TEST_F(PostgresStoreTest, FailedOrThrowingWorkLeavesNothingBehind) {
  Status failed = store_->Write([](app::Tx& tx) -> Status {
    if (Status saved = tx.Organisation().UpsertTeam({"a", "A"}); !saved) return saved;
    return Fail(ErrorCode::kInvalidInput, "changed my mind");
  });
  ASSERT_FALSE(failed);
  EXPECT_EQ(failed.error().code, ErrorCode::kInvalidInput);
  Status threw = store_->Write([](app::Tx& tx) -> Status {
    (void)tx.Organisation().UpsertTeam({"b", "B"});
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(threw);
  EXPECT_EQ(threw.error().code, ErrorCode::kStorage);
  EXPECT_TRUE(Teams(*store_).empty());
}

// On PostgreSQL a failed statement ends the transaction: work that carries on regardless and
// returns success must still fail, and keep nothing.
TEST_F(PostgresStoreTest, WorkThatIgnoresAFailedStatementStillFails) {
  Status written = store_->Write([](app::Tx& tx) -> Status {
    if (Status saved = tx.Organisation().UpsertTeam({"a", "A"}); !saved) return saved;
    (void)tx.Organisation().UpsertServiceArea({"repairs", "Repairs", "nowhere"});
    return {};
  });
  ASSERT_FALSE(written);
  EXPECT_EQ(written.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(written.error().fields.size(), 1u);
  EXPECT_EQ(written.error().fields[0].field, "team");
  EXPECT_TRUE(Teams(*store_).empty());
}

TEST_F(PostgresStoreTest, ReadCannotWrite) {
  Status read = store_->Read([](app::Tx& tx) -> Status {
    return tx.Organisation().UpsertTeam({"a", "A"});
  });
  ASSERT_FALSE(read);
  EXPECT_EQ(read.error().code, ErrorCode::kStorage);
}

// Expected refusals are answers that leave the transaction usable, as on SQLite.
TEST_F(PostgresStoreTest, ATakenUsernameOrClosureDayIsAConflictTheWorkCanGoOnFrom) {
  Status written = store_->Write([](app::Tx& tx) -> Status {
    app::User user;
    user.username = "ada";
    user.display_name = "Ada";
    user.password_hash = "x";
    Result<app::User> first = tx.Accounts().InsertUser(user);
    if (!first) return Unexpected(first.error());
    Result<app::User> again = tx.Accounts().InsertUser(user);
    EXPECT_FALSE(again);
    EXPECT_EQ(again.error().code, ErrorCode::kConflict);
    const app::ClosureDay day{*core::Date::Parse("2024-12-27"), "Christmas closure"};
    if (Status added = tx.Organisation().AddClosureDay(day); !added) return added;
    Status twice = tx.Organisation().AddClosureDay(day);
    EXPECT_FALSE(twice);
    EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
    Status absent = tx.Organisation().RemoveClosureDay(*core::Date::Parse("2024-12-30"));
    EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
    return tx.Organisation().UpsertTeam({"housing", "Housing"});
  });
  ASSERT_TRUE(written) << written.error().message;
  EXPECT_EQ(Teams(*store_).size(), 1u);
}

TEST_F(PostgresStoreTest, AccountsTokensAndSettingsRoundTrip) {
  Status written = store_->Write([](app::Tx& tx) -> Status {
    if (Status saved = tx.Organisation().UpsertTeam({"housing", "Housing"}); !saved) return saved;
    app::OrganisationSettings settings{"Anytown Council", core::Division::kScotland, "housing", ""};
    if (Status saved = tx.Organisation().SaveSettings(settings); !saved) return saved;
    app::User user{0, "ada", "Ada Lovelace", core::Role::kCaseHandler, "housing", "hash", true};
    Result<app::User> inserted = tx.Accounts().InsertUser(user);
    if (!inserted) return Unexpected(inserted.error());
    app::ApiToken token{0,
                        inserted->id,
                        "abc",
                        "cli",
                        "2024-12-20T09:30:00Z",
                        std::nullopt,
                        core::Date::Parse("2025-01-31")};
    Result<app::ApiToken> stored = tx.Accounts().InsertToken(token);
    if (!stored) return Unexpected(stored.error());
    Result<int> revoked = tx.Accounts().RevokeTokensOf(inserted->id, "2024-12-21T00:00:00Z");
    EXPECT_EQ(revoked.value_or(-1), 1);
    return {};
  });
  ASSERT_TRUE(written) << written.error().message;
  Status read = store_->Read([](app::Tx& tx) -> Status {
    Result<app::OrganisationSettings> settings = tx.Organisation().LoadSettings();
    EXPECT_TRUE(settings);
    EXPECT_EQ(settings->name, "Anytown Council");
    EXPECT_EQ(settings->division, core::Division::kScotland);
    EXPECT_EQ(settings->independent_team, "housing");
    EXPECT_EQ(settings->children_team, "");
    Result<app::User> user = tx.Accounts().FindUser("ada");
    EXPECT_TRUE(user);
    EXPECT_EQ(user->role, core::Role::kCaseHandler);
    EXPECT_EQ(user->team, "housing");
    Result<app::ApiToken> token = tx.Accounts().FindTokenByHash("abc");
    EXPECT_TRUE(token);
    EXPECT_EQ(token->revoked_at, "2024-12-21T00:00:00Z");
    EXPECT_EQ(token->expires_on, core::Date::Parse("2025-01-31"));
    EXPECT_EQ(tx.Accounts().FindUser("bob").error().code, ErrorCode::kNotFound);
    return {};
  });
  ASSERT_TRUE(read);
}

// Two stores on one database stand for two instances: a sign-out and a throttle made through
// one are seen by the other at once.
TEST_F(PostgresStoreTest, AnotherInstanceSeesASignOutAndAThrottleAtOnce) {
  std::unique_ptr<PostgresStore> other = OpenStore();
  ASSERT_NE(other, nullptr);
  std::int64_t session_id = 0;
  ASSERT_TRUE(store_->Write([&session_id](app::Tx& tx) -> Status {
    app::User user{0, "ada", "Ada", core::Role::kViewer, "", "hash", true};
    Result<app::User> inserted = tx.Accounts().InsertUser(user);
    if (!inserted) return Unexpected(inserted.error());
    Result<app::Session> session =
        tx.Sessions().Insert({0, "cookie", inserted->id, "csrf", 1000, 2000});
    if (!session) return Unexpected(session.error());
    session_id = session->id;
    return tx.Sessions().SaveSignInAttempts("ada", {3, 1500});
  }));
  ASSERT_TRUE(other->Read([](app::Tx& tx) -> Status {
    EXPECT_TRUE(tx.Sessions().FindByHash("cookie"));
    EXPECT_EQ(tx.Sessions().LoadSignInAttempts("ada")->consecutive_failures, 3);
    EXPECT_EQ(tx.Sessions().LoadSignInAttempts("bob")->consecutive_failures, 0);
    return {};
  }));
  ASSERT_TRUE(other->Write(
      [session_id](app::Tx& tx) -> Status { return tx.Sessions().Delete(session_id); }));
  ASSERT_TRUE(store_->Read([](app::Tx& tx) -> Status {
    EXPECT_EQ(tx.Sessions().FindByHash("cookie").error().code, ErrorCode::kNotFound);
    return {};
  }));
}

// Two instances writing at once keep one chain.
TEST_F(PostgresStoreTest, TwoInstancesWritingAtOnceKeepOneChain) {
  std::unique_ptr<PostgresStore> other = OpenStore();
  ASSERT_NE(other, nullptr);
  constexpr int kThreadsPerStore = 3;
  constexpr int kWritesPerThread = 20;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (PostgresStore* store : {store_.get(), other.get()}) {
    for (int t = 0; t < kThreadsPerStore; ++t) {
      threads.emplace_back([store, &failures] {
        for (int i = 0; i < kWritesPerThread; ++i) {
          Status written = store->Write([](app::Tx& tx) -> Status {
            return tx.Events().Append(app::EntityType::kConfiguration, "teams",
                                      ConfigurationEvent("changed"));
          });
          if (!written) ++failures;
        }
      });
    }
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit) << audit.error().message;
  EXPECT_TRUE(audit->intact) << audit->problem;
  EXPECT_EQ(audit->records, 2 * kThreadsPerStore * kWritesPerThread);
}

// Every repository is written today; a new aggregate's stub answers with NotYetOnPostgres.
TEST(PendingRepositoryTest, AStubSaysWhatIsNotYetOnPostgres) {
  const core::Error error = NotYetOnPostgres("ExampleRepository::Load").value();
  EXPECT_EQ(error.code, ErrorCode::kUnavailable);
  EXPECT_NE(error.message.find("ExampleRepository::Load"), std::string::npos);
  EXPECT_NE(error.message.find("PostgreSQL"), std::string::npos);
}

TEST_F(PostgresStoreTest, OpeningAnExistingDatabaseWithoutTheSchemaIsRefused) {
  std::optional<TestDatabase> empty = TestDatabase::Create();
  ASSERT_TRUE(empty);
  PostgresOptions options;
  options.open_mode = app::OpenMode::kExisting;
  Result<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(empty->url(), clock_, options);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, ErrorCode::kNotFound);
  EXPECT_TRUE(store_->CheckWritable());
}

}  // namespace
}  // namespace redress::storage::postgres
