// The complaint list and counts: filters, sort orders, keyset pages, restricted cases, free text.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

TEST_P(ListContract, ReferencesAreInOrder) {
  EXPECT_EQ(references_, (std::vector<std::string>{"CMP-2024-000001", "CMP-2024-000002",
                                                   "CMP-2024-000003", "CMP-2025-000001"}));
  EXPECT_EQ(List({}), Refs({0, 1, 2, 3}));
}

TEST_P(ListContract, FiltersByEachField) {
  app::ComplaintQuery status;
  status.status = core::CaseStatus::kInProgress;
  EXPECT_EQ(List(status), Refs({1, 3}));

  app::ComplaintQuery regime;
  regime.regime = core::Regime::kHousing;
  EXPECT_EQ(List(regime), Refs({1, 2}));

  app::ComplaintQuery team;
  team.team = "housing";
  EXPECT_EQ(List(team), Refs({1, 2}));

  app::ComplaintQuery handler;
  handler.handler = "alice";
  EXPECT_EQ(List(handler), Refs({1, 3}));

  app::ComplaintQuery stage;
  stage.stage = 2;
  EXPECT_EQ(List(stage), Refs({2}));

  app::ComplaintQuery area;
  area.service_area = "repairs";
  EXPECT_EQ(List(area), Refs({1}));

  app::ComplaintQuery category;
  category.category = "billing";
  EXPECT_EQ(List(category), Refs({0, 2, 3}));

  app::ComplaintQuery overdue;
  overdue.due_before = D("2024-07-01");
  EXPECT_EQ(List(overdue), Refs({0, 1}));

  app::ComplaintQuery received;
  received.received_from = D("2024-06-03");
  received.received_to = D("2024-07-01");
  EXPECT_EQ(List(received), Refs({1, 2}));

  app::ComplaintQuery combined;
  combined.handler = "alice";
  combined.regime = core::Regime::kCorporate;
  EXPECT_EQ(List(combined), Refs({3}));
}

// The triage filters (issue 18): how the complaint came in, and no handler yet; the counts follow
// them as the list does.
TEST_P(ListContract, FiltersByChannelAndByNoHandler) {
  core::Complaint online = BasicComplaint(D("2024-09-02"));
  online.channel = core::Channel::kOnline;
  references_.push_back(Insert(online).reference);

  app::ComplaintQuery by_channel;
  by_channel.channel = core::Channel::kOnline;
  EXPECT_EQ(List(by_channel), Refs({4}));
  by_channel.channel = core::Channel::kEmail;
  EXPECT_EQ(List(by_channel), Refs({0, 1, 2, 3}));

  app::ComplaintQuery unassigned;
  unassigned.assignment = app::ComplaintQuery::Assignment::kUnassigned;
  EXPECT_EQ(List(unassigned), Refs({0, 4}));
  unassigned.channel = core::Channel::kOnline;
  EXPECT_EQ(List(unassigned), Refs({4}));
  Result<app::StatusCounts> counted = InRead<app::StatusCounts>(
      [&](app::Tx& tx) { return tx.Complaints().CountByStatus(unassigned); });
  ASSERT_TRUE(counted);
  std::int64_t total = 0;
  for (const auto& [status, count] : *counted) total += count;
  EXPECT_EQ(total, 1);
}

TEST_P(ListContract, RowsCarryTheCurrentStageProjection) {
  app::ComplaintQuery query;
  query.stage = 2;
  Result<std::vector<app::ComplaintRow>> rows = InRead<std::vector<app::ComplaintRow>>(
      [&](app::Tx& tx) { return tx.Complaints().List(query); });
  ASSERT_TRUE(rows);
  ASSERT_EQ(rows->size(), 1u);
  const app::ComplaintRow& row = rows->front();
  EXPECT_EQ(row.team, "housing");
  EXPECT_EQ(row.handler, "bob");
  EXPECT_EQ(row.status, core::CaseStatus::kResponded);
  EXPECT_EQ(row.regime, core::Regime::kHousing);
  EXPECT_FALSE(row.due_on.has_value());
  EXPECT_EQ(row.version, 1);

  app::ComplaintQuery first;
  first.limit = 1;
  rows = InRead<std::vector<app::ComplaintRow>>(
      [&](app::Tx& tx) { return tx.Complaints().List(first); });
  ASSERT_TRUE(rows);
  EXPECT_EQ(rows->front().due_on, D("2024-05-08"));
}

TEST_P(ListContract, PagesByKeyset) {
  app::ComplaintQuery page;
  page.limit = 3;
  EXPECT_EQ(List(page), Refs({0, 1, 2}));
  page.after_reference = references_[2];
  EXPECT_EQ(List(page), Refs({3}));
  page.after_reference = references_[3];
  EXPECT_TRUE(List(page).empty());

  app::ComplaintQuery invalid;
  invalid.limit = 0;
  Result<std::vector<app::ComplaintRow>> rows = InRead<std::vector<app::ComplaintRow>>(
      [&](app::Tx& tx) { return tx.Complaints().List(invalid); });
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalidInput);
}

TEST_P(SortContract, EachOrderBreaksTiesByReferenceAndDescendingIsItsReverse) {
  using app::ComplaintSort;
  const std::vector<std::pair<ComplaintSort, std::vector<std::string>>> orders = {
      {ComplaintSort::kReference, Refs({kA, kB, kC, kE, kD})},
      {ComplaintSort::kReceivedOn, Refs({kA, kE, kB, kC, kD})},
      {ComplaintSort::kDueOn, Refs({kA, kB, kE, kD, kC})},
  };
  for (const auto& [sort, ascending] : orders) {
    SCOPED_TRACE(static_cast<int>(sort));
    EXPECT_EQ(List(Sorted(sort, app::SortDirection::kAscending)), ascending);
    std::vector<std::string> descending(ascending.rbegin(), ascending.rend());
    EXPECT_EQ(List(Sorted(sort, app::SortDirection::kDescending)), descending);
    // Paging visits every row once, in order, whatever the page size and wherever a page ends
    // (on a tie, or on the undated case).
    for (int page_size : {1, 2, 3}) {
      EXPECT_EQ(AllPages(Sorted(sort, app::SortDirection::kAscending), page_size), ascending);
      EXPECT_EQ(AllPages(Sorted(sort, app::SortDirection::kDescending), page_size), descending);
    }
  }
}

TEST_P(SortContract, PagesKeepTheirFilters) {
  app::ComplaintQuery query = Sorted(app::ComplaintSort::kDueOn, app::SortDirection::kAscending);
  query.due_before = D("2025-01-01");
  EXPECT_EQ(AllPages(query, 1), Refs({kA, kB, kE}));
  query.direction = app::SortDirection::kDescending;
  EXPECT_EQ(AllPages(query, 2), Refs({kE, kB, kA}));

  query = Sorted(app::ComplaintSort::kReceivedOn, app::SortDirection::kDescending);
  query.category = "billing";
  EXPECT_EQ(AllPages(query, 2), Refs({kD, kC, kE, kA}));
}

TEST_P(SortContract, DueFromAndDueBeforeBoundTheDeadline) {
  app::ComplaintQuery query;
  query.due_from = D("2024-06-20");
  EXPECT_EQ(List(query), Refs({kB, kE, kD}));
  query.due_before = D("2025-02-01");
  EXPECT_EQ(List(query), Refs({kB, kE}));
}

TEST_P(SortContract, ABadCursorIsInvalidInputNamingIt) {
  app::ComplaintQuery query =
      Sorted(app::ComplaintSort::kReceivedOn, app::SortDirection::kAscending);
  query.after = app::ComplaintCursor{"yesterday", references_[kA]};
  Result<std::vector<app::ComplaintRow>> rows = Rows(query);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(rows.error().fields.front().field, "after");

  query.after = app::ComplaintCursor{"2024-05-01", ""};
  EXPECT_FALSE(Rows(query));

  query.after.reset();
  query.after_reference = references_[kA];
  rows = Rows(query);
  ASSERT_FALSE(rows);
  EXPECT_EQ(rows.error().fields.front().field, "after_reference");
}

TEST_P(SortContract, CountsByStatusFollowTheFilters) {
  const auto counts = [this](const app::ComplaintQuery& query) {
    Result<app::StatusCounts> counted = InRead<app::StatusCounts>(
        [&](app::Tx& tx) { return tx.Complaints().CountByStatus(query); });
    EXPECT_TRUE(counted) << counted.error().message;
    return counted.value_or(app::StatusCounts{});
  };
  using core::CaseStatus;
  app::ComplaintQuery all;
  all.limit = 1;  // ignored, like the sort and the cursor
  all.sort = app::ComplaintSort::kDueOn;
  all.after = app::ComplaintCursor{"2030-01-01", "CMP-2030-000001"};
  EXPECT_EQ(counts(all), (app::StatusCounts{{CaseStatus::kAwaitingAcknowledgement, 1},
                                            {CaseStatus::kInProgress, 3},
                                            {CaseStatus::kResponded, 1},
                                            {CaseStatus::kClosed, 0},
                                            {CaseStatus::kNotAccepted, 0},
                                            {CaseStatus::kWithdrawn, 0}}));
  app::ComplaintQuery housing;
  housing.team = "housing";
  app::StatusCounts expected = {{CaseStatus::kAwaitingAcknowledgement, 0},
                                {CaseStatus::kInProgress, 1},
                                {CaseStatus::kResponded, 1},
                                {CaseStatus::kClosed, 0},
                                {CaseStatus::kNotAccepted, 0},
                                {CaseStatus::kWithdrawn, 0}};
  EXPECT_EQ(counts(housing), expected);
}

TEST_P(SortContract, AReceiptRangeKeepsToTheReferencesOfItsYears) {
  // Ids and references in different orders, and a three-digit year, whose references sort after
  // the four-digit ones ("CMP-999-" > "CMP-2024-").
  for (const char* received :
       {"2023-12-31", "0999-06-01", "2024-12-31", "2025-01-01", "2023-01-01", "2024-01-01"}) {
    Insert(BasicComplaint(D(received)));
  }
  const std::vector<std::pair<std::optional<Date>, std::optional<Date>>> ranges = {
      {D("2024-01-01"), D("2024-12-31")}, {D("2023-12-31"), D("2024-01-01")},
      {D("2024-06-01"), std::nullopt},    {std::nullopt, D("2024-12-31")},
      {D("0999-01-01"), D("2023-12-31")}, {D("2025-01-01"), D("2024-01-01")},
      {D("2024-12-31"), D("9999-12-31")}};
  for (const auto& [from, to] : ranges) {
    app::ComplaintQuery query;
    std::string where = "1 = 1";
    if (from) {
      query.received_from = from;
      where += " AND received_on >= '" + from->ToIso() + "'";
    }
    if (to) {
      query.received_to = to;
      where += " AND received_on <= '" + to->ToIso() + "'";
    }
    for (app::SortDirection direction :
         {app::SortDirection::kAscending, app::SortDirection::kDescending}) {
      query.direction = direction;
      const bool descending = direction == app::SortDirection::kDescending;
      const std::vector<std::string> expected =
          factory_->Column("SELECT reference FROM complaints WHERE " + where +
                           " ORDER BY reference" + (descending ? " DESC" : ""));
      for (int page_size : {1, 2, 50}) {
        EXPECT_EQ(AllPages(query, page_size), expected)
            << where << (descending ? " desc " : " ") << page_size;
      }
    }
  }
}

TEST_P(SortContract, RestrictedCasesAreLeftOutOfListsAndCountsAlike) {
  for (const char* team : {"housing", "revenues"}) {
    core::Complaint restricted = BasicComplaint(D("2024-08-01"));
    restricted.restricted = true;
    restricted.stages = {FirstStage(restricted.received_on, team)};
    Insert(restricted);
  }
  for (const char* team : {"housing", "revenues", "independent", ""}) {
    const std::string visible =
        std::string(
            "(NOT restricted OR EXISTS (SELECT 1 FROM complaint_stages AS s WHERE "
            "s.complaint_id = complaints.id AND s.team = '") +
        team + "'))";
    for (const char* filter : {"", "housing"}) {
      app::ComplaintQuery query;
      query.visible_to_team = team;
      query.team = filter;
      const std::string where = visible + (*filter != '\0' ? " AND team = 'housing'" : "");
      EXPECT_EQ(List(query), factory_->Column("SELECT reference FROM complaints WHERE " + where +
                                              " ORDER BY reference"))
          << team << " " << filter;

      Result<app::StatusCounts> counts = InRead<app::StatusCounts>(
          [&](app::Tx& tx) { return tx.Complaints().CountByStatus(query); });
      ASSERT_TRUE(counts) << counts.error().message;
      for (const auto& [status, count] : *counts) {
        EXPECT_EQ(std::to_string(count),
                  Value("SELECT count(*) FROM complaints WHERE " + where + " AND status = '" +
                        std::string(ToString(status)) + "'"))
            << team << " " << filter << " " << ToString(status);
      }
    }
  }
}

TEST_P(TextSearchContract, FindsEveryWordInSummaryOrDescription) {
  EXPECT_EQ(Search("mould"), Refs({kMould}));
  EXPECT_EQ(Search("BEDROOM unwell"), Refs({kMould}));    // one word in each field, any case
  EXPECT_EQ(Search("mould station"), Refs({}));           // every word must occur
  EXPECT_EQ(Search("collec"), Refs({kBins}));             // the last word is a prefix
  EXPECT_EQ(Search("collec road"), Refs({}));             // only the last
  EXPECT_EQ(Search("  cafe\tlicence\n"), Refs({kCafe}));  // accents folded, any whitespace
  EXPECT_EQ(Search("the"), Refs({kMould, kCafe}));
  EXPECT_EQ(Search("mould -"), Refs({kMould}));  // a word with no letters adds no condition

  app::ComplaintQuery filtered;
  filtered.text = "the";
  filtered.status = core::CaseStatus::kInProgress;
  EXPECT_EQ(List(filtered), Refs({kCafe}));
}

TEST_P(TextSearchContract, AnyTextIsSafe) {
  // Search syntax is searched for as words, never run; no text is an error.
  EXPECT_EQ(Search("mould\""), Refs({kMould}));
  EXPECT_EQ(Search("\"mould\" OR bin"), Refs({}));
  EXPECT_EQ(Search("NOT mould"), Refs({}));
  EXPECT_EQ(Search("\"\"\""), Refs({kMould, kBins, kCafe}));  // no words: no text filter
  for (const std::string& text : std::vector<std::string>{
           "(", ")", "*", "mould*", "^mould", "summary:mould", "NEAR(mould bin)", "a AND", "-", "+",
           "mou\xff\xfeld", std::string("mo\0uld", 6), "'; DROP TABLE complaints; --"}) {
    app::ComplaintQuery query;
    query.text = text;
    Result<std::vector<app::ComplaintRow>> rows = InRead<std::vector<app::ComplaintRow>>(
        [&](app::Tx& tx) { return tx.Complaints().List(query); });
    EXPECT_TRUE(rows) << text << ": " << rows.error().message;
  }
  EXPECT_EQ(Search("summary:mould"), Refs({}));
}

TEST_P(TextSearchContract, FollowsUpdatesAndFailedWrites) {
  core::Complaint edited = stored_[kBins];
  edited.description = "Recycling left on the pavement.";
  ASSERT_TRUE(InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(edited, edited.version,
                                  Event(core::EventType::kNoteAdded, "Edit"));
  }));
  EXPECT_EQ(Search("station"), Refs({}));
  EXPECT_EQ(Search("recycling pavement"), Refs({kBins}));
  EXPECT_EQ(Search("bin"), Refs({kBins}));

  // An update that leaves the text alone keeps it searchable.
  core::Complaint acknowledged = stored_[kMould];
  acknowledged.status = core::CaseStatus::kInProgress;
  ASSERT_TRUE(InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(acknowledged, acknowledged.version,
                                  Event(core::EventType::kAcknowledged, "Acknowledged"));
  }));
  EXPECT_EQ(Search("mould"), Refs({kMould}));

  Status refused = store_->Write([](app::Tx& tx) -> Status {
    core::Complaint zebra = BasicComplaint(D("2024-05-04"));
    zebra.summary = "Zebra crossing";
    Result<core::Complaint> inserted =
        tx.Complaints().Insert(zebra, Event(core::EventType::kLogged, "Logged"));
    if (!inserted) return Failed(inserted.error());
    return core::Fail(ErrorCode::kInvalidInput, "changed my mind");
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(Search("zebra"), Refs({}));
}

TEST_P(TextSearchContract, TheLastWordFindsTheIndexedWordsItBegins) {
  EXPECT_EQ(Search("caf"), Refs({kCafe}));  // the index holds "cafe"
  EXPECT_EQ(Search("CAFÉ"), Refs({kCafe}));
  EXPECT_EQ(Search("bedroom mou"), Refs({kMould}));
  EXPECT_EQ(Search("zebra"), Refs({}));  // begins no indexed word
  EXPECT_EQ(Search("mould zebra"), Refs({}));
  EXPECT_EQ(Search("café's"), Refs({kCafe}));  // two tokens: a phrase ending in a prefix
  EXPECT_EQ(Search("- mould"), Refs({kMould}));

  const auto counts = [this](const std::string& text) {
    app::ComplaintQuery query;
    query.text = text;
    Result<app::StatusCounts> counted = InRead<app::StatusCounts>(
        [&](app::Tx& tx) { return tx.Complaints().CountByStatus(query); });
    EXPECT_TRUE(counted) << counted.error().message;
    std::int64_t total = 0;
    for (const auto& [status, count] : counted.value_or(app::StatusCounts{})) total += count;
    EXPECT_EQ(counted.value_or(app::StatusCounts{}).size(), 6u);
    return total;
  };
  EXPECT_EQ(counts("zebra"), 0);
  EXPECT_EQ(counts("the"), 2);
}

TEST_P(TextSearchContract, APrefixOfManyWordsStillFindsThem) {
  core::Complaint many = BasicComplaint(D("2024-05-04"));
  for (int i = 0; i < 100; ++i) many.description += "zeta" + std::to_string(i) + " ";
  stored_.push_back(Insert(many));
  const int kMany = 3;
  EXPECT_EQ(Search("zeta"), Refs({kMany}));   // a hundred words: FTS5 reads the prefix itself
  EXPECT_EQ(Search("zeta9"), Refs({kMany}));  // eleven words
  EXPECT_EQ(Search("zeta99"), Refs({kMany}));
  EXPECT_EQ(Search("zeta100"), Refs({}));
}

}  // namespace
}  // namespace redress::storage::contract
