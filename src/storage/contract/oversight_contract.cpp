// Ombudsman cases, failure orders, learning actions, the LGSCO letter and the self-assessment.
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

TEST_P(StoreContract, OmbudsmanCasesRoundTripWithTheirListsAndVersions) {
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

TEST_P(StoreContract, AnUnknownComplaintOwnerOrCaseIsNamed) {
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

TEST_P(StoreContract, TheLetterAndTheSelfAssessmentAreKeptByYear) {
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
}  // namespace redress::storage::contract
