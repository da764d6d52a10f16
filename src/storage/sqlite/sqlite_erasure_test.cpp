// Erased personal data leaves no trace in the SQLite files (issue 20): with secure_delete on the
// store's connections and PurgeErasedTraces after the erasure, neither the database file nor its
// WAL holds the erased text, nor does the full-text index or its dictionary of words.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/sqlite_store_test_support.hpp"

namespace redress::storage::sqlite {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace): the fixture's vocabulary

// Made-up words found nowhere else, in their case as typed and as the index keeps them.
constexpr std::array<std::string_view, 6> kDistinctive = {"Xylophonequark", "xylophonequark",
                                                          "Zebrafinchmoot", "zebrafinchmoot",
                                                          "Quillonfrabble", "quillonfrabble"};

class SqliteErasureTest : public SqliteStoreTest {
 protected:
  // The bytes of the database file and of its WAL, as someone copying them would have them.
  std::string FileBytes() const {
    std::string bytes;
    for (const std::string& path : {path_, path_ + "-wal"}) {
      if (!std::filesystem::exists(path)) continue;
      std::ifstream in(path, std::ios::binary);
      bytes.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    return bytes;
  }
  std::vector<std::string> Found() const {
    const std::string bytes = FileBytes();
    std::vector<std::string> found;
    for (std::string_view word : kDistinctive) {
      if (bytes.find(word) != std::string::npos) found.emplace_back(word);
    }
    return found;
  }
};

TEST_F(SqliteErasureTest, PurgedFilesKeepNoTraceOfErasedText) {
  core::Complaint complaint = BasicComplaint(D("2024-05-01"));
  complaint.summary = "Xylophonequark repairs";
  complaint.description = "The Zebrafinchmoot window is broken.";
  complaint.complainant.name = "Ada Quillonfrabble";
  core::Complaint stored = Insert(complaint);
  WriteOk([&](app::Tx& tx) {
    return tx.Events().Append(app::EntityType::kComplaint, stored.reference,
                              Event(core::EventType::kNoteAdded, "Rang Ada Quillonfrabble"));
  });
  // Both the checkpointed file and the WAL: the text was written to one and copied to the other.
  ASSERT_TRUE(store_->PurgeErasedTraces());
  WriteOk([&](app::Tx& tx) {
    core::Complaint edited = stored;
    edited.summary = "Xylophonequark again";
    return tx.Complaints()
        .Update(edited, stored.version, Event(core::EventType::kNoteAdded, "Edited"))
        .map([](const core::Complaint&) {});
  });
  EXPECT_EQ(Found().size(), kDistinctive.size());  // so that the test can fail

  // The disposal: the texts blanked, the events' content erased.
  WriteOk([&](app::Tx& tx) -> Status {
    Result<core::Complaint> current = tx.Complaints().Load(stored.reference);
    if (!current) return Failed(current.error());
    core::Complaint disposed = *current;
    disposed.summary = "";
    disposed.description = "";
    disposed.complainant = {};
    Result<core::Complaint> updated = tx.Complaints().Update(
        disposed, current->version, Event(core::EventType::kNoteAdded, "Disposed of"));
    if (!updated) return Failed(updated.error());
    return tx.Events().EraseContent(app::EntityType::kComplaint, stored.reference,
                                    "2031-01-01T00:00:00Z");
  });
  Status purged = store_->PurgeErasedTraces();
  ASSERT_TRUE(purged) << purged.error().message;

  EXPECT_EQ(Found(), std::vector<std::string>{});
  Result<app::AuditReport> report = store_->VerifyAudit();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
  EXPECT_EQ(report->erased, 4);
  EXPECT_EQ(store_->PragmaValue("secure_delete").value_or(""), "1");
}

}  // namespace
}  // namespace redress::storage::sqlite
