// The SQLite store's group commit: concurrent writes share one transaction and one fsync, each in
// its own savepoint, and fail only on their own.

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_store_test_support.hpp"

namespace redress::storage::sqlite {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace): the fixture's vocabulary

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

}  // namespace
}  // namespace redress::storage::sqlite
