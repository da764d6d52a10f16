// The SQLite store's complaint lists: the orders, the indexes their plans use and a common word
// searched chunk by chunk.

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

// --- lists and repeats ---

// The store contract's list cases (storage/contract), on the SQLite fixture, whose store can
// explain its plans.
class ListTest : public contract::WithListCases<SqliteStoreTest> {};
class SortTest : public contract::WithSortCases<SqliteStoreTest> {};

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

}  // namespace
}  // namespace redress::storage::sqlite
