#include "storage/sqlite/sqlite_store.hpp"

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
#include "storage/sqlite/migrations.hpp"

namespace redress::storage::sqlite {
namespace {

using core::Date;
using core::ErrorCode;
using core::Result;
using core::Status;

constexpr std::string_view kNow = "2025-01-15T10:00:00.000Z";
constexpr std::int64_t kNowUnixSeconds = 1736935200;  // kNow, to the second

// The clock is an input of the store (it stamps migrations and events); tests fix it.
class FixedClock final : public app::Clock {
 public:
  Date Today() const override { return *Date::Parse("2025-01-15"); }
  std::string NowRfc3339() const override { return std::string(kNow); }
  std::int64_t NowUnixSeconds() const override { return kNowUnixSeconds; }
};

Date D(std::string_view iso) {
  std::optional<Date> date = Date::Parse(iso);
  EXPECT_TRUE(date.has_value()) << iso;
  return date.value_or(Date());
}

tl::unexpected<core::Error> Failed(const core::Error& error) {
  return tl::unexpected<core::Error>(error);
}

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "redress-sqlite-XXXXXX");
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Direct access to the file, for what the store does not expose: raw rows and tampering.
class RawDatabase {
 public:
  explicit RawDatabase(const std::string& path) {
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) throw std::runtime_error("raw open failed");
  }
  ~RawDatabase() { sqlite3_close(db_); }
  RawDatabase(const RawDatabase&) = delete;
  RawDatabase& operator=(const RawDatabase&) = delete;

  void Execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    const std::string text = message != nullptr ? message : "";
    sqlite3_free(message);
    if (code != SQLITE_OK) throw std::runtime_error(sql + ": " + text);
  }
  // The first column of every row, as text.
  std::vector<std::string> Column(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::vector<std::string> values;
    while (sqlite3_step(statement) == SQLITE_ROW) {
      const auto* text = sqlite3_column_text(statement, 0);
      values.emplace_back(text != nullptr ? reinterpret_cast<const char*>(text) : "");
    }
    sqlite3_finalize(statement);
    return values;
  }
  std::string Value(const std::string& sql) {
    std::vector<std::string> values = Column(sql);
    return values.empty() ? "" : values.front();
  }

 private:
  sqlite3* db_ = nullptr;
};

core::CaseEvent Event(core::EventType type, std::string summary, int stage = 1) {
  return core::CaseEvent{type,  D("2024-05-01"),    "officer",
                         stage, std::move(summary), {{"status", "", "awaiting_acknowledgement"}}};
}

core::Stage FirstStage(Date received_on, std::string team = "housing", std::string handler = "") {
  core::Stage stage;
  stage.number = 1;
  stage.started_on = received_on;
  stage.team = std::move(team);
  stage.handler = std::move(handler);
  stage.acknowledge_by = received_on.AddDays(7);
  return stage;
}

core::Complaint BasicComplaint(Date received_on) {
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
core::Complaint FullComplaint() {
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
TEST_F(SqliteStoreTest, TenantSatisfactionPerYear) {
  WriteOk([](app::Tx& tx) { return tx.Reports().SaveTenantSatisfaction(2024, {715, 812}); });
  WriteOk([](app::Tx& tx) { return tx.Reports().SaveTenantSatisfaction(2023, {342, 611}); });
  WriteOk([](app::Tx& tx) { return tx.Reports().SaveTenantSatisfaction(2024, {716, 813}); });
  std::map<int, report::TenantSatisfaction> listed;
  WriteOk([&](app::Tx& tx) -> Status {
    auto surveys = tx.Reports().ListTenantSatisfaction();
    if (!surveys) return tl::unexpected(surveys.error());
    listed = *surveys;
    return {};
  });
  const std::map<int, report::TenantSatisfaction> expected{{2023, {342, 611}}, {2024, {716, 813}}};
  EXPECT_EQ(listed, expected);
  EXPECT_FALSE(store_->Write([](app::Tx& tx) {
    return tx.Reports().SaveTenantSatisfaction(2024, {1001, 1});
  }));
  EXPECT_FALSE(store_->Write([](app::Tx& tx) {
    return tx.Reports().SaveTenantSatisfaction(2024, {500, 0});
  }));
}

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

TEST_F(SqliteStoreTest, FullyPopulatedComplaintRoundTrips) {
  const core::Complaint original = FullComplaint();
  const core::Complaint stored = Insert(original);
  EXPECT_GT(stored.id, 0);
  EXPECT_EQ(stored.reference, "CMP-2024-000001");
  EXPECT_EQ(stored.version, 1);

  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  core::Complaint expected = original;
  expected.id = stored.id;
  expected.reference = stored.reference;
  expected.version = 1;
  EXPECT_EQ(*loaded, expected);
  EXPECT_EQ(loaded->stages[0].response->remedies[1].amount_pence, 25000);
}

TEST_F(SqliteStoreTest, RefusalAndWithdrawalRoundTrip) {
  core::Complaint refused = BasicComplaint(D("2024-05-02"));
  refused.status = core::CaseStatus::kNotAccepted;
  refused.refusal = core::Refusal{D("2024-05-05"), core::RefusalReason::kOlderThan12Months,
                                  "The matter arose in 2021; you may go to the Ombudsman."};
  refused.closed_on = D("2024-05-05");

  core::Complaint withdrawn = BasicComplaint(D("2024-05-03"));
  withdrawn.status = core::CaseStatus::kWithdrawn;
  withdrawn.withdrawal =
      core::Withdrawal{D("2024-05-06"), "Resolved informally", core::CaseStatus::kInProgress};

  for (const core::Complaint& original : {refused, withdrawn}) {
    const core::Complaint stored = Insert(original);
    core::Complaint expected = original;
    expected.id = stored.id;
    expected.reference = stored.reference;
    expected.version = 1;
    Result<core::Complaint> loaded = Load(stored.reference);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(*loaded, expected);
  }
}

TEST_F(SqliteStoreTest, ReferencesCountPerYear) {
  EXPECT_EQ(Insert(BasicComplaint(D("2024-01-02"))).reference, "CMP-2024-000001");
  EXPECT_EQ(Insert(BasicComplaint(D("2024-12-31"))).reference, "CMP-2024-000002");
  EXPECT_EQ(Insert(BasicComplaint(D("2025-01-01"))).reference, "CMP-2025-000001");
  EXPECT_EQ(Insert(BasicComplaint(D("2024-06-30"))).reference, "CMP-2024-000003");
}

TEST_F(SqliteStoreTest, UpdateStoresTheNextVersionAndRewritesChildren) {
  core::Complaint stored = Insert(FullComplaint());
  core::Complaint changed = stored;
  changed.stages[1].response = core::Response{D("2024-07-05"),
                                              core::Outcome::kUpheld,
                                              {"delay"},
                                              {{core::RemedyType::kWorks, 0, "New window"}},
                                              {},
                                              "Escalate damp cases sooner",
                                              "carol"};
  changed.stages[0].extensions.clear();
  changed.status = core::CaseStatus::kClosed;
  changed.closed_on = D("2024-07-05");

  Result<core::Complaint> updated = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(changed, 1, Event(core::EventType::kResponded, "Responded", 2));
  });
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);

  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  core::Complaint expected = changed;
  expected.version = 2;
  EXPECT_EQ(*loaded, expected);
  EXPECT_EQ(*loaded, *updated);
}

TEST_F(SqliteStoreTest, StaleVersionIsAConflictAndChangesNothing) {
  core::Complaint stored = Insert(BasicComplaint(D("2024-05-01")));
  core::Complaint first = stored;
  first.summary = "First edit";
  ASSERT_TRUE(InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(first, 1, Event(core::EventType::kReassigned, "Edited"));
  }));

  core::Complaint stale = stored;
  stale.summary = "Stale edit";
  Result<core::Complaint> refused = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(stale, 1, Event(core::EventType::kReassigned, "Edited"));
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(refused.error().message, "the complaint changed since you loaded it");

  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->summary, "First edit");
  EXPECT_EQ(loaded->version, 2);
}

TEST_F(SqliteStoreTest, UnknownComplaintIsNotFound) {
  Result<core::Complaint> loaded = Load("CMP-2024-999999");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);

  core::Complaint ghost = BasicComplaint(D("2024-05-01"));
  ghost.reference = "CMP-2024-999999";
  Result<core::Complaint> updated = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(ghost, 1, Event(core::EventType::kReassigned, "Edited"));
  });
  ASSERT_FALSE(updated);
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, UnknownReferencesAreInvalidInputNamingTheField) {
  core::Complaint unknown_category = BasicComplaint(D("2024-05-01"));
  unknown_category.category = "parking";
  Result<core::Complaint> first = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Insert(unknown_category, Event(core::EventType::kLogged, "Logged"));
  });
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(first.error().fields.size(), 1u);
  EXPECT_EQ(first.error().fields[0].field, "category");

  core::Complaint unknown_cause = FullComplaint();
  unknown_cause.stages[0].response->root_causes = {"communication", "weather"};
  Result<core::Complaint> second = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Insert(unknown_cause, Event(core::EventType::kLogged, "Logged"));
  });
  ASSERT_FALSE(second);
  ASSERT_EQ(second.error().fields.size(), 1u);
  EXPECT_EQ(second.error().fields[0].field, "stages[0].response.root_causes[1]");
  EXPECT_NE(second.error().message.find("weather"), std::string::npos);
}

TEST_F(SqliteStoreTest, ViolatedCheckIsInvalidInput) {
  core::Complaint complaint = FullComplaint();
  complaint.stages[0].response->remedies[0].amount_pence = 500;  // an apology carries no money
  Result<core::Complaint> inserted = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Insert(complaint, Event(core::EventType::kLogged, "Logged"));
  });
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().code, ErrorCode::kInvalidInput);
}

TEST_F(SqliteStoreTest, PossibleRepeatsRoundTrip) {
  const core::Complaint earlier = Insert(BasicComplaint(D("2024-03-01")));
  core::Complaint later = BasicComplaint(D("2024-05-01"));
  later.possible_repeat_of = {earlier.reference};
  const core::Complaint stored = Insert(later);
  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->possible_repeat_of, std::vector<std::string>{earlier.reference});
}

TEST_F(SqliteStoreTest, NotesAreKeptInOrderPerComplaint) {
  const core::Complaint first = Insert(BasicComplaint(D("2024-03-01")));
  const core::Complaint second = Insert(BasicComplaint(D("2024-03-02")));
  for (const char* text : {"one", "two"}) {
    ASSERT_TRUE(InWrite<app::CaseNote>([&](app::Tx& tx) {
      return tx.CaseNotes().InsertNote(first.reference,
                                       app::CaseNote{0, "alice", "2024-03-04T10:00:00Z", text});
    }));
  }
  Result<std::vector<app::CaseNote>> notes = InRead<std::vector<app::CaseNote>>(
      [&](app::Tx& tx) { return tx.CaseNotes().NotesOf(first.reference); });
  ASSERT_TRUE(notes);
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ((*notes)[0].text, "one");
  EXPECT_EQ((*notes)[1].text, "two");
  EXPECT_EQ((*notes)[0].author, "alice");
  EXPECT_LT((*notes)[0].id, (*notes)[1].id);
  EXPECT_TRUE(InRead<std::vector<app::CaseNote>>([&](app::Tx& tx) {
                return tx.CaseNotes().NotesOf(second.reference);
              })->empty());
  Result<app::CaseNote> unknown = InWrite<app::CaseNote>([](app::Tx& tx) {
    return tx.CaseNotes().InsertNote("CMP-1999-000001", app::CaseNote{0, "a", "t", "x"});
  });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, TwoComplaintsAreLinkedOnceWhicheverWayRound) {
  const core::Complaint a = Insert(BasicComplaint(D("2024-03-01")));
  const core::Complaint b = Insert(BasicComplaint(D("2024-03-02")));
  const core::Complaint c = Insert(BasicComplaint(D("2024-03-03")));
  const auto link = [&](const core::Complaint& from, const core::Complaint& to) {
    return WriteStatus([&](app::Tx& tx) {
      return tx.CaseNotes().InsertLink(
          app::CaseLink{from.reference, to.reference, app::LinkRelation::kRepeatOf, "alice", "t1"});
    });
  };
  ASSERT_TRUE(link(b, a));
  Status again = link(a, b);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(link(c, a));

  Result<std::vector<app::CaseLink>> of_a = InRead<std::vector<app::CaseLink>>(
      [&](app::Tx& tx) { return tx.CaseNotes().LinksOf(a.reference); });
  ASSERT_TRUE(of_a);
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[0].from, b.reference);
  EXPECT_EQ((*of_a)[0].to, a.reference);
  EXPECT_EQ((*of_a)[0].relation, app::LinkRelation::kRepeatOf);
  EXPECT_EQ((*of_a)[1].from, c.reference);

  Result<app::CaseLink> removed = InWrite<app::CaseLink>(
      [&](app::Tx& tx) { return tx.CaseNotes().DeleteLink(a.reference, b.reference); });
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(removed->from, b.reference);
  Result<app::CaseLink> gone = InWrite<app::CaseLink>(
      [&](app::Tx& tx) { return tx.CaseNotes().DeleteLink(b.reference, a.reference); });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(InRead<std::vector<app::CaseLink>>([&](app::Tx& tx) {
              return tx.CaseNotes().LinksOf(b.reference);
            })->size(),
            0u);
}

TEST_F(SqliteStoreTest, UpdateUserStoresEveryFieldAndNamesAnUnknownTeam) {
  SeedReferenceData();
  Result<app::User> alice = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser(
        app::User{0, "alice", "Alice", core::Role::kCaseHandler, "housing", "h1", true});
  });
  ASSERT_TRUE(alice);
  app::User changed = *alice;
  changed.display_name = "Alice Adams";
  changed.role = core::Role::kManager;
  changed.team = "";
  changed.password_hash = "h2";
  changed.active = false;
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); }));
  Result<app::User> found =
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("alice"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->display_name, "Alice Adams");
  EXPECT_EQ(found->role, core::Role::kManager);
  EXPECT_EQ(found->team, "");
  EXPECT_EQ(found->password_hash, "h2");
  EXPECT_FALSE(found->active);

  changed.team = "no-such-team";
  Status refused = WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().fields.at(0).field, "team");
  changed.id = 999;
  changed.team = "";
  EXPECT_EQ(
      WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); }).error().code,
      ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, EventsOfNewTypesAreStoredAfterMigrationFour) {
  const core::Complaint a = Insert(BasicComplaint(D("2024-03-01")));
  WriteOk([&](app::Tx& tx) {
    return tx.Events().Append(app::EntityType::kComplaint, a.reference,
                              Event(core::EventType::kUnlinked, "Link removed", 1));
  });
  Result<app::AuditReport> report = store_->VerifyAudit();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
  Result<std::vector<app::StoredEvent>> events = InRead<std::vector<app::StoredEvent>>(
      [&](app::Tx& tx) { return tx.Events().EventsOf(app::EntityType::kComplaint, a.reference); });
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().event.type, core::EventType::kUnlinked);
}

// --- transactions ---

TEST_F(SqliteStoreTest, FailedWorkLeavesNothingBehind) {
  Status status = store_->Write([&](app::Tx& tx) -> Status {
    Result<core::Complaint> inserted = tx.Complaints().Insert(BasicComplaint(D("2024-05-01")),
                                                              Event(core::EventType::kLogged, "x"));
    if (!inserted) return Failed(inserted.error());
    return core::Fail(ErrorCode::kInvalidInput, "changed my mind");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().message, "changed my mind");

  EXPECT_EQ(Load("CMP-2024-000001").error().code, ErrorCode::kNotFound);
  Result<app::StoreSummary> summary =
      InRead<app::StoreSummary>([](app::Tx& tx) { return tx.Reports().Summarise(); });
  ASSERT_TRUE(summary);
  EXPECT_EQ(summary->complaints, 0);
  EXPECT_EQ(summary->events, 0);
  // The reference number was not consumed.
  EXPECT_EQ(Insert(BasicComplaint(D("2024-05-01"))).reference, "CMP-2024-000001");
}

TEST_F(SqliteStoreTest, ExceptionInWorkIsCaughtAndRolledBack) {
  Status status = store_->Write([&](app::Tx& tx) -> Status {
    Result<core::Complaint> inserted = tx.Complaints().Insert(BasicComplaint(D("2024-05-01")),
                                                              Event(core::EventType::kLogged, "x"));
    if (!inserted) return Failed(inserted.error());
    throw std::runtime_error("boom");
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kStorage);
  EXPECT_NE(status.error().message.find("boom"), std::string::npos);
  EXPECT_EQ(Load("CMP-2024-000001").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(Insert(BasicComplaint(D("2024-05-01"))).reference, "CMP-2024-000001");
}

TEST_F(SqliteStoreTest, ReadCannotWrite) {
  Status status = store_->Read([](app::Tx& tx) {
    return tx.Organisation().UpsertTeam({"x", "X"});
  });
  ASSERT_FALSE(status);
  EXPECT_EQ(status.error().code, ErrorCode::kStorage);
}

TEST_F(SqliteStoreTest, ConcurrentWritersAndReadersAllSucceed) {
  constexpr int kThreads = 4;
  constexpr int kWritesPerThread = 15;
  std::atomic<int> failures = 0;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        Status written = store_->Write([](app::Tx& tx) -> Status {
          Result<core::Complaint> inserted = tx.Complaints().Insert(
              BasicComplaint(D("2024-05-01")), Event(core::EventType::kLogged, "Logged"));
          if (!inserted) return Failed(inserted.error());
          return {};
        });
        Status read = store_->Read([](app::Tx& tx) -> Status {
          Result<std::vector<app::ComplaintRow>> rows = tx.Complaints().List({});
          if (!rows) return Failed(rows.error());
          return {};
        });
        if (!written || !read) ++failures;
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures, 0);

  app::ComplaintQuery all;
  all.limit = kThreads * kWritesPerThread + 1;
  std::vector<std::string> references = List(all);
  EXPECT_EQ(references.size(), static_cast<std::size_t>(kThreads * kWritesPerThread));
  EXPECT_EQ(std::set<std::string>(references.begin(), references.end()).size(), references.size());
  Result<app::AuditReport> verification = store_->VerifyAudit();
  ASSERT_TRUE(verification);
  EXPECT_TRUE(verification->intact) << verification->problem;
}

// --- group commit ---

// Inserts a basic complaint received on 2024-05-01; the work's error if it fails.
Status InsertBasic(app::Tx& tx) {
  Result<core::Complaint> inserted = tx.Complaints().Insert(
      BasicComplaint(D("2024-05-01")), Event(core::EventType::kLogged, "Logged"));
  if (!inserted) return Failed(inserted.error());
  return {};
}

class GroupCommitTest : public SqliteStoreTest {
 protected:
  void TearDown() override {
    Release();
    for (std::thread& thread : threads_) thread.join();
  }

  // Starts a Write whose work holds the writer until Release(), and returns once it is running:
  // the Writes started meanwhile queue up and go into the next commit together.
  void HoldWriter() {
    threads_.emplace_back([this] {
      Status held = store_->Write([this](app::Tx&) -> Status {
        std::unique_lock lock(gate_mutex_);
        holding_ = true;
        gate_.notify_all();
        gate_.wait(lock, [this] { return released_; });
        return {};
      });
      EXPECT_TRUE(held);
    });
    std::unique_lock lock(gate_mutex_);
    gate_.wait(lock, [this] { return holding_; });
  }

  // Starts a Write of `work` on its own thread; its result lands in results_[index].
  void StartWrite(std::size_t index, std::function<Status(app::Tx&)> work) {
    threads_.emplace_back(
        [this, index, work = std::move(work)] { results_[index] = store_->Write(work); });
  }

  // Waits until `count` Writes are queued behind the held one.
  void AwaitQueued(std::size_t count) {
    while (store_->QueuedWrites() < count) std::this_thread::yield();
  }

  void Release() {
    {
      std::lock_guard lock(gate_mutex_);
      released_ = true;
    }
    gate_.notify_all();
  }

  void JoinAll() {
    Release();
    for (std::thread& thread : threads_) thread.join();
    threads_.clear();
  }

  std::vector<std::string> AllReferences() {
    app::ComplaintQuery all;
    all.limit = 10000;
    return List(all);
  }

  static constexpr std::size_t kMaxResults = 8;
  std::array<Status, kMaxResults> results_;
  std::vector<std::thread> threads_;
  std::mutex gate_mutex_;
  std::condition_variable gate_;
  bool holding_ = false;   // guarded by gate_mutex_
  bool released_ = false;  // guarded by gate_mutex_
};

TEST_F(GroupCommitTest, ManyConcurrentWritesAllCommit) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 200;
  const WriteStatistics before = store_->Statistics();
  std::atomic<int> failures = 0;
  for (int t = 0; t < kThreads; ++t) {
    threads_.emplace_back([&] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        if (!store_->Write(InsertBasic)) ++failures;
      }
    });
  }
  JoinAll();
  EXPECT_EQ(failures, 0);
  constexpr int kWrites = kThreads * kWritesPerThread;
  const WriteStatistics after = store_->Statistics();
  EXPECT_EQ(after.writes - before.writes, kWrites);
  EXPECT_EQ(after.failed_writes, before.failed_writes);
  EXPECT_LE(after.commits - before.commits, kWrites);

  // Every complaint is there, each with its own reference, numbered without a gap.
  const std::vector<std::string> references = AllReferences();
  ASSERT_EQ(references.size(), static_cast<std::size_t>(kWrites));
  EXPECT_EQ(references.front(), "CMP-2024-000001");
  EXPECT_EQ(references.back(), "CMP-2024-001600");
  EXPECT_EQ(std::set<std::string>(references.begin(), references.end()).size(), references.size());
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->intact) << audit->problem;
  EXPECT_EQ(audit->records, kWrites);
}

TEST_F(GroupCommitTest, QueuedWritesShareOneCommitAndFailOnlyOnTheirOwn) {
  HoldWriter();
  const WriteStatistics before = store_->Statistics();
  StartWrite(0, InsertBasic);
  AwaitQueued(1);
  // Inserts (taking a reference number and an event sequence number), then refuses.
  StartWrite(1, [](app::Tx& tx) -> Status {
    if (Status inserted = InsertBasic(tx); !inserted) return inserted;
    return core::Fail(ErrorCode::kInvalidInput, "refused after inserting");
  });
  AwaitQueued(2);
  StartWrite(2, InsertBasic);
  AwaitQueued(3);
  // Inserts, then throws.
  StartWrite(3, [](app::Tx& tx) -> Status {
    if (Status inserted = InsertBasic(tx); !inserted) return inserted;
    throw std::runtime_error("boom");
  });
  AwaitQueued(4);
  StartWrite(4, InsertBasic);
  AwaitQueued(5);
  JoinAll();

  const WriteStatistics after = store_->Statistics();
  EXPECT_EQ(after.commits - before.commits, 2) << "the held write's commit, then one for all five";
  EXPECT_EQ(after.largest_batch, 5);
  EXPECT_EQ(after.failed_writes - before.failed_writes, 2);
  EXPECT_TRUE(results_[0]);
  ASSERT_FALSE(results_[1]);
  EXPECT_EQ(results_[1].error().code, ErrorCode::kInvalidInput);
  EXPECT_TRUE(results_[2]);
  ASSERT_FALSE(results_[3]);
  EXPECT_EQ(results_[3].error().code, ErrorCode::kStorage);
  EXPECT_NE(results_[3].error().message.find("boom"), std::string::npos);
  EXPECT_TRUE(results_[4]);

  // The failed writes left nothing, not even a used-up reference or event number.
  EXPECT_EQ(AllReferences(),
            (std::vector<std::string>{"CMP-2024-000001", "CMP-2024-000002", "CMP-2024-000003"}));
  Result<app::AuditReport> audit = store_->VerifyAudit();
  ASSERT_TRUE(audit);
  EXPECT_TRUE(audit->intact) << audit->problem;
  EXPECT_EQ(audit->records, 3);
}

TEST_F(GroupCommitTest, AWriteSeesTheWritesBeforeItInItsBatch) {
  HoldWriter();
  StartWrite(0, InsertBasic);
  AwaitQueued(1);
  StartWrite(1, [](app::Tx& tx) -> Status {
    Result<core::Complaint> loaded = tx.Complaints().Load("CMP-2024-000001");
    if (!loaded) return Failed(loaded.error());
    return {};
  });
  AwaitQueued(2);
  JoinAll();
  EXPECT_TRUE(results_[0]);
  EXPECT_TRUE(results_[1]) << results_[1].error().message;
}

TEST_F(GroupCommitTest, ACapOfOneCommitsEachWriteAlone) {
  store_.reset();
  Result<std::unique_ptr<SqliteStore>> opened =
      SqliteStore::Open(path_, clock_, SqliteOptions{.max_writes_per_commit = 1});
  ASSERT_TRUE(opened) << opened.error().message;
  store_ = std::move(*opened);
  HoldWriter();
  constexpr std::size_t kQueued = 3;
  for (std::size_t i = 0; i < kQueued; ++i) {
    StartWrite(i, InsertBasic);
    AwaitQueued(i + 1);
  }
  JoinAll();
  const WriteStatistics statistics = store_->Statistics();
  EXPECT_EQ(statistics.commits, static_cast<std::int64_t>(kQueued) + 1);
  EXPECT_EQ(statistics.largest_batch, 1);
  EXPECT_EQ(AllReferences().size(), kQueued);

  EXPECT_FALSE(SqliteStore::Open(path_, clock_, SqliteOptions{.max_writes_per_commit = 0}));
}

// --- lists and repeats ---

class ListTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
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
      references_.push_back(Insert(complaint).reference);
  }

  std::vector<std::string> Refs(std::initializer_list<int> indexes) {
    std::vector<std::string> refs;
    for (int index : indexes) refs.push_back(references_[index]);
    return refs;
  }

  std::vector<std::string> references_;
};

TEST_F(ListTest, ReferencesAreInOrder) {
  EXPECT_EQ(references_, (std::vector<std::string>{"CMP-2024-000001", "CMP-2024-000002",
                                                   "CMP-2024-000003", "CMP-2025-000001"}));
  EXPECT_EQ(List({}), Refs({0, 1, 2, 3}));
}

TEST_F(ListTest, FiltersByEachField) {
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

TEST_F(ListTest, RowsCarryTheCurrentStageProjection) {
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

TEST_F(ListTest, PagesByKeyset) {
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

// Adds E to ListTest's A-D, tying with A on received_on and with B on due_on, so that each order
// needs its reference tie-break:
//   reference:   A 2024-000001, B 2024-000002, C 2024-000003, E 2024-000004, D 2025-000001
//   received_on: A 2024-05-01, E 2024-05-01, B 2024-06-03, C 2024-07-01, D 2025-01-10
//   due_on:      A 2024-05-08, B 2024-06-20, E 2024-06-20, D 2025-02-01, C none
class SortTest : public ListTest {
 protected:
  void SetUp() override {
    ListTest::SetUp();
    core::Complaint e = BasicComplaint(D("2024-05-01"));
    e.status = core::CaseStatus::kInProgress;
    e.stages[0].respond_by = D("2024-06-20");
    references_.push_back(Insert(e).reference);
  }

  static constexpr int kA = 0, kB = 1, kC = 2, kD = 3, kE = 4;

  Result<std::vector<app::ComplaintRow>> Rows(const app::ComplaintQuery& query) {
    return InRead<std::vector<app::ComplaintRow>>(
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

TEST_F(SortTest, EachOrderBreaksTiesByReferenceAndDescendingIsItsReverse) {
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

TEST_F(SortTest, PagesKeepTheirFilters) {
  app::ComplaintQuery query = Sorted(app::ComplaintSort::kDueOn, app::SortDirection::kAscending);
  query.due_before = D("2025-01-01");
  EXPECT_EQ(AllPages(query, 1), Refs({kA, kB, kE}));
  query.direction = app::SortDirection::kDescending;
  EXPECT_EQ(AllPages(query, 2), Refs({kE, kB, kA}));

  query = Sorted(app::ComplaintSort::kReceivedOn, app::SortDirection::kDescending);
  query.category = "billing";
  EXPECT_EQ(AllPages(query, 2), Refs({kD, kC, kE, kA}));
}

TEST_F(SortTest, DueFromAndDueBeforeBoundTheDeadline) {
  app::ComplaintQuery query;
  query.due_from = D("2024-06-20");
  EXPECT_EQ(List(query), Refs({kB, kE, kD}));
  query.due_before = D("2025-02-01");
  EXPECT_EQ(List(query), Refs({kB, kE}));
}

TEST_F(SortTest, ABadCursorIsInvalidInputNamingIt) {
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

TEST_F(SortTest, CountsByStatusFollowTheFilters) {
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

TEST_F(SortTest, AReceiptRangeKeepsToTheReferencesOfItsYears) {
  // Ids and references in different orders, and a three-digit year, whose references sort after
  // the four-digit ones ("CMP-999-" > "CMP-2024-").
  for (const char* received :
       {"2023-12-31", "0999-06-01", "2024-12-31", "2025-01-01", "2023-01-01", "2024-01-01"}) {
    Insert(BasicComplaint(D(received)));
  }
  RawDatabase raw(path_);
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
          raw.Column("SELECT reference FROM complaints WHERE " + where + " ORDER BY reference" +
                     (descending ? " DESC" : ""));
      for (int page_size : {1, 2, 50}) {
        EXPECT_EQ(AllPages(query, page_size), expected)
            << where << (descending ? " desc " : " ") << page_size;
      }
    }
  }
}

TEST_F(SqliteStoreTest, TheYearAComplaintWasReceivedCannotChange) {
  const core::Complaint stored = Insert(BasicComplaint(D("2024-05-01")));
  const auto update = [this](const core::Complaint& complaint) {
    return InWrite<core::Complaint>([&](app::Tx& tx) {
      return tx.Complaints().Update(complaint, complaint.version,
                                    Event(core::EventType::kNoteAdded, "Corrected"));
    });
  };
  core::Complaint corrected = stored;
  corrected.received_on = D("2024-04-30");
  Result<core::Complaint> updated = update(corrected);
  ASSERT_TRUE(updated) << updated.error().message;

  core::Complaint moved = *updated;
  moved.received_on = D("2023-12-31");
  Result<core::Complaint> refused = update(moved);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("part of its reference"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Load(stored.reference)->received_on, D("2024-04-30"));
}

TEST_F(SortTest, RestrictedCasesAreLeftOutOfListsAndCountsAlike) {
  for (const char* team : {"housing", "revenues"}) {
    core::Complaint restricted = BasicComplaint(D("2024-08-01"));
    restricted.restricted = true;
    restricted.stages = {FirstStage(restricted.received_on, team)};
    Insert(restricted);
  }
  RawDatabase raw(path_);
  for (const char* team : {"housing", "revenues", "independent", ""}) {
    const std::string visible =
        std::string(
            "(restricted = 0 OR EXISTS (SELECT 1 FROM complaint_stages AS s WHERE "
            "s.complaint_id = complaints.id AND s.team = '") +
        team + "'))";
    for (const char* filter : {"", "housing"}) {
      app::ComplaintQuery query;
      query.visible_to_team = team;
      query.team = filter;
      const std::string where = visible + (*filter != '\0' ? " AND team = 'housing'" : "");
      EXPECT_EQ(List(query), raw.Column("SELECT reference FROM complaints WHERE " + where +
                                        " ORDER BY reference"))
          << team << " " << filter;

      Result<app::StatusCounts> counts = InRead<app::StatusCounts>(
          [&](app::Tx& tx) { return tx.Complaints().CountByStatus(query); });
      ASSERT_TRUE(counts) << counts.error().message;
      for (const auto& [status, count] : *counts) {
        EXPECT_EQ(std::to_string(count),
                  raw.Value("SELECT count(*) FROM complaints WHERE " + where + " AND status = '" +
                            std::string(ToString(status)) + "'"))
            << team << " " << filter << " " << ToString(status);
      }
    }
  }
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

class TextSearchTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
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
    for (const core::Complaint& c : {mould, bins, cafe}) stored_.push_back(Insert(c));
  }

  std::vector<std::string> Search(const std::string& text) {
    app::ComplaintQuery query;
    query.text = text;
    return List(query);
  }
  std::vector<std::string> Refs(std::initializer_list<int> indexes) {
    std::vector<std::string> refs;
    for (int index : indexes) refs.push_back(stored_[index].reference);
    return refs;
  }

  static constexpr int kMould = 0, kBins = 1, kCafe = 2;
  std::vector<core::Complaint> stored_;
};

TEST_F(TextSearchTest, FindsEveryWordInSummaryOrDescription) {
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

TEST_F(TextSearchTest, AnyTextIsSafe) {
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

TEST_F(TextSearchTest, FollowsUpdatesAndFailedWrites) {
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
        "DELETE FROM schema_migrations WHERE version >= 2");
  }
  OpenStore();
  EXPECT_EQ(Search("mould"), Refs({kMould}));
  EXPECT_EQ(Search("collection"), Refs({kBins}));
}

TEST_F(TextSearchTest, TheLastWordFindsTheIndexedWordsItBegins) {
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

TEST_F(TextSearchTest, APrefixOfManyWordsStillFindsThem) {
  core::Complaint many = BasicComplaint(D("2024-05-04"));
  for (int i = 0; i < 100; ++i) many.description += "zeta" + std::to_string(i) + " ";
  stored_.push_back(Insert(many));
  const int kMany = 3;
  EXPECT_EQ(Search("zeta"), Refs({kMany}));   // a hundred words: FTS5 reads the prefix itself
  EXPECT_EQ(Search("zeta9"), Refs({kMany}));  // eleven words
  EXPECT_EQ(Search("zeta99"), Refs({kMany}));
  EXPECT_EQ(Search("zeta100"), Refs({}));
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

TEST_F(SqliteStoreTest, MigrationThreeRebuildsEventsKeepingRowsChainAndCounter) {
  for (const char* summary : {"first", "second", "third"}) {
    WriteOk([&](app::Tx& tx) {
      return tx.Events().Append(app::EntityType::kUser, "alice",
                                Event(core::EventType::kUserCreated, summary, 0));
    });
  }
  // Back to schema 2, as an older binary left it.
  store_.reset();
  {
    RawDatabase raw(path_);
    raw.Execute(
        "DROP TABLE sessions; DROP TABLE sign_in_attempts; DROP TABLE complaint_notes; "
        "DROP TABLE complaint_links; ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
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
  {
    RawDatabase raw(path_);
    raw.Execute(
        "UPDATE sqlite_sequence SET seq = 9 WHERE name = 'events'; DROP TABLE sessions; "
        "DROP TABLE sign_in_attempts; DROP TABLE complaint_notes; DROP TABLE complaint_links; "
        "ALTER TABLE api_tokens DROP COLUMN expires_on; "
        "ALTER TABLE complaints DROP COLUMN matter_arose_on; "
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

TEST_F(SqliteStoreTest, RepeatCandidatesShareCategoryWindowAndAKey) {
  constexpr std::size_t kLimit = 5;
  const core::Person person{"Jane Smith", "jane@example.org", "07700 900123", "1 High Street",
                            "AB1 2CD"};
  const auto complaint = [&](Date received, std::string category, core::Person who) {
    core::Complaint c = BasicComplaint(received);
    c.category = std::move(category);
    c.complainant = std::move(who);
    return Insert(c).reference;
  };
  const core::Person other{"Other", "other@example.org", "01632 960000", "9 Far Lane", "XY1 1XY"};
  core::Person same_email = other;
  same_email.email = person.email;
  core::Person same_phone = other;
  same_phone.phone = person.phone;
  core::Person same_property = other;
  same_property.address = person.address;
  same_property.postcode = person.postcode;

  const std::string by_email = complaint(D("2024-06-01"), "billing", same_email);
  const std::string by_phone = complaint(D("2024-04-01"), "billing", same_phone);
  const std::string by_property = complaint(D("2024-09-01"), "billing", same_property);
  complaint(D("2024-06-01"), "damp", same_email);     // another category
  complaint(D("2023-01-01"), "billing", same_email);  // before the window
  complaint(D("2024-06-01"), "billing", other);       // nothing shared

  const core::RepeatKey key = core::KeyOf(person, "billing", D("2025-01-10"));
  Result<std::vector<core::RepeatCandidate>> candidates =
      InRead<std::vector<core::RepeatCandidate>>([&](app::Tx& tx) {
        return tx.Complaints().RepeatCandidates(key, D("2024-01-10"), D("2025-01-10"), kLimit);
      });
  ASSERT_TRUE(candidates) << candidates.error().message;
  std::vector<std::string> references;
  for (const core::RepeatCandidate& candidate : *candidates) {
    references.push_back(candidate.reference);
    EXPECT_EQ(candidate.key.category, "billing");
  }
  // Most recent first.
  EXPECT_EQ(references, (std::vector<std::string>{by_property, by_email, by_phone}));
  EXPECT_EQ(candidates->at(1).key.email, key.email);

  const core::RepeatKey nothing =
      core::KeyOf(core::Person{"Anon", "", "", "", ""}, "billing", D("2025-01-10"));
  candidates = InRead<std::vector<core::RepeatCandidate>>([&](app::Tx& tx) {
    return tx.Complaints().RepeatCandidates(nothing, D("2024-01-10"), D("2025-01-10"), kLimit);
  });
  ASSERT_TRUE(candidates);
  EXPECT_TRUE(candidates->empty());
}

TEST_F(SqliteStoreTest, RepeatCandidatesAreTheMostRecentFewHoweverManyShareTheKey) {
  const core::Person caseworker{"MP's office", "casework@example.org", "", "", ""};
  std::vector<std::string> references;
  for (int day = 1; day <= 28; ++day) {
    core::Complaint c = BasicComplaint(Date::FromYmd(2024, 6, day).value());
    c.category = "billing";
    c.complainant = caseworker;
    references.push_back(Insert(c).reference);
  }
  constexpr std::size_t kLimit = 3;
  const core::RepeatKey key = core::KeyOf(caseworker, "billing", D("2024-07-01"));
  auto candidates = InRead<std::vector<core::RepeatCandidate>>([&](app::Tx& tx) {
    return tx.Complaints().RepeatCandidates(key, D("2023-07-01"), D("2024-07-01"), kLimit);
  });
  ASSERT_TRUE(candidates) << candidates.error().message;
  ASSERT_EQ(candidates->size(), kLimit);
  EXPECT_EQ(candidates->at(0).reference, references[27]);
  EXPECT_EQ(candidates->at(2).reference, references[25]);
  EXPECT_FALSE(candidates->at(0).restricted);
}

// --- service requests ---

TEST_F(SqliteStoreTest, ServiceRequestsRoundTripAndConvert) {
  core::ServiceRequest request;
  request.channel = core::Channel::kPhone;
  request.received_on = D("2024-05-01");
  request.service_area = "repairs";
  request.category = "damp";
  request.summary = "Leaking gutter";
  request.description = "Water over the front door";
  request.requester = {"Jane Smith", "", "07700 900123", "1 High Street", "AB1 2CD"};
  request.team = "housing";

  Result<core::ServiceRequest> inserted = InWrite<core::ServiceRequest>([&](app::Tx& tx) {
    return tx.ServiceRequests().Insert(request,
                                       Event(core::EventType::kServiceRequestLogged, "SR"));
  });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(inserted->reference, "SR-2024-000001");
  EXPECT_EQ(inserted->version, 1);
  Result<core::ServiceRequest> loaded = InRead<core::ServiceRequest>(
      [&](app::Tx& tx) { return tx.ServiceRequests().Load(inserted->reference); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, *inserted);

  core::Complaint complaint = BasicComplaint(D("2024-05-10"));
  complaint.service_request_reference = inserted->reference;
  const core::Complaint raised = Insert(complaint);
  EXPECT_EQ(Load(raised.reference)->service_request_reference, inserted->reference);

  core::ServiceRequest converted = *inserted;
  converted.status = core::ServiceRequestStatus::kResolved;
  converted.resolved_on = D("2024-05-12");
  converted.resolution = "Gutter cleared";
  converted.complaint_reference = raised.reference;
  Result<core::ServiceRequest> updated = InWrite<core::ServiceRequest>([&](app::Tx& tx) {
    return tx.ServiceRequests().Update(
        converted, 1, Event(core::EventType::kServiceRequestConverted, "Converted"));
  });
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  loaded = InRead<core::ServiceRequest>(
      [&](app::Tx& tx) { return tx.ServiceRequests().Load(inserted->reference); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, *updated);

  Result<core::ServiceRequest> stale = InWrite<core::ServiceRequest>([&](app::Tx& tx) {
    return tx.ServiceRequests().Update(converted, 1,
                                       Event(core::EventType::kServiceRequestResolved, "Resolved"));
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  Result<core::ServiceRequest> missing =
      InRead<core::ServiceRequest>([](app::Tx& tx) { return tx.ServiceRequests().Load("SR-1"); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

// --- events and the audit chain ---

TEST_F(SqliteStoreTest, EventsAreStoredWithTheirChangesInOrder) {
  core::Complaint stored = Insert(BasicComplaint(D("2024-05-01")));
  core::CaseEvent acknowledged{
      core::EventType::kAcknowledged,
      D("2024-05-03"),
      "alice",
      1,
      "Acknowledged",
      {{"status", "awaiting_acknowledgement", "in_progress"}, {"respond_by", "", "2024-05-17"}}};
  stored.status = core::CaseStatus::kInProgress;
  ASSERT_TRUE(InWrite<core::Complaint>(
      [&](app::Tx& tx) { return tx.Complaints().Update(stored, 1, acknowledged); }));

  Result<std::vector<app::StoredEvent>> events =
      InRead<std::vector<app::StoredEvent>>([&](app::Tx& tx) {
        return tx.Events().EventsOf(app::EntityType::kComplaint, stored.reference);
      });
  ASSERT_TRUE(events) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].event.type, core::EventType::kLogged);
  EXPECT_EQ((*events)[0].sequence, 1);
  const app::StoredEvent& second = (*events)[1];
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(second.entity_type, app::EntityType::kComplaint);
  EXPECT_EQ(second.entity_ref, stored.reference);
  EXPECT_EQ(second.event.type, acknowledged.type);
  EXPECT_EQ(second.event.occurred_on, acknowledged.occurred_on);
  EXPECT_EQ(second.event.actor, "alice");
  EXPECT_EQ(second.event.stage, 1);
  EXPECT_EQ(second.event.summary, "Acknowledged");
  EXPECT_EQ(second.event.changes, acknowledged.changes);
  EXPECT_EQ(second.recorded_at, kNow);
  constexpr std::size_t kHexSha256Length = 64;
  EXPECT_EQ(second.hash.size(), kHexSha256Length);

  ASSERT_TRUE(WriteStatus([](app::Tx& tx) {
    return tx.Events().Append(
        app::EntityType::kUser, "alice",
        core::CaseEvent{
            core::EventType::kNoteAdded, D("2024-05-03"), "admin", 0, "User created", {}});
  }));
  events = InRead<std::vector<app::StoredEvent>>(
      [](app::Tx& tx) { return tx.Events().EventsOf(app::EntityType::kUser, "alice"); });
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_TRUE(events->front().event.changes.empty());
}

class AuditChainTest : public SqliteStoreTest {
 protected:
  void SetUp() override {
    SqliteStoreTest::SetUp();
    for (int i = 0; i < kEvents; ++i) Insert(BasicComplaint(D("2024-05-01")));
  }
  app::AuditReport Verify() {
    Result<app::AuditReport> verification = store_->VerifyAudit();
    EXPECT_TRUE(verification) << verification.error().message;
    return verification.value_or(app::AuditReport{});
  }
  static constexpr int kEvents = 4;
};

TEST_F(AuditChainTest, IntactChainVerifies) {
  const app::AuditReport verification = Verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, kEvents);
  EXPECT_FALSE(verification.first_bad_sequence.has_value());
}

TEST_F(AuditChainTest, EmptyChainVerifies) {
  TempDir other;
  Result<std::unique_ptr<SqliteStore>> empty =
      SqliteStore::Open((other.path() / "empty.db").string(), clock_);
  ASSERT_TRUE(empty);
  Result<app::AuditReport> verification = (*empty)->VerifyAudit();
  ASSERT_TRUE(verification);
  EXPECT_TRUE(verification->intact);
  EXPECT_EQ(verification->records, 0);
}

TEST_F(AuditChainTest, AlteredRowIsReported) {
  RawDatabase(path_).Execute("UPDATE events SET summary = 'nothing happened' WHERE sequence = 2");
  const app::AuditReport verification = Verify();
  EXPECT_FALSE(verification.intact);
  EXPECT_EQ(verification.first_bad_sequence, 2);
  EXPECT_EQ(verification.records, 1);
  EXPECT_EQ(verification.problem, "record 2 was altered");
}

TEST_F(AuditChainTest, RewrittenHashIsReportedByItsSuccessor) {
  // A forger who also rewrites the altered row's hash still breaks its successor's link.
  RawDatabase(path_).Execute("UPDATE events SET hash = prev_hash WHERE sequence = 3");
  EXPECT_EQ(Verify().first_bad_sequence, 3);
}

TEST_F(AuditChainTest, RemovedRowIsReportedAsAGap) {
  RawDatabase(path_).Execute("DELETE FROM events WHERE sequence = 2");
  const app::AuditReport verification = Verify();
  EXPECT_FALSE(verification.intact);
  EXPECT_EQ(verification.first_bad_sequence, 2);
  EXPECT_EQ(verification.problem, "record 2 was removed");
}

TEST_F(AuditChainTest, RemovedLastRowIsReported) {
  RawDatabase(path_).Execute("DELETE FROM events WHERE sequence = " + std::to_string(kEvents));
  const app::AuditReport verification = Verify();
  EXPECT_FALSE(verification.intact);
  EXPECT_EQ(verification.first_bad_sequence, kEvents);
}

TEST_F(AuditChainTest, ChainSurvivesReopening) {
  OpenStore();
  Insert(BasicComplaint(D("2024-05-02")));
  const app::AuditReport verification = Verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, kEvents + 1);
}

// --- accounts ---

TEST_F(SqliteStoreTest, UsernamesAreUnique) {
  app::User alice{0,         "alice",       "Alice Adams", core::Role::kCaseHandler,
                  "housing", "$argon2id$x", true};
  Result<app::User> inserted =
      InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(alice); });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_GT(inserted->id, 0);

  Result<app::User> duplicate =
      InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(alice); });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);

  Result<app::User> found =
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("alice"); });
  ASSERT_TRUE(found);
  alice.id = inserted->id;
  EXPECT_EQ(found->id, alice.id);
  EXPECT_EQ(found->username, alice.username);
  EXPECT_EQ(found->display_name, alice.display_name);
  EXPECT_EQ(found->role, alice.role);
  EXPECT_EQ(found->team, alice.team);
  EXPECT_EQ(found->password_hash, alice.password_hash);
  EXPECT_TRUE(found->active);

  EXPECT_EQ(
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("nobody"); }).error().code,
      ErrorCode::kNotFound);

  app::User teamless{0, "admin", "Admin", core::Role::kAdmin, "", "$argon2id$y", false};
  ASSERT_TRUE(InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(teamless); }));
  Result<std::vector<app::User>> users =
      InRead<std::vector<app::User>>([](app::Tx& tx) { return tx.Accounts().ListUsers(); });
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].username, "admin");
  EXPECT_EQ((*users)[0].team, "");
  EXPECT_FALSE((*users)[0].active);

  app::User stray{0, "stray", "Stray", core::Role::kViewer, "no-such-team", "h", true};
  Result<app::User> refused =
      InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(stray); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "team");
}

TEST_F(SqliteStoreTest, TokensAreFoundByHash) {
  Result<app::User> user = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser({0, "bob", "Bob", core::Role::kManager, "", "h", true});
  });
  ASSERT_TRUE(user);
  const app::ApiToken token{
      0, user->id, "ab12cd", "laptop", "2025-01-15T10:00:00Z", std::nullopt, std::nullopt};
  Result<app::ApiToken> inserted =
      InWrite<app::ApiToken>([&](app::Tx& tx) { return tx.Accounts().InsertToken(token); });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_GT(inserted->id, 0);

  Result<app::ApiToken> found =
      InRead<app::ApiToken>([](app::Tx& tx) { return tx.Accounts().FindTokenByHash("ab12cd"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, inserted->id);
  EXPECT_EQ(found->user_id, user->id);
  EXPECT_EQ(found->label, "laptop");
  EXPECT_EQ(found->created_at, token.created_at);
  EXPECT_FALSE(found->revoked_at.has_value());

  EXPECT_EQ(InRead<app::ApiToken>([](app::Tx& tx) { return tx.Accounts().FindTokenByHash("ffff"); })
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_EQ(InWrite<app::ApiToken>([&](app::Tx& tx) { return tx.Accounts().InsertToken(token); })
                .error()
                .code,
            ErrorCode::kConflict);

  app::ApiToken orphan = token;
  orphan.token_hash = "other";
  orphan.user_id = user->id + 100;
  Result<app::ApiToken> refused =
      InWrite<app::ApiToken>([&](app::Tx& tx) { return tx.Accounts().InsertToken(orphan); });
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "user_id");
}

// --- organisation and reference data ---

TEST_F(SqliteStoreTest, ClosureDaysAddRemoveAndRefuseDuplicates) {
  const app::ClosureDay shutdown{D("2024-12-27"), "Christmas shutdown"};
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Organisation().AddClosureDay(shutdown); }));
  Status duplicate =
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().AddClosureDay(shutdown); });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);

  Result<std::vector<app::ClosureDay>> days = InRead<std::vector<app::ClosureDay>>(
      [](app::Tx& tx) { return tx.Organisation().ListClosureDays(); });
  ASSERT_TRUE(days);
  ASSERT_EQ(days->size(), 1u);
  EXPECT_EQ(days->front().date, shutdown.date);
  EXPECT_EQ(days->front().reason, shutdown.reason);

  ASSERT_TRUE(
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().RemoveClosureDay(shutdown.date); }));
  Status absent =
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().RemoveClosureDay(shutdown.date); });
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
}

TEST_F(SqliteStoreTest, SettingsRoundTrip) {
  Result<app::OrganisationSettings> initial = InRead<app::OrganisationSettings>(
      [](app::Tx& tx) { return tx.Organisation().LoadSettings(); });
  ASSERT_TRUE(initial) << initial.error().message;
  EXPECT_EQ(initial->name, "");
  EXPECT_EQ(initial->division, core::Division::kEnglandAndWales);

  const app::OrganisationSettings settings{"Anytown Council", core::Division::kScotland,
                                           "independent", ""};
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Organisation().SaveSettings(settings); }));
  OpenStore();
  Result<app::OrganisationSettings> loaded = InRead<app::OrganisationSettings>(
      [](app::Tx& tx) { return tx.Organisation().LoadSettings(); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->name, settings.name);
  EXPECT_EQ(loaded->division, settings.division);
  EXPECT_EQ(loaded->independent_team, "independent");
  EXPECT_EQ(loaded->children_team, "");

  app::OrganisationSettings unknown = settings;
  unknown.children_team = "social-care";
  Status refused =
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().SaveSettings(unknown); });
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "children_team");
}

TEST_F(SqliteStoreTest, ReferenceDataUpsertsAndLists) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) {
    return tx.Organisation().UpsertTeam({"housing", "Housing"});
  }));
  Result<std::vector<app::Team>> teams =
      InRead<std::vector<app::Team>>([](app::Tx& tx) { return tx.Organisation().ListTeams(); });
  ASSERT_TRUE(teams);
  ASSERT_EQ(teams->size(), 3u);
  EXPECT_EQ((*teams)[0].code, "housing");
  EXPECT_EQ((*teams)[0].name, "Housing");

  Result<std::vector<app::ServiceArea>> areas = InRead<std::vector<app::ServiceArea>>(
      [](app::Tx& tx) { return tx.Organisation().ListServiceAreas(); });
  ASSERT_TRUE(areas);
  ASSERT_EQ(areas->size(), 2u);
  EXPECT_EQ((*areas)[1].code, "repairs");
  EXPECT_EQ((*areas)[1].team, "housing");

  Result<std::vector<app::Category>> categories = InRead<std::vector<app::Category>>(
      [](app::Tx& tx) { return tx.Organisation().ListCategories(); });
  ASSERT_TRUE(categories);
  ASSERT_EQ(categories->size(), 3u);
  EXPECT_EQ((*categories)[2].code, "old");
  EXPECT_FALSE((*categories)[2].active);

  Result<std::vector<app::RootCause>> causes = InRead<std::vector<app::RootCause>>(
      [](app::Tx& tx) { return tx.Organisation().ListRootCauses(); });
  ASSERT_TRUE(causes);
  EXPECT_EQ(causes->size(), 2u);

  Status orphan = WriteStatus([](app::Tx& tx) {
    return tx.Organisation().UpsertServiceArea({"parks", "Parks", "no-such-team"});
  });
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(orphan.error().fields.size(), 1u);
  EXPECT_EQ(orphan.error().fields[0].field, "team");
}

TEST_F(SqliteStoreTest, DesignationsKeepTheirHistory) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) -> Status {
    if (Status s = tx.Organisation().AddDesignation({"repairs", D("2024-04-01"), std::nullopt}); !s)
      return s;
    return tx.Organisation().AddDesignation({"repairs", D("2023-04-01"), D("2024-03-31")});
  }));
  Result<std::vector<core::Designation>> designations = InRead<std::vector<core::Designation>>(
      [](app::Tx& tx) { return tx.Organisation().ListDesignations(); });
  ASSERT_TRUE(designations);
  ASSERT_EQ(designations->size(), 2u);
  EXPECT_EQ((*designations)[0].from, D("2023-04-01"));
  EXPECT_EQ((*designations)[0].to, D("2024-03-31"));
  EXPECT_EQ((*designations)[1].from, D("2024-04-01"));
  EXPECT_FALSE((*designations)[1].to.has_value());

  Status unknown = WriteStatus([](app::Tx& tx) {
    return tx.Organisation().AddDesignation({"parks", D("2024-04-01"), std::nullopt});
  });
  ASSERT_FALSE(unknown);
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "service_area");
}

TEST_F(SqliteStoreTest, SummaryCountsByFinancialYearAndStatus) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) {
    return tx.Organisation().SaveSettings(
        {"Anytown Council", core::Division::kEnglandAndWales, "", ""});
  }));
  Insert(BasicComplaint(D("2024-03-31")));  // financial year 2023
  Insert(BasicComplaint(D("2024-04-01")));  // financial year 2024
  Insert(FullComplaint());                  // 2024, stages 1 and 2

  Result<app::StoreSummary> summary =
      InRead<app::StoreSummary>([](app::Tx& tx) { return tx.Reports().Summarise(); });
  ASSERT_TRUE(summary) << summary.error().message;
  EXPECT_EQ(summary->organisation, "Anytown Council");
  EXPECT_EQ(summary->complaints, 3);
  EXPECT_EQ(summary->service_requests, 0);
  EXPECT_EQ(summary->users, 0);
  EXPECT_EQ(summary->teams, 3);
  EXPECT_EQ(summary->service_areas, 2);
  EXPECT_EQ(summary->events, 3);

  ASSERT_EQ(summary->stage_counts.size(), 4u);
  const auto count_of = [&](int year, core::Regime regime, int stage) -> std::int64_t {
    for (const app::StoreSummary::StageCount& count : summary->stage_counts) {
      if (count.financial_year == year && count.regime == regime && count.stage == stage) {
        return count.count;
      }
    }
    return 0;
  };
  EXPECT_EQ(count_of(2023, core::Regime::kCorporate, 1), 1);
  EXPECT_EQ(count_of(2024, core::Regime::kCorporate, 1), 1);
  EXPECT_EQ(count_of(2024, core::Regime::kHousing, 1), 1);
  EXPECT_EQ(count_of(2024, core::Regime::kHousing, 2), 1);

  const std::vector<std::pair<core::CaseStatus, std::int64_t>> expected_status = {
      {core::CaseStatus::kAwaitingAcknowledgement, 2}, {core::CaseStatus::kInProgress, 1}};
  EXPECT_EQ(summary->by_status, expected_status);
}

// --- Ombudsman cases, failure orders, learning actions, the letter and the self-assessment ---

core::OmbudsmanCase HousingOmbudsmanCase(const std::string& complaint) {
  core::OmbudsmanCase c;
  c.ombudsman = core::Ombudsman::kHousingOmbudsman;
  c.ombudsman_reference = "202401234";
  c.complaints = {complaint};
  c.summary = "Damp";
  c.enquiry_received_on = D("2024-05-10");
  c.final_decision_on = D("2024-09-02");
  c.findings = {{"Repairs", core::HoFinding::kSevereMaladministration},
                {"Complaint handling", core::HoFinding::kServiceFailure}};
  c.remedies = {{core::RemedyKind::kOrder, core::OmbudsmanRemedyType::kFinancialCompensation,
                 "Pay £600", D("2024-09-30"), D("2024-09-20"), "Payment run"},
                {core::RemedyKind::kRecommendation, core::OmbudsmanRemedyType::kPolicyReview,
                 "Review the damp policy", D("2024-12-01"), std::nullopt, ""}};
  return c;
}

TEST_F(SqliteStoreTest, OmbudsmanCasesRoundTripWithTheirListsAndVersions) {
  const core::Complaint complaint = Insert(BasicComplaint(D("2024-04-02")));
  Result<core::OmbudsmanCase> inserted = InWrite<core::OmbudsmanCase>([&](app::Tx& tx) {
    return tx.Ombudsman().InsertCase(HousingOmbudsmanCase(complaint.reference), 2024);
  });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(inserted->reference, "OMB-2024-000001");
  EXPECT_EQ(inserted->version, 1);

  Result<core::OmbudsmanCase> loaded = InRead<core::OmbudsmanCase>(
      [&](app::Tx& tx) { return tx.Ombudsman().LoadCase(inserted->reference); });
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->complaints, std::vector<std::string>{complaint.reference});
  EXPECT_EQ(loaded->findings, inserted->findings);
  EXPECT_EQ(loaded->remedies, inserted->remedies);
  EXPECT_EQ(loaded->final_decision_on, D("2024-09-02"));
  EXPECT_FALSE(loaded->lgsco_decision);

  core::OmbudsmanCase changed = *loaded;
  changed.findings.pop_back();
  changed.complaints.clear();
  Result<core::OmbudsmanCase> updated = InWrite<core::OmbudsmanCase>(
      [&](app::Tx& tx) { return tx.Ombudsman().UpdateCase(changed, 1); });
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  Result<core::OmbudsmanCase> stale = InWrite<core::OmbudsmanCase>(
      [&](app::Tx& tx) { return tx.Ombudsman().UpdateCase(changed, 1); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  Result<std::vector<core::OmbudsmanCase>> of_complaint = InRead<std::vector<core::OmbudsmanCase>>(
      [&](app::Tx& tx) { return tx.Ombudsman().ListCases(complaint.reference); });
  ASSERT_TRUE(of_complaint);
  EXPECT_TRUE(of_complaint->empty());
  Result<std::vector<core::OmbudsmanCase>> all = InRead<std::vector<core::OmbudsmanCase>>(
      [&](app::Tx& tx) { return tx.Ombudsman().ListCases(""); });
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().findings.size(), 1u);
}

TEST_F(SqliteStoreTest, AnUnknownComplaintOwnerOrCaseIsNamed) {
  Result<core::OmbudsmanCase> unknown = InWrite<core::OmbudsmanCase>([&](app::Tx& tx) {
    return tx.Ombudsman().InsertCase(HousingOmbudsmanCase("CMP-1999-000001"), 2024);
  });
  ASSERT_FALSE(unknown);
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "complaints[0]");

  core::LearningAction action;
  action.source = core::LearningSource::kTheme;
  action.category = "damp";
  action.action = "Inspect";
  action.owner = "nobody";
  action.raised_on = D("2024-05-01");
  action.due_on = D("2024-06-01");
  Result<core::LearningAction> no_owner = InWrite<core::LearningAction>(
      [&](app::Tx& tx) { return tx.Learning().InsertAction(action, 2024); });
  ASSERT_FALSE(no_owner);
  ASSERT_EQ(no_owner.error().fields.size(), 1u);
  EXPECT_EQ(no_owner.error().fields[0].field, "owner");

  core::FailureOrder order;
  order.ombudsman_case = "OMB-1999-000001";
  order.description = "Respond";
  order.issued_on = D("2024-05-01");
  order.due_on = D("2024-06-01");
  Result<core::FailureOrder> no_case = InWrite<core::FailureOrder>(
      [&](app::Tx& tx) { return tx.Ombudsman().InsertFailureOrder(order, 2024); });
  ASSERT_FALSE(no_case);
  ASSERT_EQ(no_case.error().fields.size(), 1u);
  EXPECT_EQ(no_case.error().fields[0].field, "ombudsman_case");
}

TEST_F(SqliteStoreTest, TheLetterAndTheSelfAssessmentAreKeptByYear) {
  core::LgscoLetter letter;
  letter.year = 2024;
  letter.decisions_made = 3;
  letter.investigated = 2;
  letter.upheld = 1;
  letter.uphold_rate_percent = 50.0;
  letter.comparison_group = "Unitary";
  WriteOk([&](app::Tx& tx) { return tx.Ombudsman().SaveLgscoLetter(letter); });
  Result<std::optional<core::LgscoLetter>> loaded = InRead<std::optional<core::LgscoLetter>>(
      [](app::Tx& tx) { return tx.Ombudsman().LoadLgscoLetter(2024); });
  ASSERT_TRUE(loaded && *loaded);
  EXPECT_EQ((*loaded)->uphold_rate_percent, 50.0);
  EXPECT_FALSE((*loaded)->compliance_percent);
  EXPECT_EQ((*loaded)->comparison_group, "Unitary");

  core::SelfAssessment assessment{2024, core::SeedProvisions(), std::nullopt, 0};
  Result<core::SelfAssessment> started = InWrite<core::SelfAssessment>(
      [&](app::Tx& tx) { return tx.Learning().SaveSelfAssessment(assessment, std::nullopt); });
  ASSERT_TRUE(started) << started.error().message;
  EXPECT_EQ(started->version, 1);
  core::SelfAssessment approved = *started;
  approved.provisions[0].compliance = core::CodeCompliance::kComplies;
  approved.approval =
      core::GoverningBodyApproval{D("2025-06-18"), "Cabinet", "CAB/25/061", "Noted"};
  Result<core::SelfAssessment> saved = InWrite<core::SelfAssessment>(
      [&](app::Tx& tx) { return tx.Learning().SaveSelfAssessment(approved, 1); });
  ASSERT_TRUE(saved) << saved.error().message;
  Result<core::SelfAssessment> stale = InWrite<core::SelfAssessment>(
      [&](app::Tx& tx) { return tx.Learning().SaveSelfAssessment(approved, 1); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  Result<std::optional<core::SelfAssessment>> reread = InRead<std::optional<core::SelfAssessment>>(
      [](app::Tx& tx) { return tx.Learning().LoadSelfAssessment(2024); });
  ASSERT_TRUE(reread && *reread);
  EXPECT_EQ((*reread)->version, 2);
  EXPECT_EQ((*reread)->approval, approved.approval);
  EXPECT_EQ((*reread)->provisions, approved.provisions);
}

}  // namespace
}  // namespace redress::storage::sqlite
