// Engine facts of the PostgreSQL adapter, against the test cluster: error mapping by SQLSTATE,
// migrations under their advisory lock, the reference counters and the audit chain with several
// writers at once, and the search vector's folding of case and accents.

#include <gtest/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/common/audit_chain.hpp"
#include "storage/postgres/audit_log.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/references.hpp"
#include "storage/postgres/test_database.hpp"

namespace redress::storage::postgres {
namespace {

class FixedClock final : public app::Clock {
 public:
  core::Date Today() const override { return *core::Date::Parse("2024-12-20"); }
  std::string NowRfc3339() const override { return "2024-12-20T09:30:00.000Z"; }
  std::int64_t NowUnixSeconds() const override { return 1734687000; }
};

constexpr int kWriters = 6;
constexpr int kTransactionsPerWriter = 25;

class PostgresEngineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sodium_init() >= 0, true);
    std::optional<TestDatabase> created = TestDatabase::Create();
    if (!created) GTEST_SKIP() << "REDRESS_TEST_POSTGRES_URL is not set";
    database_.emplace(std::move(*created));
  }

  std::unique_ptr<Connection> Connect() {
    Result<std::unique_ptr<Connection>> connection = Connection::Open(database_->url());
    EXPECT_TRUE(connection) << connection.error().message;
    return connection ? std::move(*connection) : nullptr;
  }

  std::unique_ptr<Connection> ConnectMigrated() {
    std::unique_ptr<Connection> connection = Connect();
    Result<int> version = Migrate(*connection, clock_, app::OpenMode::kCreate);
    EXPECT_TRUE(version) << version.error().message;
    return connection;
  }

  FixedClock clock_;
  std::optional<TestDatabase> database_;
};

common::ChainRecord Event(std::string entity_ref) {
  common::ChainRecord record;
  record.entity_type = "complaint";
  record.entity_ref = std::move(entity_ref);
  record.type = "logged";
  record.occurred_on = "2024-12-20";
  record.stage = 1;
  record.actor = "officer";
  record.summary = "logged";
  record.changes = "[]";
  record.recorded_at = "2024-12-20T09:30:00.000Z";
  return record;
}

TEST_F(PostgresEngineTest, MigratesOnceAndAgainFindsNothingToDo) {
  std::unique_ptr<Connection> connection = Connect();
  Result<int> first = Migrate(*connection, clock_, app::OpenMode::kCreate);
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(*first, Migrations().back().version);
  Result<int> second = Migrate(*connection, clock_, app::OpenMode::kExisting);
  ASSERT_TRUE(second) << second.error().message;
  Result<Rows> rows = connection->Query("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->Row(0).Int64(), static_cast<std::int64_t>(Migrations().size()));
}

TEST_F(PostgresEngineTest, ExistingModeRefusesADatabaseWithoutTheSchema) {
  std::unique_ptr<Connection> connection = Connect();
  Result<int> version = Migrate(*connection, clock_, app::OpenMode::kExisting);
  ASSERT_FALSE(version);
  EXPECT_EQ(version.error().code, ErrorCode::kNotFound);
  EXPECT_NE(version.error().message.find("redress init"), std::string::npos);
}

TEST_F(PostgresEngineTest, InstancesStartingTogetherMigrateOnce) {
  std::vector<std::thread> instances;
  std::atomic<int> failures{0};
  for (int i = 0; i < 4; ++i) {
    instances.emplace_back([&] {
      Result<std::unique_ptr<Connection>> connection = Connection::Open(database_->url());
      if (!connection || !Migrate(**connection, clock_, app::OpenMode::kCreate)) ++failures;
    });
  }
  for (std::thread& instance : instances) instance.join();
  EXPECT_EQ(failures.load(), 0);
  std::unique_ptr<Connection> connection = Connect();
  Result<Rows> rows = connection->Query("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->Row(0).Int64(), static_cast<std::int64_t>(Migrations().size()));
}

// Table-driven: each constraint a statement can break, and the error it must become.
TEST_F(PostgresEngineTest, ConstraintViolationsBecomeTheirErrors) {
  std::unique_ptr<Connection> connection = ConnectMigrated();
  ASSERT_TRUE(connection->Run("INSERT INTO teams (code, name) VALUES ('housing', 'Housing')"));
  struct Case {
    const char* what;
    const char* sql;
    ErrorCode code;
    const char* field;  // "" when no field is named
  };
  const Case cases[] = {
      {"duplicate key", "INSERT INTO teams (code, name) VALUES ('housing', 'Again')",
       ErrorCode::kConflict, ""},
      {"unknown reference",
       "INSERT INTO service_areas (code, name, team) VALUES ('repairs', 'Repairs', 'nowhere')",
       ErrorCode::kInvalidInput, "team"},
      {"impossible date", "INSERT INTO closure_days (date, reason) VALUES ('2023-02-29', 'x')",
       ErrorCode::kInvalidInput, ""},
      {"check", "INSERT INTO homes_owned (financial_year, homes) VALUES (2024, 0)",
       ErrorCode::kInvalidInput, ""},
      {"not null", "INSERT INTO teams (code, name) VALUES ('x', NULL)", ErrorCode::kInvalidInput,
       ""},
      {"syntax", "INSERT INTO nowhere VALUES (1)", ErrorCode::kStorage, ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    Status ran = connection->Run(c.sql);
    ASSERT_FALSE(ran);
    EXPECT_EQ(ran.error().code, c.code) << ran.error().message;
    if (*c.field != '\0') {
      ASSERT_EQ(ran.error().fields.size(), 1u);
      EXPECT_EQ(ran.error().fields[0].field, c.field);
      EXPECT_EQ(ran.error().fields[0].message, "unknown team 'nowhere'");
    }
  }
}

TEST_F(PostgresEngineTest, AFailedStatementFailsTheCommitAndKeepsNothing) {
  std::unique_ptr<Connection> connection = ConnectMigrated();
  ASSERT_TRUE(connection->Begin("ISOLATION LEVEL READ COMMITTED"));
  ASSERT_TRUE(connection->Run("INSERT INTO teams (code, name) VALUES ('a', 'A')"));
  ASSERT_FALSE(connection->Run("INSERT INTO teams (code, name) VALUES ('a', 'A again')"));
  Status committed = connection->Commit();
  ASSERT_FALSE(committed);
  EXPECT_EQ(committed.error().code, ErrorCode::kConflict);
  Result<Rows> rows = connection->Query("SELECT count(*) FROM teams");
  ASSERT_TRUE(rows) << rows.error().message;
  EXPECT_EQ(rows->Row(0).Int64(), 0);
}

TEST_F(PostgresEngineTest, ParametersAreNeverSql) {
  std::unique_ptr<Connection> connection = ConnectMigrated();
  const std::string hostile = "x'); DROP TABLE teams; --";
  ASSERT_TRUE(connection->Run("INSERT INTO teams (code, name) VALUES ($1, $2)",
                              Params().BindAll(hostile, std::string("naïve café"))));
  Result<Rows> rows = connection->Query("SELECT code, name FROM teams");
  ASSERT_TRUE(rows) << rows.error().message;
  RowReader r = rows->Row(0);
  EXPECT_EQ(r.Text(), hostile);
  EXPECT_EQ(r.Text(), "naïve café");
}

// Several writers take numbers of one series at once, some rolling back: the committed numbers
// are exactly 1..n, each once.
TEST_F(PostgresEngineTest, ReferenceNumbersAreGapFreeAndUniqueWithSeveralWriters) {
  ConnectMigrated();
  std::mutex mutex;
  std::vector<std::int64_t> committed;
  std::atomic<int> errors{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      Result<std::unique_ptr<Connection>> opened = Connection::Open(database_->url());
      if (!opened) {
        ++errors;
        return;
      }
      Connection& connection = **opened;
      for (int t = 0; t < kTransactionsPerWriter; ++t) {
        if (!connection.Begin("ISOLATION LEVEL READ COMMITTED")) {
          ++errors;
          continue;
        }
        Result<std::int64_t> number = NextReferenceNumber(connection, "CMP", 2024);
        if (!number) {
          ++errors;
          connection.Rollback();
          continue;
        }
        if ((w + t) % 3 == 0) {  // this unit of work fails after taking its number
          connection.Rollback();
          continue;
        }
        if (!connection.Commit()) {
          ++errors;
          continue;
        }
        std::lock_guard lock(mutex);
        committed.push_back(*number);
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(errors.load(), 0);
  std::sort(committed.begin(), committed.end());
  ASSERT_FALSE(committed.empty());
  for (std::size_t i = 0; i < committed.size(); ++i) {
    EXPECT_EQ(committed[i], static_cast<std::int64_t>(i) + kFirstReferenceNumber);
  }
  // Another year and another prefix are series of their own.
  std::unique_ptr<Connection> connection = Connect();
  ASSERT_TRUE(connection->Begin("ISOLATION LEVEL READ COMMITTED"));
  EXPECT_EQ(NextReferenceNumber(*connection, "CMP", 2025).value_or(0), kFirstReferenceNumber);
  EXPECT_EQ(NextReferenceNumber(*connection, "SR", 2024).value_or(0), kFirstReferenceNumber);
  ASSERT_TRUE(connection->Commit());
}

// Several writers append at once, some rolling back: one chain, every committed record in it,
// numbered without gaps, and the verifier finds it intact.
TEST_F(PostgresEngineTest, TheAuditChainStaysOneChainWithSeveralWriters) {
  ConnectMigrated();
  std::atomic<int> errors{0};
  std::atomic<int> committed{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      Result<std::unique_ptr<Connection>> opened = Connection::Open(database_->url());
      if (!opened) {
        ++errors;
        return;
      }
      Connection& connection = **opened;
      for (int t = 0; t < kTransactionsPerWriter; ++t) {
        if (!connection.Begin("ISOLATION LEVEL READ COMMITTED")) {
          ++errors;
          continue;
        }
        const std::string reference = "CMP-2024-" + std::to_string(w * 1000 + t);
        if (!AppendChained(connection, Event(reference)) ||
            !AppendChained(connection, Event(reference))) {
          ++errors;
          connection.Rollback();
          continue;
        }
        if ((w + t) % 4 == 0) {
          connection.Rollback();
          continue;
        }
        if (!connection.Commit()) {
          ++errors;
          continue;
        }
        committed += 2;
      }
    });
  }
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(errors.load(), 0);

  std::unique_ptr<Connection> connection = Connect();
  ASSERT_TRUE(connection->Begin("ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  Result<app::AuditReport> report = VerifyChain(*connection, {});
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->records, committed.load());
  Result<common::ChainHead> head = ReadChainHead(*connection);
  ASSERT_TRUE(head);
  EXPECT_EQ(head->sequence, committed.load());
  EXPECT_EQ(head->count, committed.load());
  connection->Rollback();
}

TEST_F(PostgresEngineTest, RemovingTheLastRecordsOrAlteringOneIsFound) {
  std::unique_ptr<Connection> connection = ConnectMigrated();
  ASSERT_TRUE(connection->Begin("ISOLATION LEVEL READ COMMITTED"));
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(AppendChained(*connection, Event("CMP-2024-000001")));
  ASSERT_TRUE(connection->Commit());

  ASSERT_TRUE(connection->Run("DELETE FROM events WHERE sequence = 3"));
  Result<app::AuditReport> removed = VerifyChain(*connection, {});
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_FALSE(removed->intact);

  ASSERT_TRUE(connection->Run("UPDATE events SET summary = 'changed' WHERE sequence = 1"));
  Result<app::AuditReport> altered = VerifyChain(*connection, {});
  ASSERT_TRUE(altered) << altered.error().message;
  EXPECT_FALSE(altered->intact);
  EXPECT_EQ(altered->first_bad_sequence, 1);
}

// Table-driven: what a search finds, folding case and accents as FTS5's unicode61 with
// remove_diacritics does, the last word also as a prefix.
TEST_F(PostgresEngineTest, TheSearchVectorFoldsCaseAndAccents) {
  std::unique_ptr<Connection> connection = ConnectMigrated();
  struct Case {
    const char* text;
    const char* query;
    bool found;
  };
  const Case cases[] = {
      {"Damp and MOULD in the flat", "mould", true},
      {"Damp and MOULD in the flat", "mou:*", true},
      {"Damp and MOULD in the flat", "damp & flat", true},
      {"Damp and MOULD in the flat", "damp & roof", false},
      {"Réparation du toit à Noël", "reparation & noel", true},
      {"Über große Straße", "uber", true},
      {"mould-related repairs", "related", true},
      {"moulding", "mould", false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(c.text) + " ? " + c.query);
    Result<Rows> rows =
        connection->Query("SELECT redress_search_vector($1, '') @@ to_tsquery('simple', $2)",
                          Params().BindAll(std::string(c.text), std::string(c.query)));
    ASSERT_TRUE(rows) << rows.error().message;
    EXPECT_EQ(rows->Row(0).Bool(), c.found);
  }
}

}  // namespace
}  // namespace redress::storage::postgres
