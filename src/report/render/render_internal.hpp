#pragma once

// What the renderers share: the per-format entry points and the text forms of values, so every
// format shows a figure the same way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "report/annual_report.hpp"
#include "report/csv_cell.hpp"  // CsvCell, for every CSV the renderers write

namespace redress::report::render {

inline constexpr std::string_view kReportTitle =
    "Annual Complaint Performance and Service Improvement Report";

std::string RenderJson(const AnnualReport& report);
std::string RenderCsv(const AnnualReport& report);
std::string RenderHtml(const AnnualReport& report);
core::Result<std::string> RenderPdf(const AnnualReport& report);
core::Result<std::string> RenderXlsx(const AnnualReport& report);

// The path of GET /api/v1/complaints with the figure's filters and the received dates
// [from, to]: "/api/v1/complaints?received_from=2023-04-01&received_to=2024-03-31&regime=housing".
std::string ListPath(const ListFilter& filter, core::Date from, core::Date to);

// A value for people: "1,284", "13.7%", "£1,250" (whole pounds), "4.5" working days, "54.4" per
// 1,000 homes; "–" when absent. Never more than one decimal.
std::string FormatValue(std::optional<double> value, Unit unit);
// The change for people: "−87 (−23.5%)", "+8.0 points", "0.0 points" (no sign on a change that
// rounds to nothing); "–" when it cannot be computed.
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

// A chart said in words, for those who cannot see it (the PDF's Figure /Alt, the SVG's <desc>):
// its title and every value it draws, formatted as the tables format them.
std::string AltText(const BarChart& chart, const std::string& current_label,
                    const std::string& previous_label);
std::string AltText(const LineChart& chart);

// A month "2023-04" for people: "April 2023" (kLong), "Apr 23" (kShort) or "Apr" (kName, where the
// year is said once elsewhere). Anything that is not YYYY-MM comes back as it is.
enum class MonthStyle { kLong, kShort, kName };
std::string MonthName(std::string_view month, MonthStyle style = MonthStyle::kLong);

// The figure `key` of group `group` of `scope`, or null.
const Figure* FindFigure(const Scope& scope, std::string_view group, std::string_view key);

// The figures a reader looks for first: the organisation's headline figures, each labelled so that
// it reads on its own (its stage named), every label unique.
FigureGroup KeyFigures(const AnnualReport& report);

// The unit of a line of the LGSCO letter's reconciliation: a percentage for its rates.
Unit UnitOf(const core::ReconciliationLine& line);

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
