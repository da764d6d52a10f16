#include <gtest/gtest.h>

#include "app/resident_codes.hpp"
#include "portal/pages.hpp"
#include "portal/questions.hpp"
#include "portal/templates.hpp"

namespace redress::portal {
namespace {

TEST(PortalTemplates, EveryTemplateParses) {
  for (std::string_view text :
       {LayoutTemplate(), StartTemplate(), QuestionTemplate(), CheckTemplate(),
        ConfirmationTemplate(), MessageTemplate(), CaseTemplate()}) {
    mustache::mustache parsed{std::string(text)};
    EXPECT_TRUE(parsed.is_valid()) << parsed.error_message();
  }
}

TEST(PortalPages, WhatIsTypedIsEscaped) {
  mustache::data data;
  data.set("heading", "<script>alert(1)</script>");
  data.set("paragraphs", List());
  const std::string html =
      RenderPage(Branding{"A & B Council", "Make a complaint", "/complain"}, PageTemplate::kMessage,
                 data, Frame{"<b>title</b>", "", {{"x", "<i>bad</i>"}}});
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("A &amp; B Council"), std::string::npos);
  EXPECT_NE(html.find("<title>Error: &lt;b&gt;title"), std::string::npos);
  EXPECT_NE(html.find("href=\"#x\""), std::string::npos);
}

TEST(PortalQuestions, EmailsThatLookRight) {
  struct Case {
    const char* text;
    bool good;
  };
  for (const Case& c :
       {Case{"ada@example.org", true}, Case{"a.b+c@sub.example.co.uk", true}, Case{"", false},
        Case{"ada", false}, Case{"@example.org", false}, Case{"ada@example", false},
        Case{"ada@@example.org", false}, Case{"ada @example.org", false}, Case{"ada@.org", false},
        Case{"ada@example.", false}}) {
    EXPECT_EQ(LooksLikeEmail(c.text), c.good) << c.text;
  }
}

TEST(PortalQuestions, EveryFieldOfAPageIsJudgedInOneRound) {
  const std::vector<Question> questions = QuestionsFor({}, {});
  const Question* details = FindQuestion(questions, "your-details");
  ASSERT_NE(details, nullptr);
  const auto errors =
      CheckAnswers(*details, {{"email", "not-an-email"}, {"postcode", std::string(11, 'A')}});
  std::vector<std::string> fields;
  for (const FieldError& error : errors) fields.push_back(error.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "email", "postcode", "contact_by"}));
  EXPECT_EQ(errors[0].message, "Enter your full name");
  EXPECT_EQ(errors[2].message, "Postcode must be 10 characters or less");
}

TEST(PortalQuestions, ComplainingForSomeoneElseAsksAboutThem) {
  EXPECT_EQ(FindQuestion(QuestionsFor({{"who", "myself"}}, {}), "their-details"), nullptr);
  const auto questions = QuestionsFor({{"who", "someone-else"}}, {});
  ASSERT_NE(FindQuestion(questions, "their-details"), nullptr);
  const app::OnlineComplaint complaint = ComplaintOf({{"who", "someone-else"},
                                                      {"name", "Rep"},
                                                      {"email", "rep@example.org"},
                                                      {"their_name", "Ada"},
                                                      {"contact_by", "post"}},
                                                     questions);
  EXPECT_EQ(complaint.complainant.name, "Ada");
  ASSERT_TRUE(complaint.representative);
  EXPECT_EQ(complaint.representative->email, "rep@example.org");
  EXPECT_EQ(complaint.contact_by, "Post");
}

TEST(PortalQuestions, AChoiceNotOfferedIsRefused) {
  const auto questions = QuestionsFor({}, {app::ServiceArea{"housing", "Housing", "t"}});
  const Question* area = FindQuestion(questions, "service-area");
  ASSERT_NE(area, nullptr);
  EXPECT_TRUE(CheckAnswers(*area, {{"service_area", "housing"}}).empty());
  EXPECT_EQ(CheckAnswers(*area, {{"service_area", "parks"}}).size(), 1U);
}

TEST(ResidentCodes, RightOnceInTimeAndFewTries) {
  app::ResidentCodes codes;
  const std::int64_t now = 1'000'000;
  std::string code = codes.Issue("CMP-2026-000001", "Ada@Example.org", now);
  ASSERT_EQ(code.size(), 6U);
  EXPECT_EQ(codes.Check("CMP-2026-000001", "ada@example.org ", code, now + 1),
            app::CodeCheck::kAccepted);
  EXPECT_EQ(codes.Check("CMP-2026-000001", "ada@example.org", code, now + 2),
            app::CodeCheck::kUsedUp);  // single use

  code = codes.Issue("CMP-2026-000001", "ada@example.org", now);
  EXPECT_EQ(codes.Check("CMP-2026-000002", "ada@example.org", code, now), app::CodeCheck::kWrong);
  EXPECT_EQ(codes.Check("CMP-2026-000001", "ada@example.org", code,
                        now + app::kResidentCodeLifetimeSeconds + 1),
            app::CodeCheck::kExpired);

  code = codes.Issue("CMP-2026-000001", "ada@example.org", now);
  const std::string wrong = code == "000000" ? "000001" : "000000";
  for (int i = 1; i < app::kResidentCodeTries; ++i) {
    EXPECT_EQ(codes.Check("CMP-2026-000001", "ada@example.org", wrong, now),
              app::CodeCheck::kWrong);
  }
  EXPECT_EQ(codes.Check("CMP-2026-000001", "ada@example.org", wrong, now), app::CodeCheck::kUsedUp);
  EXPECT_EQ(codes.Check("CMP-2026-000001", "ada@example.org", code, now), app::CodeCheck::kWrong);
}

}  // namespace
}  // namespace redress::portal
