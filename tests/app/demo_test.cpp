// The demo council, built through the real use cases on a real SQLite file.

#include "demo/demo.hpp"

#include <gtest/gtest.h>

#include <map>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "app/report_use_cases.hpp"
#include "report/render/render.hpp"
#include "test_store.hpp"

namespace redress::app {
namespace {

using demo::BuildDemo;
using demo::DemoHousingStage1;
using demo::DemoHousingStage2;
using demo::DemoOptions;
using demo::DemoResult;
using demo::DemoSignIn;
using demo::kDemoFirstFinancialYear;
using testing::D;

constexpr int kMaxStages = 3;

class DemoTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new testing::TempDatabase();
    clock_ = new ManualClock(D("2026-11-20"));
    store_ = database_->Open(*clock_).release();
    ASSERT_NE(store_, nullptr);
    auto built = BuildDemo(*store_, *clock_, DemoOptions{1, D("2026-11-20")});
    ASSERT_TRUE(built.has_value()) << built.error().message;
    result_ = new DemoResult(*built);
    Status read = store_->Read([](Tx& tx) -> Status {
      auto summary = tx.Reports().Summarise();
      EXPECT_TRUE(summary.has_value());
      if (summary) summary_ = new StoreSummary(*summary);
      return {};
    });
    EXPECT_TRUE(read) << read.error().message;
  }
  static void TearDownTestSuite() {
    delete store_;
    delete clock_;
    delete database_;
    delete result_;
    delete summary_;
  }

  // Complaints of `regime` whose stage `stage` started in financial year `year`.
  static std::int64_t StageCount(int year, core::Regime regime, int stage) {
    for (const auto& count : summary_->stage_counts) {
      if (count.financial_year == year && count.regime == regime && count.stage == stage) {
        return count.count;
      }
    }
    return 0;
  }

  static testing::TempDatabase* database_;
  static ManualClock* clock_;
  static storage::sqlite::SqliteStore* store_;
  static DemoResult* result_;
  static StoreSummary* summary_;
};

testing::TempDatabase* DemoTest::database_ = nullptr;
ManualClock* DemoTest::clock_ = nullptr;
storage::sqlite::SqliteStore* DemoTest::store_ = nullptr;
DemoResult* DemoTest::result_ = nullptr;
StoreSummary* DemoTest::summary_ = nullptr;

TEST_F(DemoTest, HousingMatchesTheSeedCouncilsCabinetReport) {
  ASSERT_NE(summary_, nullptr);
  EXPECT_EQ(StageCount(2022, core::Regime::kHousing, 1), 371);
  EXPECT_EQ(StageCount(2023, core::Regime::kHousing, 1), 284);
  EXPECT_EQ(StageCount(2022, core::Regime::kHousing, 2), 21);
  EXPECT_EQ(StageCount(2023, core::Regime::kHousing, 2), 39);
}

TEST_F(DemoTest, EveryPlannedHousingYearIsExact) {
  for (int year = kDemoFirstFinancialYear; year < 2026; ++year) {
    SCOPED_TRACE(year);
    EXPECT_EQ(StageCount(year, core::Regime::kHousing, 1), DemoHousingStage1(year));
    EXPECT_EQ(StageCount(year, core::Regime::kHousing, 2), DemoHousingStage2(year));
  }
}

TEST_F(DemoTest, EveryRegimeHasComplaintsAndTheStatutoryStages) {
  for (core::Regime regime : core::kAllRegimes) {
    SCOPED_TRACE(core::ToString(regime));
    EXPECT_GT(StageCount(2024, regime, 1), 20);
  }
  EXPECT_GT(StageCount(2024, core::Regime::kCorporate, 2), 0);
  std::int64_t children_stage3 = 0;
  for (int year = kDemoFirstFinancialYear; year <= 2026; ++year) {
    children_stage3 += StageCount(year, core::Regime::kChildren, 3);
  }
  EXPECT_GT(children_stage3, 0);
  for (int stage = 2; stage <= kMaxStages; ++stage) {
    EXPECT_EQ(StageCount(2024, core::Regime::kAdults, stage), 0);
  }
}

TEST_F(DemoTest, UsersInEveryRoleAndTheCurrentYearHasOpenCases) {
  std::map<std::string, int> roles;
  for (const DemoSignIn& sign_in : result_->sign_ins) ++roles[sign_in.role];
  for (core::Role role : core::kAllRoles) EXPECT_GT(roles[std::string(core::ToString(role))], 0);

  std::map<core::CaseStatus, std::int64_t> by_status(summary_->by_status.begin(),
                                                     summary_->by_status.end());
  EXPECT_GT(by_status[core::CaseStatus::kAwaitingAcknowledgement], 0);
  EXPECT_GT(by_status[core::CaseStatus::kInProgress], 0);
  EXPECT_GT(by_status[core::CaseStatus::kClosed], 1000);
  EXPECT_GT(by_status[core::CaseStatus::kNotAccepted], 0);
  EXPECT_GT(by_status[core::CaseStatus::kWithdrawn], 0);
  EXPECT_GT(result_->service_requests, 1000);
}

TEST_F(DemoTest, EveryResponseHasARootCauseAndHousingStage2IsIndependentSinceApril2024) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, *clock_, organisations};
  ComplaintQuery query;
  query.regime = core::Regime::kHousing;
  query.stage = 2;
  query.limit = 1000;
  auto rows = ListComplaints(cases, query);
  ASSERT_TRUE(rows.has_value());
  ASSERT_FALSE(rows->empty());
  int independent = 0;
  for (const ComplaintRow& row : *rows) {
    auto complaint = GetComplaint(cases, row.reference);
    ASSERT_TRUE(complaint.has_value());
    for (const core::Stage& stage : complaint->stages) {
      if (stage.response) {
        EXPECT_FALSE(stage.response->root_causes.empty()) << row.reference;
      }
    }
    const core::Stage& stage2 = complaint->stages.at(1);
    bool designated = stage2.started_on >= D("2024-04-01");
    EXPECT_EQ(stage2.team == "independent-complaints", designated) << row.reference;
    EXPECT_NE(stage2.handler, complaint->stages.at(0).handler) << row.reference;
    independent += designated ? 1 : 0;
  }
  EXPECT_GT(independent, 0);
}

// Forwards complaints only: the cases loaded one by one below come without service requests.
class ComplaintsOnly final : public report::RecordSink {
 public:
  explicit ComplaintsOnly(report::RecordSink& sink) : sink_(sink) {}
  void Add(const report::ComplaintRecord& complaint) override { sink_.Add(complaint); }
  void Add(const report::ServiceRequestRecord&) override {}

 private:
  report::RecordSink& sink_;
};

// The report projection of a case as loaded through the domain model, built independently of the
// store's streaming reader.
void AddAsLoaded(report::RecordSink& sink, const core::Complaint& complaint) {
  std::vector<std::vector<report::ExtensionRecord>> extensions;
  std::vector<std::vector<std::string_view>> causes;
  std::vector<std::vector<report::RemedyRecord>> remedies;
  std::vector<std::vector<report::ActionRecord>> actions;
  for (const core::Stage& stage : complaint.stages) {
    auto& stage_extensions = extensions.emplace_back();
    for (const core::Extension& e : stage.extensions) {
      stage_extensions.push_back({e.decided_on, e.working_days, e.within_code});
    }
    auto& stage_causes = causes.emplace_back();
    auto& stage_remedies = remedies.emplace_back();
    auto& stage_actions = actions.emplace_back();
    if (!stage.response) continue;
    for (const std::string& cause : stage.response->root_causes) stage_causes.push_back(cause);
    for (const core::Remedy& r : stage.response->remedies) {
      stage_remedies.push_back({r.type, r.amount_pence});
    }
    for (const core::Action& a : stage.response->actions) {
      stage_actions.push_back({a.status == core::ActionStatus::kDone, a.due_on, a.completed_on});
    }
  }
  // The superseded responses, each with its own lists (reserved so the views stay valid).
  std::size_t earlier_count = 0;
  for (const core::Stage& stage : complaint.stages) earlier_count += stage.earlier_responses.size();
  std::vector<std::vector<std::string_view>> earlier_causes;
  std::vector<std::vector<report::RemedyRecord>> earlier_remedies;
  std::vector<std::vector<report::ActionRecord>> earlier_actions;
  earlier_causes.reserve(earlier_count);
  earlier_remedies.reserve(earlier_count);
  earlier_actions.reserve(earlier_count);
  std::vector<std::vector<report::ResponseRecord>> earlier;
  for (const core::Stage& stage : complaint.stages) {
    auto& responses = earlier.emplace_back();
    for (const core::Response& response : stage.earlier_responses) {
      auto& response_causes = earlier_causes.emplace_back();
      for (const std::string& cause : response.root_causes) response_causes.push_back(cause);
      auto& response_remedies = earlier_remedies.emplace_back();
      for (const core::Remedy& r : response.remedies) {
        response_remedies.push_back({r.type, r.amount_pence});
      }
      auto& response_actions = earlier_actions.emplace_back();
      for (const core::Action& a : response.actions) {
        response_actions.push_back(
            {a.status == core::ActionStatus::kDone, a.due_on, a.completed_on});
      }
      responses.push_back({response.responded_on, response.outcome, response_causes,
                           response_remedies, response_actions,
                           response.learning.find_first_not_of(' ') != std::string::npos});
    }
  }
  std::vector<report::RefusalRecord> earlier_refusals;
  for (const core::Refusal& refusal : complaint.earlier_refusals) {
    earlier_refusals.push_back({refusal.decided_on, refusal.reason});
  }
  std::vector<core::Date> earlier_withdrawals;
  for (const core::Withdrawal& withdrawal : complaint.earlier_withdrawals) {
    earlier_withdrawals.push_back(withdrawal.withdrawn_on);
  }
  std::vector<report::StageRecord> stages;
  for (std::size_t i = 0; i < complaint.stages.size(); ++i) {
    const core::Stage& stage = complaint.stages[i];
    report::StageRecord record;
    record.number = stage.number;
    record.started_on = stage.started_on;
    record.acknowledged_on = stage.acknowledged_on;
    record.first_responded_on = stage.first_responded_on;
    if (stage.response) {
      if (!record.first_responded_on) record.first_responded_on = stage.response->responded_on;
      record.responded_on = stage.response->responded_on;
      record.outcome = stage.response->outcome;
      record.learning_recorded =
          stage.response->learning.find_first_not_of(' ') != std::string::npos;
    }
    record.reopened_on = stage.reopened_on;
    if (stage.procedure.panel) record.panel_met_on = stage.procedure.panel->met_on;
    record.panel_report_on = stage.procedure.panel_report_on;
    if (stage.procedure.agreed_period) {
      record.period_agreed_on = stage.procedure.agreed_period->agreed_on;
      record.agreed_respond_by = stage.procedure.agreed_period->respond_by;
    }
    record.extensions = extensions[i];
    record.root_causes = causes[i];
    record.remedies = remedies[i];
    record.actions = actions[i];
    record.earlier_responses = earlier[i];
    record.reopenings = stage.reopenings;
    stages.push_back(record);
  }
  report::ComplaintRecord record;
  record.regime = complaint.regime;
  record.service_area = complaint.service_area;
  record.category = complaint.category;
  record.received_on = complaint.received_on;
  record.status = complaint.status;
  if (complaint.refusal) {
    record.refused_on = complaint.refusal->decided_on;
    record.refusal_reason = complaint.refusal->reason;
  }
  if (complaint.withdrawal) record.withdrawn_on = complaint.withdrawal->withdrawn_on;
  record.earlier_refusals = earlier_refusals;
  record.earlier_withdrawals = earlier_withdrawals;
  record.possible_repeat = !complaint.possible_repeat_of.empty();
  record.stages = stages;
  sink.Add(record);
}

TEST_F(DemoTest, TheStoresReportRecordsMatchTheCasesAsLoaded) {
  constexpr int kYear = 2024;  // a year with reopened, refused and withdrawn cases in both years
  std::string streamed;
  std::string loaded;
  auto read = store_->Read([&](Tx& tx) -> Status {
    const auto report_of =
        [&](const std::function<Status(report::RecordSink&)>& feed) -> Result<std::string> {
      auto organisation = LoadOrganisation(tx);
      if (!organisation) return tl::unexpected(organisation.error());
      report::ReportContext context;
      context.year = kYear;
      context.as_at = D("2026-11-20");
      context.calendar = organisation->calendar;
      report::AnnualReportBuilder builder(std::move(context));
      if (Status fed = feed(builder); !fed) return tl::unexpected(fed.error());
      return report::render::Render(builder.Finish(), report::render::Format::kJson);
    };
    auto from_store = report_of([&](report::RecordSink& sink) {
      ComplaintsOnly complaints(sink);
      return tx.Reports().ReadRecords(report::WindowFor(kYear), complaints);
    });
    if (!from_store) return tl::unexpected(from_store.error());
    streamed = *from_store;
    auto from_cases = report_of([&](report::RecordSink& sink) -> Status {
      ComplaintQuery everything;
      everything.limit = 1'000'000;
      auto rows = tx.Complaints().List(everything);
      if (!rows) return tl::unexpected(rows.error());
      for (const ComplaintRow& row : *rows) {
        auto complaint = tx.Complaints().Load(row.reference);
        if (!complaint) return tl::unexpected(complaint.error());
        if (complaint->received_on <= report::WindowFor(kYear).to) AddAsLoaded(sink, *complaint);
      }
      return {};
    });
    if (!from_cases) return tl::unexpected(from_cases.error());
    loaded = *from_cases;
    return {};
  });
  ASSERT_TRUE(read.has_value()) << read.error().message;
  EXPECT_EQ(streamed, loaded);
}

TEST_F(DemoTest, TheAnnualReportHasTheSeedCouncilsHousingFigures) {
  auto computed = BuildAnnualReport(*store_, *clock_, 2023);
  ASSERT_TRUE(computed.has_value()) << computed.error().message;
  const report::Scope* housing = nullptr;
  for (const report::Scope& scope : computed->scopes) {
    if (scope.kind == report::ScopeKind::kRegime && scope.code == "housing") housing = &scope;
  }
  ASSERT_NE(housing, nullptr);
  const report::FigureGroup& volumes = housing->groups.front();
  ASSERT_EQ(volumes.key, "volumes");
  EXPECT_EQ(volumes.figures[0].key, "stage_1_received");
  EXPECT_EQ(volumes.figures[0].current, 284);
  EXPECT_EQ(volumes.figures[0].previous, 371);
  EXPECT_EQ(volumes.figures[1].key, "stage_2_received");
  EXPECT_EQ(volumes.figures[1].current, 39);
  EXPECT_EQ(volumes.figures[1].previous, 21);
}

TEST_F(DemoTest, RefusesADatabaseThatAlreadyHoldsData) {
  auto again = BuildDemo(*store_, *clock_, DemoOptions{1, D("2026-11-20")});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

}  // namespace
}  // namespace redress::app
