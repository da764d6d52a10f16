#include "report/render/submission_form_render.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

namespace redress::report::render {
namespace {

SubmissionForm Form(std::string response) {
  SubmissionForm form;
  form.year = 2023;
  form.title = "Housing Ombudsman annual submission 2023/24";
  form.deadline = "2024-09-30";
  form.status = "Draft";
  form.section_1 = {{"Landlord code", "HO-1234"}, {"The governing body's response", response}};
  form.section_2 = {{"6 Complaint stages", "6.3", "Stage 1 within 10 working days", "No", "Tracker",
                     "Most are", "A weekly tracker", "2025-03-31"}};
  return form;
}

TEST(SubmissionFormRender, JsonMirrorsTheFormInItsDocumentedShape) {
  const nlohmann::json json = nlohmann::json::parse(SubmissionFormJson(Form("Noted.")));
  EXPECT_EQ(json["year"], 2023);
  EXPECT_EQ(json["financial_year"], "2023/24");
  EXPECT_EQ(json["deadline"], "2024-09-30");
  ASSERT_EQ(json["section_1"].size(), 2u);
  EXPECT_EQ(json["section_1"][0]["question"], "Landlord code");
  EXPECT_EQ(json["section_1"][0]["answer"], "HO-1234");
  ASSERT_EQ(json["section_2"].size(), 1u);
  EXPECT_EQ(json["section_2"][0]["comply"], "No");
  EXPECT_EQ(json["section_2"][0]["timescale"], "2025-03-31");
}

TEST(SubmissionFormRender, FormatsAreJsonCsvAndPdfOnly) {
  EXPECT_EQ(ParseFormFormat("pdf"), Format::kPdf);
  EXPECT_EQ(ParseFormFormat("csv"), Format::kCsv);
  EXPECT_EQ(ParseFormFormat("json"), Format::kJson);
  EXPECT_FALSE(ParseFormFormat("xlsx"));
  EXPECT_FALSE(ParseFormFormat("html"));
  EXPECT_EQ(FormFileName(2023, Format::kPdf), "housing-ombudsman-annual-submission-2023-24.pdf");
}

TEST(SubmissionFormRender, PdfIsTaggedWithItsLanguageEvenWithAResponseLongerThanAPage) {
  std::string response;
  for (int i = 0; i < 1500; ++i) response += "Cabinet notes the report and its actions. ";
  const auto pdf = SubmissionFormPdf(Form(response));
  ASSERT_TRUE(pdf) << pdf.error().message;
  EXPECT_EQ(pdf->rfind("%PDF-", 0), 0u);
  EXPECT_NE(pdf->find("/StructTreeRoot"), std::string::npos);
  EXPECT_NE(pdf->find("/Lang <FEFF0065006E002D00470042>"), std::string::npos);
}

}  // namespace
}  // namespace redress::report::render
