#include "letters/print_batch_pdf.hpp"

#include <gtest/gtest.h>

#include <string>

#include "letters/letter_pdf.hpp"

namespace redress::letters {
namespace {

std::string Letter(const std::string& reference, int paragraphs) {
  std::string text = "# Your complaint\n\n";
  for (int i = 0; i < paragraphs; ++i) {
    text +=
        "A paragraph of some length that says the same again, and again, so that it wraps "
        "over more than one line of the page.\n\n";
  }
  LetterDocument document{"Exampleshire Council",
                          {"Ada Lovelace", "1 High Street", "EX1 2MP"},
                          reference,
                          *core::Date::Parse("2026-01-20"),
                          text,
                          core::LetterFormat::kStandard};
  auto rendered = RenderLetterPdf(document);
  EXPECT_TRUE(rendered);
  return rendered ? rendered->bytes : std::string();
}

TEST(PrintBatchPdfTest, JoinsEveryPageInOrderAndTheSameBytesEachTime) {
  std::string one = Letter("CMP-2026-000001", 1);
  std::string three = Letter("CMP-2026-000002", 60);
  auto first = JoinPdfs({one, three}, "Print batch 2026-01-20");
  auto second = JoinPdfs({one, three}, "Print batch 2026-01-20");
  ASSERT_TRUE(first) << first.error().message;
  ASSERT_TRUE(second);
  EXPECT_EQ(first->bytes.rfind("%PDF-", 0), 0u);
  auto single = JoinPdfs({three}, "t");
  ASSERT_TRUE(single);
  EXPECT_GT(single->pages, 1);
  EXPECT_EQ(first->pages, 1 + single->pages);
  EXPECT_EQ(first->bytes, second->bytes);
}

TEST(PrintBatchPdfTest, NothingToJoinAndAnUnreadablePdfAreErrors) {
  auto empty = JoinPdfs({}, "t");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().code, core::ErrorCode::kInvalidInput);
  auto garbage = JoinPdfs({std::string_view("not a pdf")}, "t");
  ASSERT_FALSE(garbage);
  EXPECT_EQ(garbage.error().code, core::ErrorCode::kInternal);
}

}  // namespace
}  // namespace redress::letters
