// The complaints repository on PostgreSQL, against the test cluster: a case round-trips whole,
// references are gap-free, a stale update is refused, lists page in every order, search folds
// case and accents, restricted cases stay out of outsiders' lists and counts.

#include <gtest/gtest.h>
#include <sodium.h>

#include <memory>
#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/postgres/test_database.hpp"

namespace redress::storage::postgres {
namespace {

using core::Date;

// The case builders are the store contract's (storage/contract).
using contract::BasicComplaint;
using contract::D;
using contract::Event;
using contract::FirstStage;
using contract::FullComplaint;

class FixedClock final : public app::Clock {
 public:
  core::Date Today() const override { return D("2024-12-20"); }
  std::string NowRfc3339() const override { return "2024-12-20T09:30:00.000Z"; }
  std::int64_t NowUnixSeconds() const override { return 1734687000; }
};

class PostgresComplaintTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_GE(sodium_init(), 0);
    std::optional<TestDatabase> created = TestDatabase::Create();
    if (!created) GTEST_SKIP() << "REDRESS_TEST_POSTGRES_URL is not set";
    database_.emplace(std::move(*created));
    store_ = OpenStore();
    ASSERT_NE(store_, nullptr);
    ASSERT_TRUE(store_->Write([](app::Tx& tx) -> Status {
      app::OrganisationRepository& o = tx.Organisation();
      for (const char* team : {"housing", "independent", "revenues"}) {
        if (Status s = o.UpsertTeam({team, team}); !s) return s;
      }
      if (Status s = o.UpsertServiceArea({"repairs", "Repairs", "housing"}); !s) return s;
      if (Status s = o.UpsertServiceArea({"council-tax", "Council tax", "revenues"}); !s) return s;
      for (const char* category : {"damp", "billing"}) {
        if (Status s = o.UpsertCategory({category, category, true}); !s) return s;
      }
      for (const char* cause : {"communication", "delay"}) {
        if (Status s = o.UpsertRootCause({cause, cause, true}); !s) return s;
      }
      return {};
    }));
  }

  std::unique_ptr<PostgresStore> OpenStore() {
    Result<std::unique_ptr<PostgresStore>> store = PostgresStore::Open(database_->url(), clock_);
    EXPECT_TRUE(store) << store.error().message;
    return store ? std::move(*store) : nullptr;
  }

  Result<core::Complaint> Insert(const core::Complaint& complaint) {
    std::optional<Result<core::Complaint>> stored;
    Status written = store_->Write([&](app::Tx& tx) -> Status {
      stored = tx.Complaints().Insert(complaint, Event(core::EventType::kLogged, "logged"));
      if (!*stored) return Unexpected(stored->error());
      return {};
    });
    if (!written) return Unexpected(written.error());
    return *stored;
  }

  Result<core::Complaint> Load(const std::string& reference) {
    std::optional<Result<core::Complaint>> loaded;
    Status read = store_->Read([&](app::Tx& tx) -> Status {
      loaded = tx.Complaints().Load(reference);
      return {};
    });
    if (!read) return Unexpected(read.error());
    return *loaded;
  }

  std::vector<app::ComplaintRow> List(const app::ComplaintQuery& query) {
    std::vector<app::ComplaintRow> rows;
    Status read = store_->Read([&](app::Tx& tx) -> Status {
      Result<std::vector<app::ComplaintRow>> listed = tx.Complaints().List(query);
      if (!listed) return Unexpected(listed.error());
      rows = std::move(*listed);
      return {};
    });
    EXPECT_TRUE(read) << read.error().message;
    return rows;
  }

  std::vector<std::string> References(const app::ComplaintQuery& query) {
    std::vector<std::string> references;
    for (const app::ComplaintRow& row : List(query)) references.push_back(row.reference);
    return references;
  }

  FixedClock clock_;
  std::optional<TestDatabase> database_;
  std::unique_ptr<PostgresStore> store_;
};

TEST_F(PostgresComplaintTest, FullyPopulatedComplaintRoundTrips) {
  const core::Complaint original = FullComplaint();
  Result<core::Complaint> stored = Insert(original);
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_EQ(stored->reference, "CMP-2024-000001");
  EXPECT_EQ(stored->version, 1);
  Result<core::Complaint> loaded = Load(stored->reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  core::Complaint expected = original;
  expected.id = stored->id;
  expected.reference = stored->reference;
  expected.version = 1;
  EXPECT_EQ(*loaded, expected);
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->intact);
  EXPECT_EQ(audit->records, 1);
}

TEST_F(PostgresComplaintTest, AnUnknownServiceAreaIsNamedAndNothingIsKept) {
  core::Complaint complaint = BasicComplaint(D("2024-05-01"));
  complaint.service_area = "nowhere";
  Result<core::Complaint> stored = Insert(complaint);
  ASSERT_FALSE(stored);
  EXPECT_EQ(stored.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(stored.error().fields.size(), 1u);
  EXPECT_EQ(stored.error().fields[0].field, "service_area");
  // The reference number went back with the rollback: the next complaint takes 1.
  Result<core::Complaint> next = Insert(BasicComplaint(D("2024-05-01")));
  ASSERT_TRUE(next) << next.error().message;
  EXPECT_EQ(next->reference, "CMP-2024-000001");
}

// Two instances update the same case from the same version: one wins, the other is refused.
TEST_F(PostgresComplaintTest, AStaleUpdateThroughAnotherInstanceIsRefused) {
  Result<core::Complaint> stored = Insert(BasicComplaint(D("2024-05-01")));
  ASSERT_TRUE(stored);
  std::unique_ptr<PostgresStore> other = OpenStore();
  const auto update = [&](PostgresStore& store, const char* summary) {
    core::Complaint changed = *stored;
    changed.summary = summary;
    return store.Write([&](app::Tx& tx) -> Status {
      Result<core::Complaint> updated =
          tx.Complaints().Update(changed, 1, Event(core::EventType::kReassigned, "changed"));
      if (!updated) return Unexpected(updated.error());
      return {};
    });
  };
  ASSERT_TRUE(update(*store_, "First"));
  Status second = update(*other, "Second");
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::kStaleVersion);
  Result<core::Complaint> loaded = Load(stored->reference);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->summary, "First");
  EXPECT_EQ(loaded->version, 2);
}

TEST_F(PostgresComplaintTest, PagesCoverTheListExactlyInEveryOrder) {
  const char* received[] = {"2024-05-03", "2024-05-01", "2024-05-03", "2024-05-02", "2024-05-05"};
  for (const char* on : received) ASSERT_TRUE(Insert(BasicComplaint(D(on))));
  // One case with no pending deadline.
  core::Complaint closed = BasicComplaint(D("2024-05-04"));
  closed.status = core::CaseStatus::kWithdrawn;
  closed.withdrawal = core::Withdrawal{D("2024-05-06"), "Sorted", core::CaseStatus::kInProgress};
  ASSERT_TRUE(Insert(closed));
  for (app::ComplaintSort sort : {app::ComplaintSort::kReference, app::ComplaintSort::kReceivedOn,
                                  app::ComplaintSort::kDueOn}) {
    for (app::SortDirection direction :
         {app::SortDirection::kAscending, app::SortDirection::kDescending}) {
      app::ComplaintQuery whole;
      whole.sort = sort;
      whole.direction = direction;
      whole.limit = 100;
      const std::vector<app::ComplaintRow> all = List(whole);
      ASSERT_EQ(all.size(), 6u);
      std::vector<std::string> paged;
      app::ComplaintQuery page = whole;
      page.limit = 2;
      for (int guard = 0; guard < 10; ++guard) {
        std::vector<app::ComplaintRow> rows = List(page);
        for (const auto& row : rows) paged.push_back(row.reference);
        if (rows.size() < 2) break;
        page.after = app::CursorAfter(rows.back(), sort);
      }
      std::vector<std::string> expected;
      for (const auto& row : all) expected.push_back(row.reference);
      EXPECT_EQ(paged, expected) << static_cast<int>(sort) << "/" << static_cast<int>(direction);
    }
  }
  app::ComplaintQuery by_received;
  by_received.sort = app::ComplaintSort::kReceivedOn;
  EXPECT_EQ(References(by_received).front(), "CMP-2024-000002");
  app::ComplaintQuery by_due;
  by_due.sort = app::ComplaintSort::kDueOn;
  EXPECT_EQ(References(by_due).back(), "CMP-2024-000006");  // no deadline: last
}

// Table-driven: what a search finds (each word as a word, the last also as a prefix, regardless
// of case and accents), as on SQLite's FTS5.
TEST_F(PostgresComplaintTest, SearchFoldsCaseAndAccentsAndReadsTheLastWordAsAPrefix) {
  core::Complaint first = BasicComplaint(D("2024-05-01"));
  first.summary = "Réparation du toit";
  first.description = "Mould in the BEDROOM";
  ASSERT_TRUE(Insert(first));
  ASSERT_TRUE(Insert(BasicComplaint(D("2024-05-02"))));
  struct Case {
    const char* text;
    std::size_t found;
  };
  const Case cases[] = {
      {"reparation", 1}, {"REPARATION toit", 1}, {"mou", 1}, {"bedroom mou", 1}, {"toitx", 0},
      {"\"toit\"", 1},   {"wrong bill", 1},      {"  ", 2},  {"bill toit", 0},   {"rép", 1},
  };
  for (const Case& c : cases) {
    app::ComplaintQuery query;
    query.text = c.text;
    EXPECT_EQ(List(query).size(), c.found) << c.text;
  }
}

TEST_F(PostgresComplaintTest, RestrictedCasesAreLeftOutOfListsAndCountsAlike) {
  core::Complaint restricted = BasicComplaint(D("2024-05-01"));
  restricted.restricted = true;
  restricted.stages = {FirstStage(D("2024-05-01"), "housing")};
  ASSERT_TRUE(Insert(restricted));
  ASSERT_TRUE(Insert(BasicComplaint(D("2024-05-02"))));
  for (const auto& [team, seen] :
       {std::pair<std::string, std::size_t>{"housing", 2}, {"revenues", 1}, {"", 1}}) {
    app::ComplaintQuery query;
    query.visible_to_team = team;
    EXPECT_EQ(List(query).size(), seen) << team;
    std::int64_t counted = 0;
    ASSERT_TRUE(store_->Read([&](app::Tx& tx) -> Status {
      Result<app::StatusCounts> counts = tx.Complaints().CountByStatus(query);
      if (!counts) return Unexpected(counts.error());
      for (const auto& [status, count] : *counts) counted += count;
      EXPECT_EQ(counts->size(), 6u);
      return {};
    }));
    EXPECT_EQ(counted, static_cast<std::int64_t>(seen)) << team;
  }
}

TEST_F(PostgresComplaintTest, NotesAndLinksRoundTripAndALinkIsMadeOnce) {
  ASSERT_TRUE(Insert(BasicComplaint(D("2024-05-01"))));
  ASSERT_TRUE(Insert(BasicComplaint(D("2024-05-02"))));
  const app::CaseLink link{"CMP-2024-000002", "CMP-2024-000001", app::LinkRelation::kDuplicateOf,
                           "officer", "2024-05-02T10:00:00Z"};
  Status written = store_->Write([&](app::Tx& tx) -> Status {
    app::CaseNoteRepository& notes = tx.CaseNotes();
    Result<app::CaseNote> note =
        notes.InsertNote("CMP-2024-000001", {0, "officer", "2024-05-01T10:00:00Z", "Rang back"});
    if (!note) return Unexpected(note.error());
    EXPECT_GT(note->id, 0);
    EXPECT_EQ(notes.InsertNote("CMP-2024-000009", {}).error().code, ErrorCode::kNotFound);
    if (Status linked = notes.InsertLink(link); !linked) return linked;
    // The same pair the other way round: refused, and the transaction goes on.
    app::CaseLink reversed = link;
    std::swap(reversed.from, reversed.to);
    EXPECT_EQ(notes.InsertLink(reversed).error().code, ErrorCode::kConflict);
    return {};
  });
  ASSERT_TRUE(written) << written.error().message;
  ASSERT_TRUE(store_->Write([&](app::Tx& tx) -> Status {
    Result<std::vector<app::CaseNote>> notes = tx.CaseNotes().NotesOf("CMP-2024-000001");
    EXPECT_TRUE(notes);
    EXPECT_EQ(notes->size(), 1u);
    EXPECT_EQ(notes->front().text, "Rang back");
    Result<std::vector<app::CaseLink>> links = tx.CaseNotes().LinksOf("CMP-2024-000001");
    EXPECT_TRUE(links);
    EXPECT_EQ(links->size(), 1u);
    EXPECT_EQ(links->front().relation, app::LinkRelation::kDuplicateOf);
    Result<app::CaseLink> removed = tx.CaseNotes().DeleteLink("CMP-2024-000001", "CMP-2024-000002");
    EXPECT_TRUE(removed);
    EXPECT_EQ(removed->from, "CMP-2024-000002");
    EXPECT_EQ(tx.CaseNotes().DeleteLink("CMP-2024-000001", "CMP-2024-000002").error().code,
              ErrorCode::kNotFound);
    return {};
  }));
}

TEST_F(PostgresComplaintTest, AServiceRequestRoundTripsAndNamesAnUnknownComplaint) {
  core::ServiceRequest request;
  request.channel = core::Channel::kPhone;
  request.received_on = D("2024-05-01");
  request.service_area = "repairs";
  request.summary = "Boiler";
  request.description = "No hot water";
  request.requester = {"Sam", "sam@example.org", "", "2 Low Road", ""};
  request.team = "housing";
  std::optional<core::ServiceRequest> stored;
  ASSERT_TRUE(store_->Write([&](app::Tx& tx) -> Status {
    Result<core::ServiceRequest> inserted = tx.ServiceRequests().Insert(
        request, Event(core::EventType::kServiceRequestLogged, "logged"));
    if (!inserted) return Unexpected(inserted.error());
    stored = *inserted;
    return {};
  }));
  EXPECT_EQ(stored->reference, "SR-2024-000001");
  core::ServiceRequest resolved = *stored;
  resolved.status = core::ServiceRequestStatus::kResolved;
  resolved.resolved_on = D("2024-05-02");
  resolved.resolution = "Fixed";
  ASSERT_TRUE(store_->Write([&](app::Tx& tx) -> Status {
    Result<core::ServiceRequest> updated = tx.ServiceRequests().Update(
        resolved, 1, Event(core::EventType::kServiceRequestResolved, "resolved"));
    if (!updated) return Unexpected(updated.error());
    EXPECT_EQ(updated->version, 2);
    Result<core::ServiceRequest> stale = tx.ServiceRequests().Update(
        resolved, 1, Event(core::EventType::kServiceRequestResolved, "resolved"));
    EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
    return {};
  }));
  ASSERT_TRUE(store_->Read([&](app::Tx& tx) -> Status {
    Result<core::ServiceRequest> loaded = tx.ServiceRequests().Load("SR-2024-000001");
    EXPECT_TRUE(loaded);
    core::ServiceRequest expected = resolved;
    expected.version = 2;
    EXPECT_EQ(*loaded, expected);
    return {};
  }));
  core::ServiceRequest converted = resolved;
  converted.complaint_reference = "CMP-2024-000099";
  Status refused = store_->Write([&](app::Tx& tx) -> Status {
    Result<core::ServiceRequest> updated = tx.ServiceRequests().Update(
        converted, 2, Event(core::EventType::kServiceRequestConverted, "converted"));
    if (!updated) return Unexpected(updated.error());
    return {};
  });
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "complaint_reference");
}

}  // namespace
}  // namespace redress::storage::postgres
