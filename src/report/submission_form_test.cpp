#include "report/submission_form.hpp"

#include <gtest/gtest.h>

namespace redress::report {
namespace {

core::Date D(std::string_view iso) { return *core::Date::Parse(iso); }

SubmissionFormInput Input() {
  SubmissionFormInput input;
  input.submission.year = 2023;
  input.submission.homes = 5218;
  input.submission.status = core::SubmissionStatus::kApproved;
  input.submission.approved_on = D("2024-09-17");
  input.submission.governing_body = "Cabinet";
  input.submission.approval_minute = "CAB/24/023";
  input.submission.response = "Cabinet notes the report, \"with thanks\".";
  input.organisation = "Redress Demo Borough Council";
  input.submission.details.complaints_officer = {"A Officer", "Complaints Manager",
                                                 "a@example.gov.uk", "0100"};
  input.submission.details.member_responsible = {"Cllr B Member", "Cabinet Member",
                                                 "b@example.gov.uk", ""};
  input.submission.details.policy_address = "https://example.gov.uk/complaints-policy";
  core::SelfAssessment assessment;
  assessment.year = 2023;
  assessment.provisions = {
      {"1.2", "1", "A complaint is an expression of dissatisfaction",
       core::CodeCompliance::kComplies, "Policy 2.1", "", "", std::nullopt},
      {"6.3", "6", "Stage 1 within 10 working days", core::CodeCompliance::kPartly, "Tracker",
       "Most are", "A weekly tracker", D("2025-03-31")},
      {"8.4", "8", "Unassessed", std::nullopt, "", "", "", std::nullopt},
  };
  input.self_assessment = assessment;
  return input;
}

TEST(SubmissionForm, MirrorsTheFormSectionBySection) {
  const SubmissionForm form = SubmissionFormOf(Input());
  EXPECT_EQ(form.title, "Housing Ombudsman annual submission 2023/24");
  EXPECT_EQ(form.deadline, "2024-09-30");
  EXPECT_EQ(form.status, "Approved by Cabinet on 2024-09-17 (minute CAB/24/023)");
  ASSERT_FALSE(form.section_1.empty());
  EXPECT_EQ(form.section_1.front().question, "Landlord name");
  const auto answer = [&](std::string_view question) {
    for (const FormAnswer& a : form.section_1) {
      if (a.question == question) return a.answer;
    }
    return std::string("(no such question)");
  };
  EXPECT_EQ(answer("Member Responsible for Complaints: name"), "Cllr B Member");
  EXPECT_EQ(answer("Complaints officer: email address"), "a@example.gov.uk");
  EXPECT_EQ(answer("Link to the complaints policy"), "https://example.gov.uk/complaints-policy");
  EXPECT_EQ(answer("Link to the self-assessment"), "");  // not recorded: blank, not invented
  ASSERT_EQ(form.section_2.size(), 3u);
  // Comply is yes or no: partial compliance is "No", with its action and timescale.
  EXPECT_EQ(form.section_2[0].comply, "Yes");
  EXPECT_EQ(form.section_2[1].comply, "No");
  EXPECT_EQ(form.section_2[1].timescale, "2025-03-31");
  EXPECT_EQ(form.section_2[1].section.substr(0, 2), "6 ");
  EXPECT_EQ(form.section_2[2].comply, "");
}

TEST(SubmissionForm, CsvHasAHeaderInWordsBeforeEachSection) {
  const std::string csv = SubmissionFormCsv(SubmissionFormOf(Input()));
  EXPECT_TRUE(csv.starts_with("Section,Question,Answer\r\n")) << csv;
  EXPECT_NE(csv.find("\r\nSection,Code provision,Code requirement,Comply,Evidence,Commentary or "
                     "explanation,Action,Timescale\r\n"),
            std::string::npos);
  EXPECT_NE(csv.find("\"Cabinet notes the report, \"\"with thanks\"\".\""), std::string::npos);
  EXPECT_NE(csv.find(",6.3,Stage 1 within 10 working days,No,Tracker,Most are,A weekly "
                     "tracker,2025-03-31\r\n"),
            std::string::npos)
      << csv;
}

}  // namespace
}  // namespace redress::report
