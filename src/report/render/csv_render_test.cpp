#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "report/render/render_internal.hpp"

namespace redress::report::render {
namespace {

TEST(CsvCellTest, NeutralisesWhatASpreadsheetWouldRunAsAFormula) {
  struct CellCase {
    std::string text;
    std::string cell;
  };
  const std::vector<CellCase> cases = {
      {"Repairs", "Repairs"},
      {"=HYPERLINK(\"http://evil.example\",\"Click\")",
       "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Click\"\")\""},
      {"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
      {"-2+3", "'-2+3"},
      {"@SUM(A1:A2)", "'@SUM(A1:A2)"},
      {"\tTab", "'\tTab"},
      {"\rReturn", "\"'\rReturn\""},
      {"a, b", "\"a, b\""},
      // Figures the report writes as numbers stay numbers.
      {"-87", "-87"},
      {"-13.75", "-13.75"},
      {"42", "42"},
      {"-", "'-"},
      {"-1.", "'-1."},
      {"", ""},
  };
  for (const CellCase& c : cases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(CsvCell(c.text), c.cell);
  }
}

TEST(CsvRenderTest, AScopeOrTrendNamedLikeAFormulaIsWrittenAsText) {
  AnnualReport report;
  report.year = 2024;
  report.period_from = *core::Date::Parse("2024-04-01");
  report.period_to = *core::Date::Parse("2025-03-31");
  Scope scope;
  scope.kind = ScopeKind::kServiceArea;
  scope.code = "evil";
  scope.name = "=HYPERLINK(\"http://evil.example\")";
  FigureGroup group;
  group.key = "volumes";
  Figure figure;
  figure.key = "received";
  figure.label = "@received";
  figure.current = 3;
  figure.previous = 10;
  group.figures.push_back(figure);
  scope.groups.push_back(group);
  report.scopes.push_back(scope);

  const std::string csv = RenderCsv(report);
  EXPECT_NE(csv.find(",\"'=HYPERLINK(\"\"http://evil.example\"\")\","), std::string::npos) << csv;
  EXPECT_NE(csv.find(",'@received,"), std::string::npos) << csv;
  // The change, -7, is a figure and stays a number.
  EXPECT_NE(csv.find(",3,10,-7,"), std::string::npos) << csv;
  EXPECT_EQ(csv.find(",=HYPERLINK"), std::string::npos);
}

}  // namespace
}  // namespace redress::report::render
