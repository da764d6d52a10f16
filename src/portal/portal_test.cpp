#include <gtest/gtest.h>

#include "portal/pages.hpp"
#include "portal/questions.hpp"
#include "portal/sessions.hpp"
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

TEST(PortalSessions, WhatASessionHoldsSurvivesItsTextForm) {
  PortalSession session;
  session.answers = {{"who", "myself"}, {"what_happened", "Line 1\nLine \"2\" <b>"}};
  session.receipt = app::OnlineReceipt{"CMP-2026-000001", *core::Date::Parse("2026-12-04"),
                                       *core::Date::Parse("2026-12-11"), 1};
  session.receipt_email = "ada@example.org";
  session.pending_reference = "CMP-2026-000002";
  session.pending_email = "bob@example.org";
  session.case_reference = "CMP-2026-000003";
  session.case_email = "carol@example.org";
  session.uploads = {{"photo.jpg", 12345}};
  const PortalSession loaded = SessionFromText(SessionToText(session));
  EXPECT_EQ(loaded.answers, session.answers);
  ASSERT_TRUE(loaded.receipt);
  EXPECT_EQ(loaded.receipt->reference, "CMP-2026-000001");
  EXPECT_EQ(loaded.receipt->received_on, session.receipt->received_on);
  EXPECT_EQ(loaded.receipt->acknowledge_by, session.receipt->acknowledge_by);
  EXPECT_EQ(loaded.receipt->receipt_letter, 1);
  EXPECT_EQ(loaded.receipt_email, session.receipt_email);
  EXPECT_EQ(loaded.pending_reference, session.pending_reference);
  EXPECT_EQ(loaded.pending_email, session.pending_email);
  EXPECT_EQ(loaded.case_reference, session.case_reference);
  EXPECT_EQ(loaded.case_email, session.case_email);
  ASSERT_EQ(loaded.uploads.size(), 1U);
  EXPECT_EQ(loaded.uploads[0].name, "photo.jpg");
  // Text that is not a session's reads as an empty one (a new form), never a crash.
  EXPECT_TRUE(SessionFromText("not json").answers.empty());
  EXPECT_TRUE(SessionFromText(R"({"answers": 3})").answers.empty());
}

}  // namespace
}  // namespace redress::portal
