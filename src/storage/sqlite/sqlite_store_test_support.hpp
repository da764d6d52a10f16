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
#include "storage/contract/store_contract.hpp"
#include "storage/sqlite/migrations.hpp"
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

}  // namespace redress::storage::sqlite::test_support
