#include "core/learning.hpp"

#include <gtest/gtest.h>

#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;
using test_support::ExpectFieldErrors;
using test_support::FieldNames;

const Date kToday = D(2025, 6, 30);

LearningAction FromComplaints() {
  LearningAction action;
  action.source = LearningSource::kComplaints;
  action.complaints = {"CMP-2025-000001"};
  action.lesson = "Damp reports were closed without an inspection";
  action.action = "Inspect every damp report within 10 working days";
  action.owner = "manager";
  action.raised_on = D(2025, 5, 1);
  action.due_on = D(2025, 6, 1);
  return action;
}

struct LearningRule {
  std::string_view name;
  std::function<void(LearningAction&)> change;
  std::vector<std::string> fields;
  // The code of each offending field (none: the test checks only the names).
  std::vector<FieldErrorCode> codes = {};
};

class LearningRulesTest : public testing::TestWithParam<LearningRule> {};

TEST_P(LearningRulesTest, NamesTheOffendingFields) {
  LearningAction action = FromComplaints();
  GetParam().change(action);
  ExpectFieldErrors(ValidateLearningAction(action, kToday), GetParam().fields, GetParam().codes);
}

const LearningRule kLearningRules[] = {
    {"FromComplaintsIsValid", [](LearningAction&) {}, {}},
    {"ComplaintsSourceNeedsComplaints",
     [](LearningAction& a) { a.complaints.clear(); },
     {"complaints"},
     {FieldErrorCode::kRequired}},
    {"OmbudsmanSourceNeedsTheCase",
     [](LearningAction& a) {
       a.source = LearningSource::kOmbudsmanCase;
       a.complaints.clear();
     },
     {"ombudsman_case"}},
    {"ThemeNeedsCategoryOrRootCause",
     [](LearningAction& a) {
       a.source = LearningSource::kTheme;
       a.complaints.clear();
     },
     {"category"},
     {FieldErrorCode::kRequired}},
    {"ThemeWithRootCauseIsValid",
     [](LearningAction& a) {
       a.source = LearningSource::kTheme;
       a.complaints.clear();
       a.root_cause = "delay";
     },
     {}},
    {"ThemeFieldsOnlyForThemes",
     [](LearningAction& a) { a.root_cause = "delay"; },
     {"root_cause"},
     {FieldErrorCode::kNotAllowedInState}},
    {"ActionAndOwnerRequired",
     [](LearningAction& a) {
       a.action = " ";
       a.owner = "";
     },
     {"action", "owner"}},
    {"DueBeforeRaised",
     [](LearningAction& a) { a.due_on = D(2025, 4, 1); },
     {"due_on"},
     {FieldErrorCode::kDateTooEarly}},
    {"RaisedAfterToday",
     [](LearningAction& a) {
       a.raised_on = D(2025, 7, 1);
       a.due_on = D(2025, 7, 2);
     },
     {"raised_on"},
     {FieldErrorCode::kDateInFuture}},
    {"CompletingNeedsEvidence",
     [](LearningAction& a) {
       a.status = LearningStatus::kCompleted;
       a.completed_on = D(2025, 6, 1);
     },
     {"evidence"},
     {FieldErrorCode::kRequired}},
    {"CompletingNeedsTheDate",
     [](LearningAction& a) {
       a.status = LearningStatus::kCompleted;
       a.evidence = "New procedure issued";
     },
     {"completed_on"}},
    {"CompletedIsValid",
     [](LearningAction& a) {
       a.status = LearningStatus::kCompleted;
       a.evidence = "New procedure issued";
       a.completed_on = D(2025, 6, 1);
     },
     {}},
    {"CompletionDateOnlyWhenCompleted",
     [](LearningAction& a) { a.completed_on = D(2025, 6, 1); },
     {"completed_on"},
     {FieldErrorCode::kNotAllowedInState}},
};
INSTANTIATE_TEST_SUITE_P(Rules, LearningRulesTest, testing::ValuesIn(kLearningRules), CaseName());

TEST(LearningTest, OnlyLiveActionsAreOverdue) {
  LearningAction action = FromComplaints();  // due 2025-06-01
  EXPECT_TRUE(IsOverdue(action, kToday));
  EXPECT_FALSE(IsOverdue(action, D(2025, 6, 1)));
  action.status = LearningStatus::kCancelled;
  EXPECT_FALSE(IsOverdue(action, kToday));
}

TEST(SelfAssessmentTest, TheSeedCoversEverySectionWithUniqueValidProvisions) {
  std::set<std::string> provisions;
  std::set<std::string> sections;
  for (const ProvisionAssessment& provision : SeedProvisions()) {
    EXPECT_TRUE(ValidateProvision(provision)) << provision.provision;
    EXPECT_TRUE(provisions.insert(provision.provision).second) << provision.provision;
    sections.insert(provision.section);
    EXPECT_FALSE(provision.compliance);
  }
  EXPECT_EQ(sections.size(), CodeSections().size());
  EXPECT_TRUE(provisions.contains("6.3"));
}

TEST(SelfAssessmentTest, ProvisionRules) {
  struct Row {
    std::string_view name;
    std::function<void(ProvisionAssessment&)> change;
    std::vector<std::string> fields;
  };
  const Row rows[] = {
      {"Complies", [](ProvisionAssessment& p) { p.compliance = CodeCompliance::kComplies; }, {}},
      {"PartlyNeedsActionOrCommentary",
       [](ProvisionAssessment& p) { p.compliance = CodeCompliance::kPartly; },
       {"action"}},
      {"PartlyWithAction",
       [](ProvisionAssessment& p) {
         p.compliance = CodeCompliance::kDoesNotComply;
         p.action = "Train stage 1 handlers";
         p.action_due_on = D(2025, 9, 30);
       },
       {}},
      {"ActionNeedsDate", [](ProvisionAssessment& p) { p.action = "Train"; }, {"action_due_on"}},
      {"UnknownSection", [](ProvisionAssessment& p) { p.section = "10"; }, {"section"}},
  };
  for (const Row& row : rows) {
    ProvisionAssessment provision = SeedProvisions().front();
    row.change(provision);
    SCOPED_TRACE(row.name);
    ExpectFieldErrors(ValidateProvision(provision), row.fields);
  }
}

TEST(SelfAssessmentTest, ApprovalAndCounts) {
  GoverningBodyApproval approval{D(2025, 7, 1), "", "", ""};
  Status status = ValidateApproval(approval, kToday);
  ASSERT_FALSE(status);
  EXPECT_EQ(FieldNames(status.error()), (std::vector<std::string>{"approved_on", "meeting"}));

  SelfAssessment assessment;
  assessment.provisions = SeedProvisions();
  assessment.provisions[0].compliance = CodeCompliance::kComplies;
  assessment.provisions[1].compliance = CodeCompliance::kPartly;
  SelfAssessmentCounts counts = CountCompliance(assessment);
  EXPECT_EQ(counts.complies, 1);
  EXPECT_EQ(counts.partly, 1);
  EXPECT_EQ(counts.not_assessed, counts.provisions - 2);
}

}  // namespace
}  // namespace redress::core
