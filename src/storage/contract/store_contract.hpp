#pragma once

// The store contract: one behavioural test suite that every storage engine passes, written
// against app::Store and its repositories only. An engine instantiates it with
// REDRESS_INSTANTIATE_STORE_CONTRACT and a StoreEngine whose factory makes a fresh, empty
// database per test; what only one engine has (SQLite's WAL, FTS5's dictionary, group commit,
// PostgreSQL's locking) is tested beside that engine instead.

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/ports.hpp"
#include "core/repeats.hpp"

namespace redress::storage::contract {

using core::Date;
using core::ErrorCode;
using core::Result;
using core::Status;

// One database of an engine under test.
class StoreFactory {
 public:
  virtual ~StoreFactory() = default;
  // Opens a store on this factory's database: created and migrated, empty, on the first call; the
  // same database again on later calls (a restart). The store stamps events with `clock`.
  virtual Result<std::unique_ptr<app::Store>> Open(const app::Clock& clock) = 0;
  // Runs `sql` on the database behind the store's back, as someone with access to the database
  // could: the tampering the audit chain must reveal. The SQL is plain enough for every engine.
  // Throws on failure.
  virtual void Execute(const std::string& sql) = 0;
  // The first column of every row `sql` returns, as text: expectations computed by the database
  // itself, independently of the store's own queries. Throws on failure.
  virtual std::vector<std::string> Column(const std::string& sql) = 0;
};

// An engine: its name (the instantiation's suffix) and how to make a fresh, empty database.
struct StoreEngine {
  std::string name;
  std::function<std::unique_ptr<StoreFactory>()> make;
};

inline constexpr std::string_view kNow = "2025-01-15T10:00:00.000Z";
inline constexpr std::int64_t kNowUnixSeconds = 1736935200;  // kNow, to the second

// The clock is an input of the store (it stamps migrations and events); tests fix it.
class FixedClock final : public app::Clock {
 public:
  Date Today() const override { return *Date::Parse("2025-01-15"); }
  std::string NowRfc3339() const override { return std::string(kNow); }
  std::int64_t NowUnixSeconds() const override { return kNowUnixSeconds; }
};

inline Date D(std::string_view iso) {
  std::optional<Date> date = Date::Parse(iso);
  EXPECT_TRUE(date.has_value()) << iso;
  return date.value_or(Date());
}

inline tl::unexpected<core::Error> Failed(const core::Error& error) {
  return tl::unexpected<core::Error>(error);
}

inline core::CaseEvent Event(core::EventType type, std::string summary, int stage = 1) {
  return core::CaseEvent{type,  D("2024-05-01"),    "officer",
                         stage, std::move(summary), {{"status", "", "awaiting_acknowledgement"}}};
}

inline core::Stage FirstStage(Date received_on, std::string team = "housing",
                              std::string handler = "") {
  core::Stage stage;
  stage.number = 1;
  stage.started_on = received_on;
  stage.team = std::move(team);
  stage.handler = std::move(handler);
  stage.acknowledge_by = received_on.AddDays(7);
  return stage;
}

inline core::Complaint BasicComplaint(Date received_on) {
  core::Complaint c;
  c.regime = core::Regime::kCorporate;
  c.channel = core::Channel::kEmail;
  c.service_area = "council-tax";
  c.category = "billing";
  c.summary = "Wrong bill";
  c.description = "Billed twice for March.";
  c.complainant = {"Sam Jones", "sam@example.org", "", "2 Low Road", "ZZ9 9ZZ"};
  c.received_on = received_on;
  c.stages = {FirstStage(received_on, "revenues")};
  return c;
}

// A case using every field: two stages, an extension, a response with root causes, remedies (one
// financial) and actions, a representative.
inline core::Complaint FullComplaint() {
  core::Complaint c;
  c.regime = core::Regime::kHousing;
  c.channel = core::Channel::kWebForm;
  c.service_area = "repairs";
  c.category = "damp";
  c.summary = "Damp in the bedroom not fixed";
  c.description = "Reported three times since January; mould is back.";
  c.desired_outcome = "Fix the window and compensate";
  c.complainant = {"Jane Smith", "jane@example.org", "07700 900123", "1 High Street", "AB1 2CD"};
  c.representative = core::Person{"Cllr Brown", "brown@council.example", "", "Town Hall", ""};
  c.received_on = D("2024-05-01");
  c.matter_arose_on = D("2024-01-15");
  c.status = core::CaseStatus::kInProgress;
  c.reopen_count = 1;
  c.restricted = true;

  core::Stage first = FirstStage(c.received_on, "housing", "alice");
  first.acknowledged_on = D("2024-05-03");
  first.respond_by_original = D("2024-05-17");
  first.respond_by = D("2024-05-31");
  first.extensions = {{D("2024-05-15"), 10, "Awaiting the contractor's survey", "", D("2024-05-17"),
                       D("2024-05-31"), true}};
  first.response = core::Response{
      D("2024-05-30"),
      core::Outcome::kPartlyUpheld,
      {"communication", "delay"},
      {{core::RemedyType::kApology, 0, "Apology letter"},
       {core::RemedyType::kFinancial, 25000, "Compensation for distress"}},
      {{"Replace the window", D("2024-06-30"), "repairs", core::ActionStatus::kOpen, std::nullopt},
       {"Update the repair record", std::nullopt, "alice", core::ActionStatus::kDone,
        D("2024-05-30")}},
      "Chase contractors weekly",
      "alice"};
  first.first_responded_on = D("2024-05-20");
  // History that stays put (migration 0011): an answer a reopening superseded, kept whole.
  first.earlier_responses = {core::Response{
      D("2024-05-20"),
      core::Outcome::kNotUpheld,
      {"delay"},
      {{core::RemedyType::kFinancial, 10000, "Goodwill \"payment\", £100"}},
      {{"Survey the window", D("2024-05-25"), "repairs", core::ActionStatus::kDone,
        D("2024-05-24")},
       {"Call back", std::nullopt, "alice", core::ActionStatus::kOpen, std::nullopt}},
      "",
      "bob"}};
  first.reopenings = {D("2024-05-22")};
  first.reopened_on = D("2024-05-22");
  c.earlier_refusals = {
      core::Refusal{D("2024-05-02"), core::RefusalReason::kOther, "Thought it was a request"}};
  c.earlier_withdrawals = {
      core::Withdrawal{D("2024-05-04"), "Changed their mind", core::CaseStatus::kInProgress}};

  core::Stage second;
  second.number = 2;
  second.started_on = D("2024-06-10");
  second.escalation_reason = "Still damp";
  second.team = "independent";
  second.handler = "carol";
  second.acknowledge_by = D("2024-06-17");
  second.acknowledged_on = D("2024-06-12");
  second.respond_by_original = D("2024-07-10");
  second.respond_by = D("2024-07-10");
  second.outside_code = true;
  second.reopened_on = D("2024-06-20");
  second.reopenings = {D("2024-06-14"), D("2024-06-20")};

  c.stages = {first, second};
  return c;
}

// The calls a store test makes, on the store TheStore() answers: shared by the contract's fixtures
// and each engine's own (e.g. sqlite/sqlite_store_test_support.hpp), so that both store, read and
// seed alike. Each fixture holds its store and says which it is.
class StoreCalls {
 protected:
  virtual ~StoreCalls() = default;
  virtual app::Store& TheStore() = 0;

  void WriteOk(const std::function<Status(app::Tx&)>& work) {
    Status status = TheStore().Write(work);
    ASSERT_TRUE(status) << status.error().message;
  }
  void ReadOk(const std::function<Status(app::Tx&)>& work) {
    Status status = TheStore().Read(work);
    ASSERT_TRUE(status) << status.error().message;
  }

  // Runs one Tx call in a Write and returns its result.
  template <typename T>
  Result<T> InWrite(const std::function<Result<T>(app::Tx&)>& call) {
    std::optional<Result<T>> result;
    Status status = TheStore().Write([&](app::Tx& tx) -> Status {
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
    Status status = TheStore().Read([&](app::Tx& tx) -> Status {
      result = call(tx);
      return {};
    });
    if (!result) return Failed(status.error());
    return *result;
  }
  Status WriteStatus(const std::function<Status(app::Tx&)>& call) { return TheStore().Write(call); }

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
};

class StoreContract : public ::testing::TestWithParam<StoreEngine>, protected StoreCalls {
 protected:
  void SetUp() override {
    factory_ = GetParam().make();
    OpenStore();
    SeedReferenceData();
  }

  void OpenStore() {
    store_.reset();
    Result<std::unique_ptr<app::Store>> opened = factory_->Open(clock_);
    ASSERT_TRUE(opened) << opened.error().message;
    store_ = std::move(*opened);
  }
  app::Store& TheStore() override { return *store_; }

  // The first value `sql` reads on the database directly, "" when it reads none.
  std::string Value(const std::string& sql) {
    std::vector<std::string> values = factory_->Column(sql);
    return values.empty() ? "" : values.front();
  }

  std::unique_ptr<StoreFactory> factory_;
  FixedClock clock_;
  std::unique_ptr<app::Store> store_;
};

// Cases A to D of the list tests, stored on the fixture `Base` (a StoreCalls) by every engine's
// list tests alike.
template <typename Base>
class WithListCases : public Base {
 protected:
  void SetUp() override {
    Base::SetUp();
    // A: corporate, awaiting acknowledgement, due 2024-05-08.
    core::Complaint a = BasicComplaint(D("2024-05-01"));
    // B: housing, in progress with alice, due 2024-06-20.
    core::Complaint b = BasicComplaint(D("2024-06-03"));
    b.regime = core::Regime::kHousing;
    b.service_area = "repairs";
    b.category = "damp";
    b.status = core::CaseStatus::kInProgress;
    b.stages = {FirstStage(b.received_on, "housing", "alice")};
    b.stages[0].respond_by = D("2024-06-20");
    // C: housing, responded at stage 2 with bob, nothing pending.
    core::Complaint c = BasicComplaint(D("2024-07-01"));
    c.regime = core::Regime::kHousing;
    c.status = core::CaseStatus::kResponded;
    core::Stage second = FirstStage(D("2024-08-01"), "housing", "bob");
    second.number = 2;
    c.stages = {FirstStage(c.received_on, "revenues", "dave"), second};
    // D: corporate, in progress with alice, due 2025-02-01.
    core::Complaint d = BasicComplaint(D("2025-01-10"));
    d.status = core::CaseStatus::kInProgress;
    d.stages = {FirstStage(d.received_on, "revenues", "alice")};
    d.stages[0].respond_by = D("2025-02-01");
    for (const core::Complaint& complaint : {a, b, c, d})
      references_.push_back(this->Insert(complaint).reference);
  }

  std::vector<std::string> Refs(std::initializer_list<int> indexes) {
    std::vector<std::string> refs;
    for (int index : indexes) refs.push_back(references_[index]);
    return refs;
  }

  std::vector<std::string> references_;
};

// Adds E to A-D, tying with A on received_on and with B on due_on, so that each order needs its
// reference tie-break:
//   reference:   A 2024-000001, B 2024-000002, C 2024-000003, E 2024-000004, D 2025-000001
//   received_on: A 2024-05-01, E 2024-05-01, B 2024-06-03, C 2024-07-01, D 2025-01-10
//   due_on:      A 2024-05-08, B 2024-06-20, E 2024-06-20, D 2025-02-01, C none
template <typename Base>
class WithSortCases : public WithListCases<Base> {
 protected:
  void SetUp() override {
    WithListCases<Base>::SetUp();
    core::Complaint e = BasicComplaint(D("2024-05-01"));
    e.status = core::CaseStatus::kInProgress;
    e.stages[0].respond_by = D("2024-06-20");
    this->references_.push_back(this->Insert(e).reference);
  }

  static constexpr int kA = 0, kB = 1, kC = 2, kD = 3, kE = 4;

  Result<std::vector<app::ComplaintRow>> Rows(const app::ComplaintQuery& query) {
    return this->template InRead<std::vector<app::ComplaintRow>>(
        [&](app::Tx& tx) { return tx.Complaints().List(query); });
  }

  // Every page of `query`, `page_size` rows at a time, following the cursors.
  std::vector<std::string> AllPages(app::ComplaintQuery query, int page_size) {
    query.limit = page_size;
    std::vector<std::string> references;
    for (int pages = 0; pages < 100; ++pages) {
      Result<std::vector<app::ComplaintRow>> rows = Rows(query);
      EXPECT_TRUE(rows) << rows.error().message;
      if (!rows || rows->empty()) break;
      for (const app::ComplaintRow& row : *rows) references.push_back(row.reference);
      query.after = app::CursorAfter(rows->back(), query.sort);
    }
    return references;
  }

  static app::ComplaintQuery Sorted(app::ComplaintSort sort, app::SortDirection direction) {
    app::ComplaintQuery query;
    query.sort = sort;
    query.direction = direction;
    return query;
  }
};

// Three cases whose words the text search tests look for, on the fixture `Base` (a StoreCalls).
template <typename Base>
class WithTextCases : public Base {
 protected:
  void SetUp() override {
    Base::SetUp();
    core::Complaint mould = BasicComplaint(D("2024-05-01"));
    mould.summary = "Mould in the bedroom";
    mould.description = "The mould treated in March is back and the child is unwell.";
    core::Complaint bins = BasicComplaint(D("2024-05-02"));
    bins.summary = "Bin not collected";
    bins.description = "Missed collection on Station Road three weeks running.";
    core::Complaint cafe = BasicComplaint(D("2024-05-03"));
    cafe.summary = "Café licence refused";
    cafe.description = "The café's licence was refused without a reason.";
    cafe.status = core::CaseStatus::kInProgress;
    for (const core::Complaint& c : {mould, bins, cafe}) stored_.push_back(this->Insert(c));
  }

  std::vector<std::string> Search(const std::string& text) {
    app::ComplaintQuery query;
    query.text = text;
    return this->List(query);
  }
  std::vector<std::string> Refs(std::initializer_list<int> indexes) {
    std::vector<std::string> refs;
    for (int index : indexes) refs.push_back(stored_[index].reference);
    return refs;
  }

  static constexpr int kMould = 0, kBins = 1, kCafe = 2;
  std::vector<core::Complaint> stored_;
};

class ListContract : public WithListCases<StoreContract> {};
class SortContract : public WithSortCases<StoreContract> {};
class TextSearchContract : public WithTextCases<StoreContract> {};

class AuditChainContract : public StoreContract {
 protected:
  void SetUp() override {
    StoreContract::SetUp();
    for (int i = 0; i < kEvents; ++i) Insert(BasicComplaint(D("2024-05-01")));
  }
  app::AuditReport Verify() {
    Result<app::AuditReport> verification = store_->VerifyAudit();
    EXPECT_TRUE(verification) << verification.error().message;
    return verification.value_or(app::AuditReport{});
  }
  static constexpr int kEvents = 4;
};

// Erasable event content (erasable_events_contract.cpp): the audit chain's records, and the
// complaint of sequence 2 (the second inserted) with its logging and a note of sequence kNote.
class ErasableEventsContract : public AuditChainContract {
 protected:
  static constexpr std::string_view kErasedAt = "2031-02-03T04:05:06Z";
  static constexpr std::int64_t kNote = kEvents + 1;

  void SetUp() override {
    AuditChainContract::SetUp();
    reference_ = factory_->Column("SELECT entity_ref FROM events WHERE sequence = 2").at(0);
    WriteOk([&](app::Tx& tx) {
      return tx.Events().Append(app::EntityType::kComplaint, reference_,
                                Event(core::EventType::kNoteAdded, "Rang Ms Quartermaine-Ffolkes"));
    });
  }
  std::vector<app::StoredEvent> EventsOf(const std::string& reference) {
    Result<std::vector<app::StoredEvent>> events = InRead<std::vector<app::StoredEvent>>(
        [&](app::Tx& tx) { return tx.Events().EventsOf(app::EntityType::kComplaint, reference); });
    EXPECT_TRUE(events) << events.error().message;
    return events.value_or(std::vector<app::StoredEvent>{});
  }
  void EraseEntity() {
    WriteOk([&](app::Tx& tx) {
      return tx.Events().EraseContent(app::EntityType::kComplaint, reference_, kErasedAt);
    });
  }
  std::string reference_;
};

// The name of each instantiation's tests: the engine's.
inline std::string EngineName(const ::testing::TestParamInfo<StoreEngine>& info) {
  return info.param.name;
}

}  // namespace redress::storage::contract

// Runs the whole contract on `engine` (a StoreEngine), in every fixture of the suite. Use it once
// per engine, inside namespace redress::storage::contract (GoogleTest names the suites
// unqualified), in a test binary that links redress_storage_contract.
#define REDRESS_INSTANTIATE_STORE_CONTRACT(prefix, engine)                                     \
  INSTANTIATE_TEST_SUITE_P(prefix, StoreContract, ::testing::Values(engine), EngineName);      \
  INSTANTIATE_TEST_SUITE_P(prefix, ListContract, ::testing::Values(engine), EngineName);       \
  INSTANTIATE_TEST_SUITE_P(prefix, SortContract, ::testing::Values(engine), EngineName);       \
  INSTANTIATE_TEST_SUITE_P(prefix, TextSearchContract, ::testing::Values(engine), EngineName); \
  INSTANTIATE_TEST_SUITE_P(prefix, AuditChainContract, ::testing::Values(engine), EngineName); \
  INSTANTIATE_TEST_SUITE_P(prefix, ErasableEventsContract, ::testing::Values(engine), EngineName)
