// The SQLite store anchored outside its file: what it checkpoints, when, and that VerifyAudit
// reads the checkpoints (the verifier's cases themselves are storage/common's tests).

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>

#include "app/manual_clock.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::storage::sqlite {
namespace {

class AuditAnchorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() /
              ("redress-anchor-" + std::to_string(::getpid()) + "-" +
               ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(folder_);
    std::filesystem::create_directories(folder_);
    database_ = (folder_ / "council.db").string();
    anchor_.checkpointer.paths = common::AnchorPaths::Beside(database_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  std::unique_ptr<SqliteStore> Open(bool read_only = false) {
    AuditAnchor anchor = anchor_;
    anchor.read_only = read_only;
    auto store = SqliteStore::Open(database_, clock_, {}, anchor);
    EXPECT_TRUE(store) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  static void AppendEvents(SqliteStore& store, int count) {
    for (int i = 0; i < count; ++i) {
      core::CaseEvent event{core::EventType::kConfigured,
                            core::Date::Parse("2024-05-01").value(),
                            "admin",
                            0,
                            "Configured",
                            {}};
      auto written = store.Write([&](app::Tx& tx) {
        return tx.Events().Append(app::EntityType::kConfiguration, "settings", event);
      });
      ASSERT_TRUE(written) << written.error().message;
    }
  }

  int CheckpointLines() const {
    std::ifstream file(anchor_.checkpointer.paths.checkpoints);
    int lines = 0;
    for (std::string line; std::getline(file, line);) ++lines;
    return lines;
  }

  void Execute(const std::string& sql) const {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(database_.c_str(), &db), SQLITE_OK);
    char* error = nullptr;
    EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << (error ? error : "");
    sqlite3_free(error);
    sqlite3_close(db);
  }

  app::ManualClock clock_{core::Date::Parse("2024-05-01").value()};
  std::filesystem::path folder_;
  std::string database_;
  AuditAnchor anchor_;
};

TEST_F(AuditAnchorTest, AStoreLetGoCheckpointsOnlyWhatMoved) {
  Open().reset();  // first use: the key and a checkpoint of the empty log
  EXPECT_EQ(CheckpointLines(), 1);
  EXPECT_TRUE(std::filesystem::exists(anchor_.checkpointer.paths.key));
  Open().reset();  // nothing written: nothing checkpointed
  EXPECT_EQ(CheckpointLines(), 1);
  {
    auto store = Open();
    AppendEvents(*store, 3);
  }
  EXPECT_EQ(CheckpointLines(), 2);

  auto verifier = Open(/*read_only=*/true);
  auto report = verifier->VerifyAudit();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->checkpoints, 2);
  EXPECT_EQ(report->anchored_through, 3);
  EXPECT_EQ(report->unanchored, 0);
  EXPECT_TRUE(report->warning.empty()) << report->warning;
  verifier.reset();
  EXPECT_EQ(CheckpointLines(), 2) << "verifying writes no checkpoint";
}

TEST_F(AuditAnchorTest, VerifyAuditNamesTheLastRecordsRemovedWithTheCounterReset) {
  {
    auto store = Open();
    AppendEvents(*store, 5);
  }
  Execute(
      "DELETE FROM events WHERE sequence > 3; "
      "UPDATE sqlite_sequence SET seq = 3 WHERE name = 'events';");
  auto report = Open(/*read_only=*/true)->VerifyAudit();
  ASSERT_TRUE(report) << report.error().message;
  EXPECT_FALSE(report->intact);
  EXPECT_EQ(report->first_bad_sequence, 4);
  EXPECT_NE(report->problem.find("the last 2 records, after record 3, were removed"),
            std::string::npos)
      << report->problem;
}

TEST_F(AuditAnchorTest, AServerCheckpointsAtStartAndAtItsInterval) {
  anchor_.checkpointer.interval = std::chrono::seconds(1);
  auto store = Open();
  EXPECT_EQ(CheckpointLines(), 1) << "at start";
  AppendEvents(*store, 2);
  for (int waited = 0; waited < 50 && CheckpointLines() < 2; ++waited) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_EQ(CheckpointLines(), 2) << "within the interval after the head moved";
  store.reset();
  EXPECT_EQ(CheckpointLines(), 2) << "nothing moved since";
}

TEST_F(AuditAnchorTest, AServerThatCannotWriteItsCheckpointsDoesNotStart) {
  anchor_.checkpointer.interval = std::chrono::seconds(1);
  anchor_.checkpointer.paths.checkpoints = folder_ / "no-such-folder" / "checkpoints";
  auto store = SqliteStore::Open(database_, clock_, {}, anchor_);
  ASSERT_FALSE(store);
  EXPECT_EQ(store.error().code, core::ErrorCode::kStorage);
}

}  // namespace
}  // namespace redress::storage::sqlite
