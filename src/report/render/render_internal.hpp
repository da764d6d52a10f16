#pragma once

// What the renderers share: the per-format entry points and the text forms of values, so every
// format shows a figure the same way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "report/annual_report.hpp"

namespace redress::report::render {

inline constexpr std::string_view kReportTitle =
    "Annual Complaint Performance and Service Improvement Report";

std::string RenderJson(const AnnualReport& report);
std::string RenderCsv(const AnnualReport& report);
// One field of a CSV row (RFC 4180): quoted when it holds a comma, quote or line end, and prefixed
// with a single quote when a spreadsheet would run it as a formula (it starts with =, +, -, @, tab
// or carriage return and is not a plain decimal number such as -87 or 13.5, which stays numeric).
// Every CSV the project writes goes through it.
std::string CsvCell(std::string_view text);
std::string RenderHtml(const AnnualReport& report);
core::Result<std::string> RenderPdf(const AnnualReport& report);
core::Result<std::string> RenderXlsx(const AnnualReport& report);

// The path of GET /api/v1/complaints with the figure's filters and the received dates
// [from, to]: "/api/v1/complaints?received_from=2023-04-01&received_to=2024-03-31&regime=housing".
std::string ListPath(const ListFilter& filter, core::Date from, core::Date to);

// A value for people: "284", "13.7%", "£1,250.00", "4.5"; "–" when absent.
std::string FormatValue(std::optional<double> value, Unit unit);
// The change for people: "−87 (−23.5%)", "+8.0 points"; "–" when it cannot be computed.
std::string FormatChange(const Figure& figure);
// The charts of the HTML and PDF documents, computed once from the report so both show the same.
struct BarChart {
  std::string title;
  Unit unit = Unit::kCount;
  std::vector<std::string> labels;
  std::vector<double> current;  // absent values drawn as 0
  std::vector<double> previous;
};
struct LineChart {
  std::string title;
  std::vector<std::string> months;
  std::vector<std::string> names;
  std::vector<std::vector<double>> series;  // one value per month
  std::vector<std::vector<bool>> emerging;  // months flagged as emerging issues
};
struct Charts {
  std::vector<BarChart> bars;
  LineChart trend;
};
Charts ChartsOf(const AnnualReport& report);

// The figure `key` of group `group` of `scope`, or null.
const Figure* FindFigure(const Scope& scope, std::string_view group, std::string_view key);

// The figures a reader looks for first: the organisation's headline figures.
std::vector<const Figure*> KeyFigures(const AnnualReport& report);

// A value rounded for machine-readable outputs (CSV, XLSX): counts whole, the rest to 2 places.
double Rounded(double value, Unit unit);

// The Ombudsman and self-assessment sections as sentences, one a line, for the formats that lay
// out text rather than tables (PDF, XLSX); empty when the section is absent.
std::vector<std::string> OmbudsmanLines(const AnnualReport& report);
// The sentence that counts the improvements about restricted complaints, whose text a published
// report does not carry; empty when there are none.
std::string WithheldImprovementsSentence(std::int64_t withheld);
std::vector<std::string> SelfAssessmentLines(const AnnualReport& report);

}  // namespace redress::report::render
