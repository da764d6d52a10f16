#include "letters/letter_pdf.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::letters {
namespace {

LetterDocument Document(std::string text, core::LetterFormat format) {
  return {"Exampleshire Council", {"Ada Lovelace", "1 High Street", "Exampleton", "EX1 2MP"},
          "CMP-2026-000042",      *core::Date::Parse("2026-01-20"),
          std::move(text),        format};
}

TEST(LetterPdfTest, OnePageLetterIsAPdfAndTheSameBytesEachTime) {
  auto first =
      RenderLetterPdf(Document("# Heading\n\nA paragraph.", core::LetterFormat::kStandard));
  auto second =
      RenderLetterPdf(Document("# Heading\n\nA paragraph.", core::LetterFormat::kStandard));
  ASSERT_TRUE(first);
  ASSERT_TRUE(second);
  EXPECT_EQ(first->bytes.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(first->pages, 1);
  EXPECT_EQ(first->bytes, second->bytes);
}

TEST(LetterPdfTest, LargePrintTakesMorePagesAndOverTenIsRefused) {
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text +=
        "A paragraph of some length that says the same again, and again, so that it wraps "
        "over more than one line of the page at either size of text.\n\n";
  }
  auto standard = RenderLetterPdf(Document(text, core::LetterFormat::kStandard));
  auto large = RenderLetterPdf(Document(text, core::LetterFormat::kLargePrint));
  ASSERT_TRUE(standard);
  ASSERT_TRUE(large);
  EXPECT_GT(large->pages, standard->pages);
  std::string long_text;
  for (int i = 0; i < 600; ++i) long_text += "A paragraph.\n\n";
  auto too_long = RenderLetterPdf(Document(long_text, core::LetterFormat::kStandard));
  ASSERT_FALSE(too_long);
  EXPECT_EQ(too_long.error().fields.at(0).code, core::FieldErrorCode::kTooLong);
}

}  // namespace
}  // namespace redress::letters
