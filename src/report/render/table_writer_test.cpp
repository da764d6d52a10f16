#include "report/render/table_writer.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::report::render {
namespace {

std::string Written(TableFormat format, const std::vector<std::vector<TableCell>>& rows) {
  auto writer = TableWriter::Open(format, "Complaints", *core::Date::FromYmd(2025, 6, 30));
  EXPECT_TRUE(writer.has_value());
  (*writer)->Headings({"Reference", "Summary", "Received", "Stage"});
  for (const auto& row : rows) (*writer)->Row(row);
  auto bytes = (*writer)->Finish();
  EXPECT_TRUE(bytes.has_value()) << bytes.error().message;
  return bytes.value_or("");
}

TEST(TableWriterTest, CsvHasAHeadingRowAndNeutralisesFormulas) {
  const std::string csv = Written(
      TableFormat::kCsv,
      {{TableCell::Text("CMP-2025-000001"), TableCell::Text("=HYPERLINK(\"http://evil.example\")"),
        TableCell::Day(core::Date::FromYmd(2025, 1, 31)), TableCell::Number(2)},
       {TableCell::Text("CMP-2025-000002"), TableCell::Text("Damp, mould"),
        TableCell::Day(std::nullopt), TableCell::Number(-1.5)}});
  EXPECT_EQ(csv,
            "Reference,Summary,Received,Stage\r\n"
            "CMP-2025-000001,\"'=HYPERLINK(\"\"http://evil.example\"\")\",2025-01-31,2\r\n"
            "CMP-2025-000002,\"Damp, mould\",,-1.5\r\n");
}

TEST(TableWriterTest, XlsxIsAZipWorkbookWithItsText) {
  const std::string xlsx =
      Written(TableFormat::kXlsx,
              {{TableCell::Text("CMP-2025-000001"), TableCell::Text("=1+1"),
                TableCell::Day(core::Date::FromYmd(2025, 1, 31)), TableCell::Number(2)}});
  ASSERT_GT(xlsx.size(), 4u);
  // The same rows on the same day: the same workbook, whatever the clock.
  EXPECT_EQ(xlsx,
            Written(TableFormat::kXlsx,
                    {{TableCell::Text("CMP-2025-000001"), TableCell::Text("=1+1"),
                      TableCell::Day(core::Date::FromYmd(2025, 1, 31)), TableCell::Number(2)}}));
  EXPECT_EQ(xlsx.substr(0, 4), std::string("PK\x03\x04", 4));  // a ZIP file
}

TEST(TableWriterTest, FormatsAreNamedAsTheirExtensions) {
  EXPECT_EQ(ParseTableFormat("csv"), TableFormat::kCsv);
  EXPECT_EQ(ParseTableFormat("xlsx"), TableFormat::kXlsx);
  EXPECT_EQ(ParseTableFormat("pdf"), std::nullopt);
  EXPECT_EQ(ToString(TableFormat::kXlsx), "xlsx");
  EXPECT_EQ(MediaTypeOf(TableFormat::kCsv), "text/csv; charset=utf-8");
}

}  // namespace
}  // namespace redress::report::render
