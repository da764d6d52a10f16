// The SQLite store's engine facts: the file and its schema, WAL and pragmas, migrations, group
// commit, query plans and statistics, FTS5's dictionary. The behaviour every engine shares is the
// store contract (src/storage/contract), run on SQLite by sqlite_contract_test.cpp.

#include "storage/sqlite/sqlite_store.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <array>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "core/repeats.hpp"
#include "storage/contract/store_contract.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/test_database.hpp"

namespace redress::storage::sqlite {
namespace {

using core::Date;
using core::ErrorCode;
using core::Result;
using core::Status;

// The clock and the case builders are the store contract's (storage/contract), so that the
// engine's own tests build the same cases the contract does.
using contract::BasicComplaint;
using contract::D;
using contract::Event;
using contract::Failed;
using contract::FirstStage;
using contract::FixedClock;
using contract::FullComplaint;
using contract::kNow;
using contract::kNowUnixSeconds;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (directory_.path() / "redress.db").string();
    OpenStore();
    SeedReferenceData();
  }

  void OpenStore() {
    store_.reset();
    Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::Open(path_, clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }

  void WriteOk(const std::function<Status(app::Tx&)>& work) {
    Status status = store_->Write(work);
    ASSERT_TRUE(status) << status.error().message;
  }
  void ReadOk(const std::function<Status(app::Tx&)>& work) {
    Status status = store_->Read(work);
    ASSERT_TRUE(status) << status.error().message;
  }

  // Runs one Tx call in a Write and returns its result.
  template <typename T>
  Result<T> InWrite(const std::function<Result<T>(app::Tx&)>& call) {
    std::optional<Result<T>> result;
    Status status = store_->Write([&](app::Tx& tx) -> Status {
      result = call(tx);
      if (!*result) return Failed(result->error());
      return {};
    });
    if (!result) return Failed(status.error());
    return *result;
  }
  template <typename T>
  Result<T> InRead(const std::function<Result<T>(app::Tx&)>& call) {
    std::optional<Result<T>> result;
    Status status = store_->Read([&](app::Tx& tx) -> Status {
      result = call(tx);
      return {};
    });
    if (!result) return Failed(status.error());
    return *result;
  }
  Status WriteStatus(const std::function<Status(app::Tx&)>& call) { return store_->Write(call); }

  core::Complaint Insert(const core::Complaint& complaint) {
    Result<core::Complaint> inserted = InWrite<core::Complaint>([&](app::Tx& tx) {
      return tx.Complaints().Insert(complaint, Event(core::EventType::kLogged, "Logged"));
    });
    EXPECT_TRUE(inserted) << inserted.error().message;
    return inserted.value_or(core::Complaint());
  }
  Result<core::Complaint> Load(const std::string& reference) {
    return InRead<core::Complaint>([&](app::Tx& tx) { return tx.Complaints().Load(reference); });
  }
  std::vector<std::string> List(const app::ComplaintQuery& query) {
    Result<std::vector<app::ComplaintRow>> rows = InRead<std::vector<app::ComplaintRow>>(
        [&](app::Tx& tx) { return tx.Complaints().List(query); });
    EXPECT_TRUE(rows) << rows.error().message;
    std::vector<std::string> references;
    for (const app::ComplaintRow& row : rows.value_or(std::vector<app::ComplaintRow>{})) {
      references.push_back(row.reference);
    }
    return references;
  }

  void SeedReferenceData() {
    WriteOk([](app::Tx& tx) -> Status {
      for (const app::Team& team : {app::Team{"housing", "Housing Services"},
                                    app::Team{"revenues", "Revenues and Benefits"},
                                    app::Team{"independent", "Complaints Team"}}) {
        if (Status s = tx.Organisation().UpsertTeam(team); !s) return s;
      }
      for (const app::ServiceArea& area :
           {app::ServiceArea{"repairs", "Repairs", "housing"},
            app::ServiceArea{"council-tax", "Council Tax", "revenues"}}) {
        if (Status s = tx.Organisation().UpsertServiceArea(area); !s) return s;
      }
      for (const app::Category& category : {app::Category{"damp", "Damp and mould", true},
                                            app::Category{"billing", "Billing", true},
                                            app::Category{"old", "Retired category", false}}) {
        if (Status s = tx.Organisation().UpsertCategory(category); !s) return s;
      }
      for (const app::RootCause& cause : {app::RootCause{"communication", "Communication", true},
                                          app::RootCause{"delay", "Delay", true}}) {
        if (Status s = tx.Organisation().UpsertRootCause(cause); !s) return s;
      }
      return {};
    });
  }

  TempDir directory_;
  std::string path_;
  FixedClock clock_;
  std::unique_ptr<SqliteStore> store_;
};

// --- schema and connection ---

TEST_F(SqliteStoreTest, AppliesAndRecordsEveryMigration) {
  const std::span<const Migration> migrations = Migrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations.front().version, 1);
  EXPECT_EQ(migrations.front().name, "initial");
  EXPECT_EQ(store_->SchemaVersion(), migrations.back().version);

  RawDatabase raw(path_);
  std::vector<std::string> expected;
  for (const Migration& migration : migrations) expected.push_back(std::string(migration.name));
  EXPECT_EQ(raw.Column("SELECT name FROM schema_migrations ORDER BY version"), expected);
  EXPECT_EQ(raw.Value("SELECT applied_at FROM schema_migrations WHERE version = 1"), kNow);
}

// TP09 per year: saved, replaced, listed by year; the database refuses what the use case would.

TEST_F(SqliteStoreTest, OpeningAgainIsIdempotentAndKeepsData) {
  core::Complaint stored = Insert(FullComplaint());
  OpenStore();
  OpenStore();
  RawDatabase raw(path_);
  EXPECT_EQ(raw.Value("SELECT count(*) FROM schema_migrations"),
            std::to_string(Migrations().size()));
  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(*loaded, stored);
}

TEST_F(SqliteStoreTest, RefusesASchemaNewerThanTheBinary) {
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute("INSERT INTO schema_migrations VALUES (9999, 'future', '2030-01-01T00:00:00Z')");
  }
  Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::Open(path_, clock_);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kStorage);
  EXPECT_NE(opened.error().message.find("9999"), std::string::npos) << opened.error().message;
}

TEST_F(SqliteStoreTest, CreatesTheDatabaseAndItsWalReadableByItsOwnerOnly) {
  store_.reset();
  const std::string path = (directory_.path() / "private.db").string();
  const mode_t previous = ::umask(022);
  Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::Open(path, clock_);
  ::umask(previous);
  ASSERT_TRUE(opened) << opened.error().message;
  ASSERT_TRUE((*opened)->CheckWritable());
  for (const std::string& file : {path, path + "-wal", path + "-shm"}) {
    SCOPED_TRACE(file);
    const auto permissions = std::filesystem::status(file).permissions();
    EXPECT_EQ(permissions,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  }
}

TEST_F(SqliteStoreTest, OpeningAnExistingDatabaseRefusesAMissingOrEmptyFile) {
  SqliteOptions existing;
  existing.open_mode = app::OpenMode::kExisting;
  const std::string missing = (directory_.path() / "missing.db").string();
  Result<std::unique_ptr<SqliteStore>> absent = SqliteStore::Open(missing, clock_, existing);
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
  EXPECT_NE(absent.error().message.find(missing), std::string::npos) << absent.error().message;
  EXPECT_NE(absent.error().message.find("redress init"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(missing));

  const std::string empty = (directory_.path() / "empty.db").string();
  { std::ofstream touch(empty); }
  Result<std::unique_ptr<SqliteStore>> blank = SqliteStore::Open(empty, clock_, existing);
  ASSERT_FALSE(blank);
  EXPECT_EQ(blank.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(std::filesystem::file_size(empty), 0U);

  store_.reset();
  Result<std::unique_ptr<SqliteStore>> initialised = SqliteStore::Open(path_, clock_, existing);
  EXPECT_TRUE(initialised) << initialised.error().message;
}

TEST_F(SqliteStoreTest, UsesWalFullSyncAndForeignKeys) {
  EXPECT_EQ(store_->PragmaValue("journal_mode").value_or(""), "wal");
  EXPECT_EQ(store_->PragmaValue("foreign_keys").value_or(""), "1");
  constexpr std::string_view kSynchronousFull = "2";
  EXPECT_EQ(store_->PragmaValue("synchronous").value_or(""), kSynchronousFull);
  EXPECT_FALSE(store_->PragmaValue("journal_mode; DROP TABLE users"));
  // WAL is a property of the file: a fresh connection sees it too.
  EXPECT_EQ(RawDatabase(path_).Value("PRAGMA journal_mode"), "wal");
}

TEST_F(SqliteStoreTest, OpeningAnUnreachablePathIsAStorageError) {
  Result<std::unique_ptr<SqliteStore>> opened =
      SqliteStore::Open((directory_.path() / "missing" / "x.db").string(), clock_);
  ASSERT_FALSE(opened);
  EXPECT_EQ(opened.error().code, ErrorCode::kStorage);
}

// --- complaints ---

// --- transactions ---

// --- group commit ---

// Inserts a basic complaint received on 2024-05-01; the work's error if it fails.
Status InsertBasic(app::Tx& tx) {
  Result<core::Complaint> inserted = tx.Complaints().Insert(
      BasicComplaint(D("2024-05-01")), Event(core::EventType::kLogged, "Logged"));
  if (!inserted) return Failed(inserted.error());
  return {};
}

class GroupCommitTest : public SqliteStoreTest {
 protected:
  void TearDown() override {
    Release();
    for (std::thread& thread : threads_) thread.join();
  }

  // Starts a Write whose work holds the writer until Release(), and returns once it is running:
  // the Writes started meanwhile queue up and go into the next commit together.
  void HoldWriter() {
    threads_.emplace_back([this] {
      Status held = store_->Write([this](app::Tx&) -> Status {
        std::unique_lock lock(gate_mutex_);
        holding_ = true;
        gate_.notify_all();
        gate_.wait(lock, [this] { return released_; });
        return {};
      });
      EXPECT_TRUE(held);
    });
    std::unique_lock lock(gate_mutex_);
    gate_.wait(lock, [this] { return holding_; });
  }

  // Starts a Write of `work` on its own thread; its result lands in results_[index].
  void StartWrite(std::size_t index, std::function<Status(app::Tx&)> work) {
    threads_.emplace_back(
        [this, index, work = std::move(work)] { results_[index] = store_->Write(work); });
  }

  // Waits until `count` Writes are queued behind the held one.
  void AwaitQueued(std::size_t count) {
    while (store_->QueuedWrites() < count) std::this_thread::yield();
  }

  void Release() {
    {
      std::lock_guard lock(gate_mutex_);
      released_ = true;
    }
    gate_.notify_all();
  }

  void JoinAll() {
    Release();
    for (std::thread& thread : threads_) thread.join();
    threads_.clear();
  }

  std::vector<std::string> AllReferences() {
    app::ComplaintQuery all;
    all.limit = 10000;
    return List(all);
  }

  static constexpr std::size_t kMaxResults = 8;
  std::array<Status, kMaxResults> results_;
  std::vector<std::thread> threads_;
  std::mutex gate_mutex_;
  std::condition_variable gate_;
  bool holding_ = false;   // guarded by gate_mutex_
  bool released_ = false;  // guarded by gate_mutex_
};

TEST_F(GroupCommitTest, ManyConcurrentWritesAllCommit) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 200;
  const WriteStatistics before = store_->Statistics();
  std::atomic<int> failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads_.emplace_back([&] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        if (!store_->Write(InsertBasic)) ++failures;
      }
    });
  }
  JoinAll();
  EXPECT_EQ(failures, 0);
  constexpr int kWrites = kThreads * kWritesPerThread;
  const WriteStatistics after = store_->Statistics();
  EXPECT_EQ(after.writes - before.writes, kWrites);
  EXPECT_EQ(after.failed_writes, before.failed_writes);
  EXPECT_LE(after.commits - before.commits, kWrites);

  // Every complaint is there, each with its own reference, numbered without a gap.
  const std::vector<std::string> references = AllReferences();
  ASSERT_EQ(references.size(), static_cast<std::size_t>(kWrites));
  EXPECT_EQ(references.front(), "CMP-2024-000001");
  EXPECT_EQ(references.back(), "CMP-2024-001600");
  EXPECT_EQ(std::set<std::string>(references.begin(), references.end()).size(), references.size());
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->intact) << audit->problem;
  EXPECT_EQ(audit->records, kWrites);
}

TEST_F(GroupCommitTest, QueuedWritesShareOneCommitAndFailOnlyOnTheirOwn) {
  HoldWriter();
  const WriteStatistics before = store_->Statistics();
  StartWrite(0, InsertBasic);
  AwaitQueued(1);
  // Inserts (taking a reference number and an event sequence number), then refuses.
  StartWrite(1, [](app::Tx& tx) -> Status {
    if (Status inserted = InsertBasic(tx); !inserted) return inserted;
    return core::Fail(ErrorCode::kInvalidInput, "refused after inserting");
  });
  AwaitQueued(2);
  StartWrite(2, InsertBasic);
  AwaitQueued(3);
  // Inserts, then throws.
  StartWrite(3, [](app::Tx& tx) -> Status {
    if (Status inserted = InsertBasic(tx); !inserted) return inserted;
    throw std::runtime_error("boom");
  });
  AwaitQueued(4);
  StartWrite(4, InsertBasic);
  AwaitQueued(5);
  JoinAll();

  const WriteStatistics after = store_->Statistics();
  EXPECT_EQ(after.commits - before.commits, 2) << "the held write's commit, then one for all five";
  EXPECT_EQ(after.largest_batch, 5);
  EXPECT_EQ(after.failed_writes - before.failed_writes, 2);
  EXPECT_TRUE(results_[0]);
  ASSERT_FALSE(results_[1]);
  EXPECT_EQ(results_[1].error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(results_[2]);
  ASSERT_FALSE(results_[3]);
  EXPECT_EQ(results_[3].error().code, ErrorCode::kStorage);
  EXPECT_NE(results_[3].error().message.find("boom"), std::string::npos);
  EXPECT_TRUE(results_[4]);

  // The failed writes left nothing, not even a used-up reference or event number.
  EXPECT_EQ(AllReferences(),
            (std::vector<std::string>{"CMP-2024-000001", "CMP-2024-000002", "CMP-2024-000003"}));
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->intact) << audit->problem;
  EXPECT_EQ(audit->records, 3);
}

TEST_F(GroupCommitTest, AWriteSeesTheWritesBeforeItInItsBatch) {
  HoldWriter();
  StartWrite(0, InsertBasic);
  AwaitQueued(1);
  StartWrite(1, [](app::Tx& tx) -> Status {
    Result<core::Complaint> loaded = tx.Complaints().Load("CMP-2024-000001");
    if (!loaded) return Failed(loaded.error());
    return {};
  });
  AwaitQueued(2);
  JoinAll();
  EXPECT_TRUE(results_[0]);
  EXPECT_TRUE(results_[1]) << results_[1].error().message;
}

TEST_F(GroupCommitTest, ACapOfOneCommitsEachWriteAlone) {
  store_.reset();
  Result<std::unique_ptr<SqliteStore>> opened =
      SqliteStore::Open(path_, clock_, SqliteOptions{.max_writes_per_commit = 1});
  ASSERT_TRUE(opened) << opened.error().message;
  store_ = std::move(*opened);
  HoldWriter();
  constexpr std::size_t kQueued = 3;
  for (std::size_t i = 0; i < kQueued; ++i) {
    StartWrite(i, InsertBasic);
    AwaitQueued(i + 1);
  }
  JoinAll();
  const WriteStatistics statistics = store_->Statistics();
  EXPECT_EQ(statistics.commits, static_cast<std::int64_t>(kQueued) + 1);
  EXPECT_EQ(statistics.largest_batch, 1);
  EXPECT_EQ(AllReferences().size(), kQueued);

  EXPECT_FALSE(SqliteStore::Open(path_, clock_, SqliteOptions{.max_writes_per_commit = 0}));
}

// --- lists and repeats ---

class ListTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    // A: corporate, awaiting acknowledgement, due 2024-05-08.
    core::Complaint a = BasicComplaint(D("2024-05-01"));
    // B: housing, in progress with alice, due 2024-06-20.
    core::Complaint b = BasicComplaint(D("2024-06-03"));
    b.regime = core::Regime::kHousing;
    b.service_area = "repairs";
    b.category = "damp";
    b.status = core::CaseStatus::kInProgress;
    b.stages = {FirstStage(b.received_on, "housing", "alice")};
    b.stages[0].respond_by = D("2024-06-20");
    // C: housing, responded at stage 2 with bob, nothing pending.
    core::Complaint c = BasicComplaint(D("2024-07-01"));
    c.regime = core::Regime::kHousing;
    c.status = core::CaseStatus::kResponded;
    core::Stage second = FirstStage(D("2024-08-01"), "housing", "bob");
    second.number = 2;
    c.stages = {FirstStage(c.received_on, "revenues", "dave"), second};
    // D: corporate, in progress with alice, due 2025-02-01.
    core::Complaint d = BasicComplaint(D("2025-01-10"));
    d.status = core::CaseStatus::kInProgress;
    d.stages = {FirstStage(d.received_on, "revenues", "alice")};
    d.stages[0].respond_by = D("2025-02-01");
    for (const core::Complaint& complaint : {a, b, c, d})
      references_.push_back(Insert(complaint).reference);
  }

  std::vector<std::string> Refs(std::initializer_list<int> indexes) {
    std::vector<std::string> refs;
    for (int index : indexes) refs.push_back(references_[index]);
    return refs;
  }

  std::vector<std::string> references_;
};

// Adds E to ListTest's A-D, tying with A on received_on and with B on due_on, so that each order
// needs its reference tie-break:
//   reference:   A 2024-000001, B 2024-000002, C 2024-000003, E 2024-000004, D 2025-000001
//   received_on: A 2024-05-01, E 2024-05-01, B 2024-06-03, C 2024-07-01, D 2025-01-10
//   due_on:      A 2024-05-08, B 2024-06-20, E 2024-06-20, D 2025-02-01, C none
class SortTest : public ListTest {
 protected:
  void SetUp() override {
    ListTest::SetUp();
    core::Complaint e = BasicComplaint(D("2024-05-01"));
    e.status = core::CaseStatus::kInProgress;
    e.stages[0].respond_by = D("2024-06-20");
    references_.push_back(Insert(e).reference);
  }

  static constexpr int kA = 0, kB = 1, kC = 2, kD = 3, kE = 4;

  Result<std::vector<app::ComplaintRow>> Rows(const app::ComplaintQuery& query) {
    return InRead<std::vector<app::ComplaintRow>>(
        [&](app::Tx& tx) { return tx.Complaints().List(query); });
  }

  // Every page of `query`, `page_size` rows at a time, following the cursors.
  std::vector<std::string> AllPages(app::ComplaintQuery query, int page_size) {
    query.limit = page_size;
    std::vector<std::string> references;
    for (int pages = 0; pages < 100; ++pages) {
      Result<std::vector<app::ComplaintRow>> rows = Rows(query);
      EXPECT_TRUE(rows) << rows.error().message;
      if (!rows || rows->empty()) break;
      for (const app::ComplaintRow& row : *rows) references.push_back(row.reference);
      query.after = app::CursorAfter(rows->back(), query.sort);
    }
    return references;
  }

  static app::ComplaintQuery Sorted(app::ComplaintSort sort, app::SortDirection direction) {
    app::ComplaintQuery query;
    query.sort = sort;
    query.direction = direction;
    return query;
  }
};

TEST_F(SortTest, CommonFiltersUseAnIndex) {
  const auto plan = [this](const app::ComplaintQuery& query) {
    Result<std::string> explained = store_->ExplainComplaintList(query);
    EXPECT_TRUE(explained) << explained.error().message;
    return explained.value_or("");
  };
  const auto uses = [](const std::string& text, std::string_view index) {
    return text.find("INDEX " + std::string(index) + " ") != std::string::npos;
  };
  app::ComplaintQuery status;
  status.status = core::CaseStatus::kInProgress;
  EXPECT_TRUE(uses(plan(status), "complaints_status")) << plan(status);

  app::ComplaintQuery team_status = status;
  team_status.team = "housing";
  EXPECT_TRUE(uses(plan(team_status), "complaints_team")) << plan(team_status);

  app::ComplaintQuery overdue;
  overdue.due_before = D("2024-07-01");
  overdue.sort = app::ComplaintSort::kDueOn;
  const std::string overdue_plan = plan(overdue);
  EXPECT_TRUE(uses(overdue_plan, "complaints_due")) << overdue_plan;
  EXPECT_EQ(overdue_plan.find("TEMP B-TREE"), std::string::npos) << overdue_plan;

  app::ComplaintQuery received;
  received.received_from = D("2024-06-01");
  received.received_to = D("2024-06-30");
  received.sort = app::ComplaintSort::kReceivedOn;
  received.after = app::ComplaintCursor{"2024-06-03", references_[kB]};
  const std::string received_plan = plan(received);
  EXPECT_TRUE(uses(received_plan, "complaints_received")) << received_plan;
  EXPECT_EQ(received_plan.find("TEMP B-TREE"), std::string::npos) << received_plan;
}

// --- lists at scale (migration 0005) ---

// The plan of a list, and whether it reads `index`.
class PlanTest : public SortTest {
 protected:
  std::string Plan(const app::ComplaintQuery& query) {
    Result<std::string> explained = store_->ExplainComplaintList(query);
    EXPECT_TRUE(explained) << explained.error().message;
    return explained.value_or("");
  }
  static bool Uses(const std::string& text, std::string_view index) {
    return text.find("INDEX " + std::string(index) + " ") != std::string::npos;
  }
};

TEST_F(PlanTest, TheListsOfMigrationFiveUseTheirIndexes) {
  app::ComplaintQuery area_status;
  area_status.service_area = "repairs";
  area_status.status = core::CaseStatus::kInProgress;
  EXPECT_TRUE(Uses(Plan(area_status), "complaints_service_area_status")) << Plan(area_status);

  app::ComplaintQuery status_due =
      Sorted(app::ComplaintSort::kDueOn, app::SortDirection::kAscending);
  status_due.status = core::CaseStatus::kInProgress;
  const std::string status_due_plan = Plan(status_due);
  EXPECT_TRUE(Uses(status_due_plan, "complaints_status_due")) << status_due_plan;
  EXPECT_EQ(status_due_plan.find("TEMP B-TREE"), std::string::npos) << status_due_plan;

  // In due order, dated cases and undated ones are each read in order, neither sorted.
  const std::string due_plan =
      Plan(Sorted(app::ComplaintSort::kDueOn, app::SortDirection::kDescending));
  EXPECT_TRUE(Uses(due_plan, "complaints_due")) << due_plan;
  EXPECT_EQ(due_plan.find("TEMP B-TREE"), std::string::npos) << due_plan;

  app::ComplaintQuery escalated;
  escalated.stage = 2;
  EXPECT_TRUE(Uses(Plan(escalated), "complaints_escalated")) << Plan(escalated);

  app::ComplaintQuery received;
  received.received_from = D("2024-01-01");
  received.received_to = D("2024-12-31");
  const std::string received_plan = Plan(received);
  EXPECT_NE(received_plan.find("reference>? AND reference<?"), std::string::npos) << received_plan;
}

TEST_F(SortTest, ACommonWordIsSearchedChunkByChunkInReferenceOrder) {
  // Enough complaints that a common word is read in chunks of references, received in two years
  // in turn so that ids and references interleave; "boiler" in every other one, "mould" in every
  // fifth, and one housing case with a boiler near the end of the references.
  constexpr int kComplaints = 2100;
  constexpr int kHousingBoiler = kComplaints - 2;
  WriteOk([](app::Tx& tx) -> Status {
    for (int i = 0; i < kComplaints; ++i) {
      core::Complaint c = BasicComplaint(i % 3 == 0 ? D("2023-03-01") : D("2024-03-01"));
      c.summary = "Complaint " + std::to_string(i);
      c.description =
          std::string(i % 2 == 0 ? "Boiler broken. " : "") + (i % 5 == 0 ? "Mould." : "");
      if (i == kHousingBoiler) c.regime = core::Regime::kHousing;
      Result<core::Complaint> inserted =
          tx.Complaints().Insert(c, Event(core::EventType::kLogged, "Logged"));
      if (!inserted) return Failed(inserted.error());
    }
    return {};
  });
  RawDatabase raw(path_);
  const auto matching = [&raw](const std::string& fts, const std::string& filter, bool descending) {
    return raw.Column(
        "SELECT reference FROM complaints WHERE id IN (SELECT rowid FROM complaints_fts WHERE "
        "complaints_fts MATCH '" +
        fts + "')" + filter + " ORDER BY reference" + (descending ? " DESC" : ""));
  };
  struct Search {
    std::string text;
    std::string fts;  // the same search in FTS5 syntax
    std::optional<core::Regime> regime;
  };
  const std::vector<Search> searches = {
      {"boil", "\"boil\"*", std::nullopt},                  // common: in chunks
      {"mould boil", "\"mould\" \"boil\"*", std::nullopt},  // rarer: sorted
      {"boil", "\"boil\"*", core::Regime::kHousing},        // chunks, then sorted
  };
  for (const Search& search : searches) {
    for (app::SortDirection direction :
         {app::SortDirection::kAscending, app::SortDirection::kDescending}) {
      app::ComplaintQuery query;
      query.text = search.text;
      query.regime = search.regime;
      query.direction = direction;
      const bool descending = direction == app::SortDirection::kDescending;
      const std::vector<std::string> expected =
          matching(search.fts, search.regime ? " AND regime = 'housing'" : "", descending);
      ASSERT_FALSE(expected.empty());
      // AllPages reads 100 pages at most.
      for (int page_size : {13, 50}) {
        EXPECT_EQ(AllPages(query, page_size), expected)
            << search.text << (descending ? " desc " : " ") << page_size;
      }
    }
  }
  app::ComplaintQuery common;
  common.text = "boil";
  Result<std::string> plan = store_->ExplainComplaintList(common);
  ASSERT_TRUE(plan) << plan.error().message;
  EXPECT_EQ(plan->rfind("READ IN CHUNKS OF REFERENCES", 0), 0u) << *plan;
}

TEST_F(SqliteStoreTest, OpeningAnalysesTheComplaintsWhenTheirNumberHasChangedMuch) {
  Insert(BasicComplaint(D("2024-05-01")));
  store_.reset();
  RawDatabase raw(path_);
  // Many more complaints, copied from the first by SQL.
  std::string columns;
  for (const std::string& column : raw.Column("SELECT name FROM pragma_table_info('complaints') "
                                              "WHERE name NOT IN ('id', 'reference')")) {
    columns += ", " + column;
  }
  raw.Execute(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12000) "
      "INSERT INTO complaints (reference" +
      columns + ") SELECT printf('CMP-2030-%06d', i)" + columns +
      " FROM n, (SELECT * FROM complaints WHERE id = 1)");
  const std::string statistics =
      "SELECT stat FROM sqlite_stat1 WHERE idx = 'sqlite_autoindex_complaints_1'";
  EXPECT_EQ(raw.Value("SELECT count(*) FROM sqlite_schema WHERE name = 'sqlite_stat1'"), "0");

  OpenStore();
  EXPECT_EQ(raw.Value(statistics), "12001 1");
  // Statistics that still hold are kept...
  raw.Execute(
      "UPDATE sqlite_stat1 SET stat = '7000 1' WHERE idx = 'sqlite_autoindex_complaints_1'");
  OpenStore();
  EXPECT_EQ(raw.Value(statistics), "7000 1");
  // ...and gathered again for half as many complaints or fewer.
  raw.Execute("UPDATE sqlite_stat1 SET stat = '6000 1' WHERE tbl = 'complaints'");
  OpenStore();
  EXPECT_EQ(raw.Value(statistics), "12001 1");
}

// --- free-text search ---

class TextSearchTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    core::Complaint mould = BasicComplaint(D("2024-05-01"));
    mould.summary = "Mould in the bedroom";
    mould.description = "The mould treated in March is back and the child is unwell.";
    core::Complaint bins = BasicComplaint(D("2024-05-02"));
    bins.summary = "Bin not collected";
    bins.description = "Missed collection on Station Road three weeks running.";
    core::Complaint cafe = BasicComplaint(D("2024-05-03"));
    cafe.summary = "Café licence refused";
    cafe.description = "The café's licence was refused without a reason.";
    cafe.status = core::CaseStatus::kInProgress;
    for (const core::Complaint& c : {mould, bins, cafe}) stored_.push_back(Insert(c));
  }

  std::vector<std::string> Search(const std::string& text) {
    app::ComplaintQuery query;
    query.text = text;
    return List(query);
  }
  std::vector<std::string> Refs(std::initializer_list<int> indexes) {
    std::vector<std::string> refs;
    for (int index : indexes) refs.push_back(stored_[index].reference);
    return refs;
  }

  static constexpr int kMould = 0, kBins = 1, kCafe = 2;
  std::vector<core::Complaint> stored_;
};

TEST_F(TextSearchTest, FollowsSeveralChangesInOneTransaction) {
  // Logged and edited twice in one Write: the index ends up with the last text only.
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) -> Status {
    core::Complaint parking = BasicComplaint(D("2024-05-04"));
    parking.summary = "Parking permit";
    Result<core::Complaint> stored =
        tx.Complaints().Insert(parking, Event(core::EventType::kLogged, "Logged"));
    if (!stored) return Failed(stored.error());
    for (const char* summary : {"Parking fine", "Parking suspension"}) {
      core::Complaint edited = *stored;
      edited.summary = summary;
      stored = tx.Complaints().Update(edited, edited.version,
                                      Event(core::EventType::kNoteAdded, "Edited"));
      if (!stored) return Failed(stored.error());
    }
    return {};
  }));
  const std::string parking = "CMP-2024-000004";
  EXPECT_EQ(Search("suspension"), std::vector<std::string>{parking});
  EXPECT_EQ(Search("permit"), std::vector<std::string>{});
  EXPECT_EQ(Search("fine"), std::vector<std::string>{});

  // Two edits of a stored complaint in one Write.
  ASSERT_TRUE(WriteStatus([this](app::Tx& tx) -> Status {
    Result<core::Complaint> stored = tx.Complaints().Load(stored_[kMould].reference);
    for (const char* description : {"Damp patches", "Condensation on the windows"}) {
      if (!stored) return Failed(stored.error());
      core::Complaint edited = *stored;
      edited.description = description;
      stored = tx.Complaints().Update(edited, edited.version,
                                      Event(core::EventType::kNoteAdded, "Edited"));
    }
    if (!stored) return Failed(stored.error());
    return {};
  }));
  EXPECT_EQ(Search("condensation"), Refs({kMould}));
  EXPECT_EQ(Search("damp"), Refs({}));
  EXPECT_EQ(Search("unwell"), Refs({}));
  EXPECT_EQ(Search("bedroom"), Refs({kMould}));  // the summary did not change

  // The index is consistent with its content (FTS5's own check).
  RawDatabase raw(path_);
  EXPECT_NO_THROW(raw.Execute(
      "INSERT INTO complaints_fts (complaints_fts, rank) VALUES ('integrity-check', 1)"));
  EXPECT_EQ(raw.Value("SELECT count(*) FROM complaints_fts_pending"), "0");
}

TEST_F(TextSearchTest, TheMigrationIndexesComplaintsAlreadyStored) {
  // Takes the database back to schema 1 with its complaints, as an older binary left it.
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute(
        "DROP TRIGGER complaints_fts_insert; DROP TRIGGER complaints_fts_update; "
        "DROP TRIGGER complaints_fts_delete; DROP TABLE complaints_fts_pending; "
        "DROP TABLE complaints_fts; DROP TABLE sessions; DROP TABLE sign_in_attempts; "
        "DROP TABLE complaint_notes; DROP TABLE complaint_links; "
        "ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; "
        "DELETE FROM schema_migrations WHERE version >= 2");
  }
  OpenStore();
  EXPECT_EQ(Search("mould"), Refs({kMould}));
  EXPECT_EQ(Search("collection"), Refs({kBins}));
}

TEST_F(TextSearchTest, TheDictionaryHoldsEveryIndexedWord) {
  WriteOk([this](app::Tx& tx) -> Status {
    Result<core::Complaint> bins = tx.Complaints().Load(stored_[kBins].reference);
    if (!bins) return Failed(bins.error());
    bins->description = "Recycling left on the pavement.";
    Result<core::Complaint> edited =
        tx.Complaints().Update(*bins, bins->version, Event(core::EventType::kNoteAdded, "Edit"));
    if (!edited) return Failed(edited.error());
    return {};
  });
  core::Complaint accents = BasicComplaint(D("2024-05-04"));
  accents.summary = "Naïve façade Ærø";
  Insert(accents);

  RawDatabase raw(path_);
  raw.Execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, complaints_fts, row)");
  EXPECT_EQ(raw.Value("SELECT count(*) FROM temp.vocabulary WHERE term NOT IN "
                      "(SELECT term FROM complaints_fts_terms)"),
            "0");
  EXPECT_EQ(raw.Value("SELECT count(*) FROM complaints_fts_terms WHERE term IN "
                      "('recycling', 'naive', 'facade', 'station')"),
            "4");  // a word no longer indexed stays
  EXPECT_EQ(Search("faç"), std::vector<std::string>{"CMP-2024-000004"});
}

TEST_F(TextSearchTest, TheMigrationFillsTheDictionaryFromTheIndex) {
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute(
        "DROP TABLE complaints_fts_terms; ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; "
        "DELETE FROM schema_migrations WHERE version >= 5");
  }
  OpenStore();
  EXPECT_EQ(Search("bedr"), Refs({kMould}));
  EXPECT_EQ(Search("collec"), Refs({kBins}));
  RawDatabase raw(path_);
  raw.Execute("CREATE VIRTUAL TABLE temp.vocabulary USING fts5vocab(main, complaints_fts, row)");
  EXPECT_EQ(raw.Value("SELECT count(*) FROM temp.vocabulary WHERE term NOT IN "
                      "(SELECT term FROM complaints_fts_terms)"),
            "0");
}

TEST_F(SqliteStoreTest, MigrationThreeRebuildsEventsKeepingRowsChainAndCounter) {
  for (const char* summary : {"first", "second", "third"}) {
    WriteOk([&](app::Tx& tx) {
      return tx.Events().Append(app::EntityType::kUser, "alice",
                                Event(core::EventType::kUserCreated, summary, 0));
    });
  }
  // Back to schema 2, as an older binary left it.
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute(
        "DROP TABLE sessions; DROP TABLE sign_in_attempts; DROP TABLE complaint_notes; "
        "DROP TABLE complaint_links; ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; "
        "DELETE FROM schema_migrations WHERE version >= 3");
  }
  OpenStore();
  Result<app::AuditReport> report = store_->VerifyAudit();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->records, 3);
  WriteOk([](app::Tx& tx) {
    return tx.Events().Append(app::EntityType::kUser, "alice",
                              Event(core::EventType::kSignedIn, "Signed in", 0));
  });
  report = store_->VerifyAudit();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->records, 4);

  // Again, with the counter above the last row (as after a removed last event): the rebuilt
  // table must keep it, so the removal stays detectable and no sequence number is reused.
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute(
        "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'events'; DROP TABLE sessions; "
        "DROP TABLE sign_in_attempts; DROP TABLE complaint_notes; DROP TABLE complaint_links; "
        "ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; "
        "DELETE FROM schema_migrations WHERE version >= 3");
  }
  OpenStore();
  store_.reset();
  RawDatabase raw(path_);
  EXPECT_EQ(raw.Value("SELECT seq FROM sqlite_sequence WHERE name = 'events'"), "9");
  EXPECT_EQ(raw.Value("SELECT count(*) FROM sqlite_sequence WHERE name LIKE 'events%'"), "1");
  EXPECT_EQ(raw.Value("SELECT count(*) FROM events"), "4");
}

// Migration 0011 (history that stays put): the one reopening date a stage kept before becomes its
// first recorded reopening; the answer that stands stays where it is.

TEST_F(SqliteStoreTest, MigrationElevenKeepsEachStagesReopeningDate) {
  core::Complaint original = FullComplaint();
  for (core::Stage& stage : original.stages) {
    stage.earlier_responses.clear();
    stage.reopenings.clear();
  }
  original.earlier_refusals.clear();
  original.earlier_withdrawals.clear();
  const core::Complaint stored = Insert(original);
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute(
        "DROP TABLE stage_earlier_responses; DROP TABLE stage_reopenings; "
        "DROP TABLE complaint_earlier_refusals; DROP TABLE complaint_earlier_withdrawals; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; "
        "DELETE FROM schema_migrations WHERE version >= 11");
  }
  OpenStore();
  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->stages[0].reopenings, std::vector<core::Date>{D("2024-05-22")});
  EXPECT_EQ(loaded->stages[1].reopenings, std::vector<core::Date>{D("2024-06-20")});
  EXPECT_EQ(loaded->stages[0].response, original.stages[0].response);
  EXPECT_TRUE(loaded->stages[0].earlier_responses.empty());
}

// --- service requests ---

// --- events and the audit chain ---

// --- accounts ---

// --- organisation and reference data ---

// --- Ombudsman cases, failure orders, learning actions, the letter and the self-assessment ---

}  // namespace
}  // namespace redress::storage::sqlite
