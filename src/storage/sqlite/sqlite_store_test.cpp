// The SQLite store's engine facts: the file and its schema, WAL and pragmas, migrations and
// statistics. Group commit, list plans and FTS5 search are in sqlite_*_test.cpp beside it; the
// behaviour every engine shares is the store contract (src/storage/contract), run on SQLite by
// sqlite_contract_test.cpp.

#include "storage/sqlite/sqlite_store.hpp"

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

#include "storage/sqlite/sqlite_store_test_support.hpp"

namespace redress::storage::sqlite {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace): the fixture's vocabulary

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

TEST_F(SqliteStoreTest, MigrationThreeRebuildsEventsKeepingRowsChainAndCounter) {
  for (const char* summary : {"first", "second", "third"}) {
    WriteOk([&](app::Tx& tx) {
      return tx.Events().Append(app::EntityType::kUser, "alice",
                                Event(core::EventType::kUserCreated, summary, 0));
    });
  }
  // Back to schema 2, as an older binary left it, with a chain of version 1 records.
  store_.reset();
  RechainAsLegacy(path_);
  {
    RawDatabase raw(path_);
    raw.Execute(
        "DROP TABLE sessions; DROP TABLE sign_in_attempts; DROP TABLE complaint_notes; "
        "DROP TABLE complaint_links; ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; " +
        std::string(kWithoutFtsTriggers) + std::string(kWithoutFindingPeople) +
        std::string(kWithoutNeeds) + std::string(kWithoutErasableContent) +
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
  RechainAsLegacy(path_);
  {
    RawDatabase raw(path_);
    raw.Execute(
        "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'events'; DROP TABLE sessions; "
        "DROP TABLE sign_in_attempts; DROP TABLE complaint_notes; DROP TABLE complaint_links; "
        "ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
        "DROP INDEX users_email; ALTER TABLE users DROP COLUMN email; "
        "ALTER TABLE users DROP COLUMN reminder_digest; " +
        std::string(kWithoutFtsTriggers) + std::string(kWithoutFindingPeople) +
        std::string(kWithoutNeeds) + std::string(kWithoutErasableContent) +
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
        "ALTER TABLE users DROP COLUMN reminder_digest; " +
        std::string(kWithoutFtsTriggers) + std::string(kWithoutFindingPeople) +
        std::string(kWithoutNeeds) + std::string(kWithoutErasableContent) +
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
