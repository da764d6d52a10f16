// What the reports read: the yearly figures and the summary.
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

TEST_P(StoreContract, TenantSatisfactionPerYear) {
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

TEST_P(StoreContract, SummaryCountsByFinancialYearAndStatus) {
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

}  // namespace
}  // namespace redress::storage::contract
