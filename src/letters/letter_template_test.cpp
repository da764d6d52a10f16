#include "letters/letter_template.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "letters/default_templates.hpp"
#include "letters/email_body.hpp"

namespace redress::letters {
namespace {

core::Date D(const char* iso) { return *core::Date::Parse(iso); }

std::vector<std::string> MessagesOf(const core::Status& status) {
  std::vector<std::string> messages;
  if (status) return messages;
  for (const core::FieldError& field : status.error().fields) messages.push_back(field.message);
  return messages;
}

LetterModel Model(core::LetterType type, core::Regime regime, int stage, const char* issued_on) {
  LetterModel model;
  model.organisation = "Exampleshire Council";
  model.reference = "CMP-2026-000042";
  model.complainant_name = "Ada Lovelace";
  model.stage_name = "Stage " + std::to_string(stage);
  model.stage = stage;
  model.received_on = D("2026-01-05");
  model.issued_on = D(issued_on);
  core::LetterParts& parts = model.parts;
  parts.complaint_definition = "The repair was late.";
  parts.outcome_sought = "The repair done.";
  parts.not_responsible_for = "The road.";
  parts.response_date = D("2026-01-26");
  parts.decisions = "Upheld.";
  parts.reasons = "Policy R1.";
  parts.escalation = "Ask for stage 2.";
  parts.refusal_explanation = "Court proceedings.";
  parts.extension_reason = "A report is awaited.";
  parts.new_date = D("2026-02-09");
  parts.progress = "Done some.";
  parts.resolution = "Agreed.";
  parts.body = "Hello.";
  core::LetterContext context{type, regime, stage};
  for (core::LetterPart part : core::RequiredParts(context)) {
    if (part == core::LetterPart::kOmbudsman) parts.ombudsman = true;
  }
  core::DropInapplicableParts(context, parts);
  if (parts.ombudsman) {
    model.ombudsman = core::OmbudsmanContactOn(core::OmbudsmanContacts(),
                                               core::OmbudsmanFor(regime), model.issued_on);
  }
  return model;
}

TEST(DefaultTemplatesTest, EveryShippedTemplatePassesItsOwnCheckInEveryRegimeAndStage) {
  for (core::LetterType type : core::kAllLetterTypes) {
    for (core::Regime regime : core::kAllRegimes) {
      for (int stage = 1; stage <= core::RulesFor(regime).stage_count(); ++stage) {
        core::Status status = CheckTemplate({type, regime, stage}, DefaultTemplate(type));
        EXPECT_TRUE(status) << core::ToString(type) << " " << core::ToString(regime) << " " << stage
                            << ": " << (status ? "" : status.error().message);
      }
    }
  }
}

struct TemplateCase {
  const char* name;
  core::LetterType type;
  int stage;
  std::string text;
  std::vector<std::string> messages;  // empty = accepted
};

class CheckTemplateTest : public ::testing::TestWithParam<TemplateCase> {};

TEST_P(CheckTemplateTest, Refusals) {
  const TemplateCase& c = GetParam();
  EXPECT_EQ(MessagesOf(CheckTemplate({c.type, core::Regime::kHousing, c.stage}, c.text)),
            c.messages);
}

INSTANTIATE_TEST_SUITE_P(
    Letters, CheckTemplateTest,
    ::testing::Values(
        TemplateCase{"free_ok",
                     core::LetterType::kFreeLetter,
                     1,
                     "Dear ((complainant_name)) ((body)) ((reference))",
                     {}},
        TemplateCase{"unknown",
                     core::LetterType::kFreeLetter,
                     1,
                     "((body)) ((tenant_name))",
                     {"((tenant_name)) is not a placeholder of a free_letter letter"}},
        // A part the type does not carry is as unknown as a misspelling.
        TemplateCase{"part_of_another_type",
                     core::LetterType::kFreeLetter,
                     1,
                     "((body)) ((decisions))",
                     {"((decisions)) is not a placeholder of a free_letter letter"}},
        TemplateCase{"unescaped",
                     core::LetterType::kFreeLetter,
                     1,
                     "((&body))",
                     {"((&body)): a template may not insert text unescaped, include another or "
                      "change its delimiters",
                      "the template leaves out ((body)), which a free_letter letter must "
                      "contain"}},
        TemplateCase{"final_without_ombudsman",
                     core::LetterType::kStageResponse,
                     2,
                     "((complaint_definition)) ((decisions)) ((reasons))",
                     {"the template leaves out ((ombudsman)), which a stage_response letter "
                      "must contain"}},
        TemplateCase{"ombudsman_fields_outside_block",
                     core::LetterType::kNotAccepted,
                     1,
                     "((refusal_explanation)) ((#ombudsman))((ombudsman_phone))((/ombudsman)) "
                     "((ombudsman_email))",
                     {"((ombudsman_email)) is not a placeholder of a not_accepted letter"}},
        TemplateCase{"does_not_parse",
                     core::LetterType::kFreeLetter,
                     1,
                     "((#body)) unclosed",
                     {"the template does not parse: Unclosed section \"body\" at 11"}}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST(RenderTest, HousingFinalResponseAfter13January2026OffersNoEmail) {
  auto before = RenderLetterText(
      DefaultTemplate(core::LetterType::kStageResponse),
      Model(core::LetterType::kStageResponse, core::Regime::kHousing, 2, "2026-01-12"));
  auto after = RenderLetterText(
      DefaultTemplate(core::LetterType::kStageResponse),
      Model(core::LetterType::kStageResponse, core::Regime::kHousing, 2, "2026-01-13"));
  ASSERT_TRUE(before);
  ASSERT_TRUE(after);
  EXPECT_NE(before->find("info@housing-ombudsman.org.uk"), std::string::npos);
  EXPECT_EQ(after->find("Email:"), std::string::npos) << *after;
  EXPECT_NE(after->find("0300 111 3000"), std::string::npos);
  // The final response has no escalation to another stage.
  EXPECT_EQ(after->find("Ask for stage 2."), std::string::npos);
}

TEST(RenderTest, StageOneResponseHasEscalationAndNoOmbudsman) {
  auto text = RenderLetterText(
      DefaultTemplate(core::LetterType::kStageResponse),
      Model(core::LetterType::kStageResponse, core::Regime::kHousing, 1, "2026-01-20"));
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("Ask for stage 2."), std::string::npos);
  EXPECT_EQ(text->find("Ombudsman"), std::string::npos);
}

TEST(RenderTest, TypedTextIsDataNeverTemplateOrMarkup) {
  LetterModel model = Model(core::LetterType::kFreeLetter, core::Regime::kHousing, 1, "2026-01-20");
  model.parts.body = "((reference)) {{reference}} <b>bold</b> & more\n# not a heading";
  auto text = RenderLetterText(DefaultTemplate(core::LetterType::kFreeLetter), model);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("((reference)) {{reference}} <b>bold</b> & more"), std::string::npos);
  EXPECT_EQ(text->find("\n# not a heading"), std::string::npos);
  std::string html = EmailHtml(*text);
  EXPECT_NE(html.find("&lt;b&gt;bold&lt;/b&gt; &amp; more"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<h2>\u2060"), std::string::npos);
}

TEST(RenderTest, ActionsListWithDates) {
  LetterModel model =
      Model(core::LetterType::kActionsUpdate, core::Regime::kHousing, 1, "2026-01-20");
  model.parts.outstanding_actions = {{"Fix the gutter", D("2026-03-02")}};
  auto text = RenderLetterText(DefaultTemplate(core::LetterType::kActionsUpdate), model);
  ASSERT_TRUE(text);
  EXPECT_NE(text->find("- Fix the gutter, by 2 March 2026"), std::string::npos) << *text;
}

TEST(LongDateTest, Writes) {
  EXPECT_EQ(LongDate(D("2026-01-13")), "13 January 2026");
  EXPECT_EQ(LongDate(D("2025-12-01")), "1 December 2025");
}

}  // namespace
}  // namespace redress::letters
