// The demo council, built through the real use cases on a real SQLite file.

#include "app/demo.hpp"

#include <gtest/gtest.h>

#include <map>

#include "app/case_use_cases.hpp"
#include "test_store.hpp"

namespace redress::app {
namespace {

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
    store_->Read([](Tx& tx) -> Status {
      auto summary = tx.Summarise();
      EXPECT_TRUE(summary.has_value());
      if (summary) summary_ = new StoreSummary(*summary);
      return {};
    });
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
  CaseService cases(*store_, *clock_);
  ComplaintQuery query;
  query.regime = core::Regime::kHousing;
  query.stage = 2;
  query.limit = 1000;
  auto rows = cases.List(query);
  ASSERT_TRUE(rows.has_value());
  ASSERT_FALSE(rows->empty());
  int independent = 0;
  for (const ComplaintRow& row : *rows) {
    auto complaint = cases.Get(row.reference);
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

TEST_F(DemoTest, RefusesADatabaseThatAlreadyHoldsData) {
  auto again = BuildDemo(*store_, *clock_, DemoOptions{1, D("2026-11-20")});
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().code, core::ErrorCode::kConflict);
}

}  // namespace
}  // namespace redress::app
