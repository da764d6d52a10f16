// The SQLite store's FTS5 search: the index follows every change, the migrations index what was
// stored, and the dictionary holds every indexed word.

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

// The store contract's text search cases (storage/contract), on the SQLite fixture.
class TextSearchTest : public contract::WithTextCases<SqliteStoreTest> {};

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
        "ALTER TABLE users DROP COLUMN reminder_digest; " +
        std::string(kWithoutFindingPeople) + std::string(kWithoutNeeds) +
        std::string(kWithoutErasableContent) + "DELETE FROM schema_migrations WHERE version >= 2");
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
        "ALTER TABLE users DROP COLUMN reminder_digest; " +
        std::string(kWithoutFtsTriggers) + std::string(kWithoutFindingPeople) +
        std::string(kWithoutNeeds) + std::string(kWithoutErasableContent) +
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

}  // namespace
}  // namespace redress::storage::sqlite
