#pragma once

// The fixture of the SQLite store's engine tests: a fresh database file with the reference data
// the cases need, and the store contract's clock and case builders (storage/contract), so that the
// engine's own tests build the same cases the contract does.

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
#include "storage/common/audit_chain.hpp"
#include "storage/contract/store_contract.hpp"
#include "storage/sqlite/connection.hpp"
#include "storage/sqlite/event_repository.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/repository_support.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/test_database.hpp"

namespace redress::storage::sqlite::test_support {

using core::Date;
using core::ErrorCode;
using core::Result;
using core::Status;

// SQL that takes away what migration 0020 (finding people) adds to the complaints, for a test
// that takes a database back to an earlier schema version; the full-text triggers, which read
// people_text, go first unless the test drops them itself.
inline constexpr std::string_view kWithoutFtsTriggers =
    "DROP TRIGGER complaints_fts_insert; DROP TRIGGER complaints_fts_update; "
    "DROP TRIGGER complaints_fts_delete; ";
inline constexpr std::string_view kWithoutFindingPeople =
    "DROP INDEX complaints_person; ALTER TABLE complaints DROP COLUMN people_text; "
    "ALTER TABLE complaints DROP COLUMN person_key; ";

// The columns migration 28 (complainant_needs) adds, dropped with the others above when a test
// takes a database back to an older schema: ADD COLUMN cannot be run twice.
inline constexpr std::string_view kWithoutNeeds =
    "ALTER TABLE complaint_contact_preferences DROP COLUMN adjustments; "
    "ALTER TABLE complaint_contact_preferences DROP COLUMN vulnerabilities; "
    "ALTER TABLE complaint_contact_preferences DROP COLUMN vulnerability_note; ";

// The columns migration 31 (erasable_event_content) adds to the events, dropped with the others
// above. Run RechainAsLegacy first when the test verifies the audit chain afterwards.
inline constexpr std::string_view kWithoutErasableContent =
    "ALTER TABLE events DROP COLUMN chain_version; ALTER TABLE events DROP COLUMN content_digest; "
    "ALTER TABLE events DROP COLUMN content_salt; "
    "ALTER TABLE events DROP COLUMN content_erased_at; ";

// Rewrites the chain of the database at `path` as version 1 records, as a binary from before
// migration 31 wrote them: for a test that takes a database back to an older schema and still
// verifies its audit chain.
inline void RechainAsLegacy(const std::string& path) {
  Result<std::unique_ptr<Connection>> connection =
      Connection::Open(path, Connection::Role::kWriter);
  if (!connection) throw std::runtime_error(connection.error().message);
  Result<Statement> select =
      (*connection)->Prepare(SelectSql("events", kEventColumns) + " ORDER BY sequence");
  if (!select) throw std::runtime_error(select.error().message);
  Result<std::vector<common::ChainRecord>> records =
      ReadAll(*select, [](ColumnReader& r) { return ReadChainRecord(r); });
  if (!records) throw std::runtime_error(records.error().message);
  std::string previous;
  for (common::ChainRecord& record : *records) {
    record.chain_version = common::kLegacyChainVersion;
    record.prev_hash = previous;
    previous = common::ChainHash(record);
    Result<Statement> update =
        (*connection)
            ->Prepare(
                "UPDATE events SET chain_version = 1, content_digest = NULL, content_salt = NULL, "
                "prev_hash = ?, hash = ? WHERE sequence = ?");
    if (!update) throw std::runtime_error(update.error().message);
    update->BindAll(record.prev_hash, previous, record.sequence);
    if (Status run = update->Run(); !run) throw std::runtime_error(run.error().message);
  }
}

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

class SqliteStoreTest : public ::testing::Test, protected contract::StoreCalls {
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

  app::Store& TheStore() override { return *store_; }

  TempDir directory_;
  std::string path_;
  FixedClock clock_;
  std::unique_ptr<SqliteStore> store_;
};

}  // namespace redress::storage::sqlite::test_support
