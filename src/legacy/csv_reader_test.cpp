#include "legacy/csv_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::legacy {
namespace {

using Records = std::vector<std::vector<std::string>>;

struct Case {
  const char* name;
  std::string text;
  Records records;
  std::vector<std::string> problems;  // per record, "" when none
};

const Case kCases[] = {
    {"Plain", "a,b\n1,2\n", {{"a", "b"}, {"1", "2"}}, {"", ""}},
    {"CrLfAndNoFinalNewline", "a,b\r\n1,2", {{"a", "b"}, {"1", "2"}}, {"", ""}},
    {"ByteOrderMark", "\xEF\xBB\xBFRef,Date\nX,1\n", {{"Ref", "Date"}, {"X", "1"}}, {"", ""}},
    {"QuotedComma", "\"Smith, J\",2\n", {{"Smith, J", "2"}}, {""}},
    {"DoubledQuote", "\"say \"\"hi\"\"\",x\n", {{"say \"hi\"", "x"}}, {""}},
    {"EmbeddedNewline",
     "\"line 1\nline 2\",x\ny,z\n",
     {{"line 1\nline 2", "x"}, {"y", "z"}},
     {"", ""}},
    {"EmptyFields", ",,\n", {{"", "", ""}}, {""}},
    {"BlankLine", "a\n\nb\n", {{"a"}, {""}, {"b"}}, {"", "", ""}},
    {"QuoteInsideUnquoted",
     "ab\"c,d\n",
     {{"ab\"c", "d"}},
     {"a double quote inside a field that is not in quotes (write it as \"\" inside quotes)"}},
    {"TextAfterClosingQuote",
     "\"ab\"c,d\n",
     {{"abc", "d"}},
     {"text after the closing quote of a field"}},
    {"NeverClosed",
     "\"abc,d\n",
     {{"abc,d\n"}},
     {"a quoted field is never closed (a double quote is missing)"}},
};

class CsvReaderTest : public testing::TestWithParam<Case> {};

TEST_P(CsvReaderTest, ReadsRecords) {
  const Case& c = GetParam();
  CsvReader reader(c.text);
  Records records;
  std::vector<std::string> problems;
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    records.push_back(fields);
    problems.push_back(reader.problem());
    EXPECT_EQ(reader.record(), records.size());
  }
  EXPECT_EQ(records, c.records);
  EXPECT_EQ(problems, c.problems);
}

INSTANTIATE_TEST_SUITE_P(Rfc4180, CsvReaderTest, testing::ValuesIn(kCases),
                         [](const auto& test_case) { return std::string(test_case.param.name); });

TEST(CsvReader, CountsLinesOfEmbeddedNewlines) {
  CsvReader reader("h\n\"a\nb\"\nc\n");
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(reader.line(), 2U);
  ASSERT_TRUE(reader.Next(fields));
  EXPECT_EQ(reader.record(), 3U);
  EXPECT_EQ(reader.line(), 4U);
}

TEST(CsvReader, BlankRecords) {
  EXPECT_TRUE(IsBlank({""}));
  EXPECT_TRUE(IsBlank({" ", ""}));
  EXPECT_FALSE(IsBlank({"", "x"}));
}

}  // namespace
}  // namespace redress::legacy
