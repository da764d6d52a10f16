#include "legacy/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

namespace redress::legacy {
namespace {

struct ReadRow {
  std::size_t number;
  std::vector<std::string> fields;
  friend bool operator==(const ReadRow&, const ReadRow&) = default;
};

// A workbook made by libxlsxwriter, as a council's spreadsheet would hold an export: shared
// strings (or, in constant memory mode, inline strings), numbers, a date, a boolean, a cell left
// out and a row left out, then a second sheet the import must not read.
std::string Workbook(bool inline_strings) {
  char path[] = "/tmp/redress-xlsx-test-XXXXXX";
  const int fd = mkstemp(path);
  EXPECT_GE(fd, 0);
  close(fd);
  lxw_workbook_options options{};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path, &options);
  lxw_worksheet* sheet = workbook_add_worksheet(workbook, "Export");
  lxw_format* date = workbook_add_format(workbook);
  format_set_num_format(date, "dd/mm/yyyy");
  const char* header[] = {"Ref", "Received", "Amount", "Name", "Closed"};
  for (lxw_col_t c = 0; c < 5; ++c) worksheet_write_string(sheet, 0, c, header[c], nullptr);
  worksheet_write_string(sheet, 1, 0, "M-001", nullptr);
  lxw_datetime received = {2024, 11, 18, 0, 0, 0};
  worksheet_write_datetime(sheet, 1, 1, &received, date);
  worksheet_write_number(sheet, 1, 2, 125.5, nullptr);
  worksheet_write_string(sheet, 1, 3, "Amira Khan, \"AK\"", nullptr);
  worksheet_write_boolean(sheet, 1, 4, 1, nullptr);
  // Row 3 left out; row 4 without its second and last cells.
  worksheet_write_string(sheet, 3, 0, "M-002", nullptr);
  worksheet_write_number(sheet, 3, 2, 7, nullptr);
  worksheet_write_string(sheet, 3, 3, "Ünïcode Ñame", nullptr);
  lxw_worksheet* other = workbook_add_worksheet(workbook, "Other");
  worksheet_write_string(other, 0, 0, "not read", nullptr);
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::ifstream file(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  std::remove(path);
  return bytes;
}

std::vector<ReadRow> ReadAll(XlsxReader& reader) {
  std::vector<ReadRow> rows;
  std::vector<std::string> fields;
  while (reader.Next(fields)) rows.push_back({reader.record(), fields});
  return rows;
}

TEST(XlsxReader, ReadsTheFirstSheetAsTheCsvReaderWouldItsRows) {
  for (bool inline_strings : {false, true}) {
    SCOPED_TRACE(inline_strings ? "inline strings" : "shared strings");
    const std::string bytes = Workbook(inline_strings);
    ASSERT_TRUE(LooksLikeXlsx(bytes));
    auto reader = XlsxReader::Open(bytes);
    ASSERT_TRUE(reader) << reader.error().message;
    const std::vector<ReadRow> expected = {
        {1, {"Ref", "Received", "Amount", "Name", "Closed"}},
        {2, {"M-001", "45614", "125.5", "Amira Khan, \"AK\"", "TRUE"}},
        {4, {"M-002", "", "7", "Ünïcode Ñame"}},
    };
    EXPECT_EQ(ReadAll(*reader), expected);
  }
}

TEST(XlsxReader, ExcelSerialsAreDatesFromMarch1900) {
  EXPECT_EQ(ExcelSerialDate("45614"), core::Date::Parse("2024-11-18"));
  EXPECT_EQ(ExcelSerialDate("45614.75"), core::Date::Parse("2024-11-18"));
  EXPECT_EQ(ExcelSerialDate("25569"), core::Date::Parse("1970-01-01"));
  EXPECT_EQ(ExcelSerialDate("61"), core::Date::Parse("1900-03-01"));
  for (const char* not_a_serial : {"", "60", "-5", "abc", "45614x", "18/11/2024", "1e99"}) {
    EXPECT_FALSE(ExcelSerialDate(not_a_serial)) << not_a_serial;
  }
}

TEST(XlsxReader, WhatIsNotAWorkbookIsRefusedNamingTheFile) {
  EXPECT_FALSE(LooksLikeXlsx("Ref,Date\n1,2\n"));
  for (const std::string& bytes : {std::string("PK\x03\x04 broken", 13), std::string("nope")}) {
    auto reader = XlsxReader::Open(bytes);
    ASSERT_FALSE(reader);
    ASSERT_EQ(reader.error().fields.size(), 1u);
    EXPECT_EQ(reader.error().fields[0].field, "file");
  }
}

}  // namespace
}  // namespace redress::legacy
