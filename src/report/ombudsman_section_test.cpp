#include "report/ombudsman_section.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::report {
namespace {

core::Date D(const char* iso) { return core::Date::Parse(iso).value(); }

constexpr int kYear = 2024;

core::OmbudsmanCase Decided(core::Ombudsman ombudsman, const char* received, const char* decided) {
  core::OmbudsmanCase c;
  c.ombudsman = ombudsman;
  c.enquiry_received_on = D(received);
  c.final_decision_on = D(decided);
  return c;
}

core::OmbudsmanRemedy Remedy(core::RemedyKind kind, const char* due,
                             std::optional<core::Date> completed) {
  return {kind, core::OmbudsmanRemedyType::kApology, "Apologise", D(due), completed, "Letter"};
}

TEST(OmbudsmanSectionTest, CountsCasesOutcomesComplianceOrdersAndImprovementsOfTheYear) {
  core::OmbudsmanCase housing =
      Decided(core::Ombudsman::kHousingOmbudsman, "2024-05-01", "2024-11-01");
  housing.findings = {{"Repairs", core::HoFinding::kMaladministration},
                      {"Complaint handling", core::HoFinding::kServiceFailure}};
  housing.remedies = {Remedy(core::RemedyKind::kOrder, "2024-12-01", D("2024-11-20")),
                      Remedy(core::RemedyKind::kOrder, "2025-01-01", std::nullopt),
                      Remedy(core::RemedyKind::kRecommendation, "2025-03-01", D("2025-03-05"))};
  core::OmbudsmanCase lgsco = Decided(core::Ombudsman::kLgsco, "2024-06-01", "2024-09-01");
  lgsco.lgsco_decision = core::LgscoDecision::kUpheldFaultAndInjustice;
  core::OmbudsmanCase last_year = Decided(core::Ombudsman::kLgsco, "2023-06-01", "2024-01-01");
  last_year.lgsco_decision = core::LgscoDecision::kNotUpheld;

  core::FailureOrder chfo;
  chfo.issued_on = D("2024-07-01");
  chfo.due_on = D("2024-08-01");
  chfo.outcome = core::ChfoOutcome::kComplied;
  chfo.complied_on = D("2024-07-20");

  core::LgscoLetter letter;
  letter.year = kYear;
  letter.decisions_made = 2;
  letter.investigated = 1;
  letter.upheld = 1;
  letter.comparison_group = "Unitary";

  core::LearningAction done;
  done.reference = "LRN-2024-000001";
  done.status = core::LearningStatus::kCompleted;
  done.completed_on = D("2024-10-01");
  core::LearningAction open;
  open.reference = "LRN-2024-000002";
  core::LearningAction restricted = done;
  restricted.reference = "LRN-2024-000003";
  restricted.lesson = "text about a restricted complaint";

  OmbudsmanSection section = SummariseOmbudsman(kYear, D("2025-02-01"), {housing, lgsco, last_year},
                                                {chfo}, letter, {done, open}, {restricted, open});
  EXPECT_EQ(section.housing_cases_received, 1);
  EXPECT_EQ(section.lgsco_cases_received, 1);
  ASSERT_EQ(section.outcomes.size(), 3u);
  EXPECT_EQ(section.outcomes[0].outcome, "service_failure");
  EXPECT_EQ(section.outcomes[1].outcome, "maladministration");
  EXPECT_EQ(section.outcomes[2].outcome, "upheld_fault_and_injustice");
  EXPECT_EQ(section.orders.due, 2);
  EXPECT_EQ(section.orders.complied_on_time, 1);
  EXPECT_EQ(section.orders.overdue, 1);
  EXPECT_EQ(section.recommendations.complied_late, 1);
  EXPECT_EQ(section.failure_orders.issued, 1);
  EXPECT_EQ(section.failure_orders.complied, 1);
  ASSERT_FALSE(section.lgsco_letter.empty());
  EXPECT_EQ(section.lgsco_letter[1].key, "decisions_made");
  EXPECT_EQ(section.lgsco_letter[1].difference, 1);  // the letter says 2; one was recorded
  EXPECT_EQ(section.comparison_group, "Unitary");
  ASSERT_EQ(section.improvements.size(), 1u);
  EXPECT_EQ(section.improvements[0].reference, "LRN-2024-000001");
  // A withheld action is counted when completed in the year, and never listed.
  EXPECT_EQ(section.improvements_withheld, 1);
}

TEST(OmbudsmanSectionTest, NoLetterLeavesTheReconciliationEmpty) {
  OmbudsmanSection section =
      SummariseOmbudsman(kYear, D("2025-02-01"), {}, {}, std::nullopt, {}, {});
  EXPECT_TRUE(section.lgsco_letter.empty());
  EXPECT_TRUE(section.outcomes.empty());
}

}  // namespace
}  // namespace redress::report
