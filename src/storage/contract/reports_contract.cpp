// What the reports read: the report projection, the yearly figures and the summary.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <atomic>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

// The projection's records, copied out of the views and spans that are valid only during Add.
struct CopiedStage {
  int number = 0;
  core::Date started_on;
  std::optional<core::Date> acknowledged_on, first_responded_on, responded_on, reopened_on;
  std::optional<core::Outcome> outcome;
  std::vector<int> extension_days;
  std::vector<std::string> root_causes;
  std::vector<std::int64_t> remedy_pence;
  std::vector<bool> actions_done;
  bool learning_recorded = false;
  std::vector<std::vector<std::string>> earlier_root_causes;
  std::vector<std::int64_t> earlier_remedy_pence;
  std::vector<core::Date> reopenings;
};
struct CopiedComplaint {
  core::Regime regime;
  std::string service_area, category;
  core::Date received_on;
  core::CaseStatus status;
  std::vector<core::Date> earlier_refusals, earlier_withdrawals;
  bool possible_repeat = false;
  std::vector<CopiedStage> stages;
};

class CopyingSink final : public report::RecordSink {
 public:
  void Add(const report::ComplaintRecord& record) override {
    CopiedComplaint copy{record.regime,
                         std::string(record.service_area),
                         std::string(record.category),
                         record.received_on,
                         record.status,
                         {},
                         {},
                         record.possible_repeat,
                         {}};
    for (const report::RefusalRecord& refusal : record.earlier_refusals) {
      copy.earlier_refusals.push_back(refusal.decided_on);
    }
    copy.earlier_withdrawals.assign(record.earlier_withdrawals.begin(),
                                    record.earlier_withdrawals.end());
    for (const report::StageRecord& stage : record.stages) {
      CopiedStage copied;
      copied.number = stage.number;
      copied.started_on = stage.started_on;
      copied.acknowledged_on = stage.acknowledged_on;
      copied.first_responded_on = stage.first_responded_on;
      copied.responded_on = stage.responded_on;
      copied.reopened_on = stage.reopened_on;
      copied.outcome = stage.outcome;
      for (const report::ExtensionRecord& e : stage.extensions) {
        copied.extension_days.push_back(e.working_days);
      }
      copied.root_causes.assign(stage.root_causes.begin(), stage.root_causes.end());
      for (const report::RemedyRecord& r : stage.remedies)
        copied.remedy_pence.push_back(r.amount_pence);
      for (const report::ActionRecord& a : stage.actions) copied.actions_done.push_back(a.done);
      copied.learning_recorded = stage.learning_recorded;
      for (const report::ResponseRecord& earlier : stage.earlier_responses) {
        copied.earlier_root_causes.emplace_back(earlier.root_causes.begin(),
                                                earlier.root_causes.end());
        for (const report::RemedyRecord& r : earlier.remedies) {
          copied.earlier_remedy_pence.push_back(r.amount_pence);
        }
      }
      copied.reopenings.assign(stage.reopenings.begin(), stage.reopenings.end());
      copy.stages.push_back(std::move(copied));
    }
    complaints.push_back(std::move(copy));
  }
  void Add(const report::ServiceRequestRecord& request) override {
    requests.push_back({request.received_on, std::string(request.service_area), request.converted});
  }

  std::vector<CopiedComplaint> complaints;
  struct Request {
    core::Date received_on;
    std::string service_area;
    bool converted;
  };
  std::vector<Request> requests;
};

TEST_P(StoreContract, TheReportProjectionCarriesEachComplaintWithItsStagesAndLists) {
  const core::Complaint full = Insert(FullComplaint());
  core::Complaint later = BasicComplaint(D("2024-07-01"));
  later.possible_repeat_of = {full.reference};
  Insert(later);
  Insert(BasicComplaint(D("2025-06-01")));  // received after the window: left out
  core::ServiceRequest request;
  request.channel = core::Channel::kPhone;
  request.received_on = D("2024-06-01");
  request.service_area = "repairs";
  request.summary = "Leak";
  WriteOk([&](app::Tx& tx) -> Status {
    Result<core::ServiceRequest> inserted =
        tx.ServiceRequests().Insert(request, Event(core::EventType::kLogged, "Logged"));
    if (!inserted) return Failed(inserted.error());
    return {};
  });

  CopyingSink sink;
  ReadOk([&](app::Tx& tx) {
    return tx.Reports().ReadRecords({D("2024-04-01"), D("2025-03-31")}, sink);
  });
  ASSERT_EQ(sink.complaints.size(), 2u);
  const CopiedComplaint& first = sink.complaints[0];
  EXPECT_EQ(first.regime, core::Regime::kHousing);
  EXPECT_EQ(first.service_area, "repairs");
  EXPECT_EQ(first.category, "damp");
  EXPECT_EQ(first.received_on, D("2024-05-01"));
  EXPECT_EQ(first.status, core::CaseStatus::kInProgress);
  EXPECT_EQ(first.earlier_refusals, std::vector<core::Date>{D("2024-05-02")});
  EXPECT_EQ(first.earlier_withdrawals, std::vector<core::Date>{D("2024-05-04")});
  EXPECT_FALSE(first.possible_repeat);
  ASSERT_EQ(first.stages.size(), 2u);
  const CopiedStage& one = first.stages[0];
  EXPECT_EQ(one.number, 1);
  EXPECT_EQ(one.acknowledged_on, D("2024-05-03"));
  EXPECT_EQ(one.first_responded_on, D("2024-05-20"));
  EXPECT_EQ(one.responded_on, D("2024-05-30"));
  EXPECT_EQ(one.outcome, core::Outcome::kPartlyUpheld);
  EXPECT_EQ(one.extension_days, std::vector<int>{10});
  EXPECT_EQ(one.root_causes, (std::vector<std::string>{"communication", "delay"}));
  EXPECT_EQ(one.remedy_pence, (std::vector<std::int64_t>{0, 25000}));
  EXPECT_EQ(one.actions_done, (std::vector<bool>{false, true}));
  EXPECT_TRUE(one.learning_recorded);
  EXPECT_EQ(one.earlier_root_causes, std::vector<std::vector<std::string>>{{"delay"}});
  EXPECT_EQ(one.earlier_remedy_pence, std::vector<std::int64_t>{10000});
  EXPECT_EQ(one.reopenings, std::vector<core::Date>{D("2024-05-22")});
  const CopiedStage& two = first.stages[1];
  EXPECT_EQ(two.number, 2);
  EXPECT_EQ(two.started_on, D("2024-06-10"));
  EXPECT_FALSE(two.responded_on);
  EXPECT_FALSE(two.learning_recorded);
  EXPECT_EQ(two.reopenings, (std::vector<core::Date>{D("2024-06-14"), D("2024-06-20")}));
  EXPECT_TRUE(sink.complaints[1].possible_repeat);

  ASSERT_EQ(sink.requests.size(), 1u);
  EXPECT_EQ(sink.requests[0].received_on, D("2024-06-01"));
  EXPECT_EQ(sink.requests[0].service_area, "repairs");
  EXPECT_FALSE(sink.requests[0].converted);
}

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
