// The report as an XLSX workbook (libxlsxwriter): a sheet per table. "Summary" (the report's
// period and key figures), "TSM", "Trends", then one sheet per scope (the organisation, each
// regime, each service area) with its groups one under the other, and "Rules". Values are numbers
// (percentages 0-100, money in pounds) so that they can be charted and summed.
// Written through TemporaryWorkbook (xlsx_workbook.hpp).

#include <xlsxwriter.h>

#include <set>
#include <string>

#include "report/render/render_internal.hpp"
#include "report/render/summary.hpp"
#include "report/render/xlsx_workbook.hpp"
#include "report/wording.hpp"

namespace redress::report::render {
namespace {

constexpr double kLabelWidth = 55;
constexpr double kValueWidth = 14;
constexpr double kDescriptionWidth = 80;

struct Formats {
  lxw_format* bold;
  lxw_format* title;
  lxw_format* number;
  lxw_format* whole;
};

void WriteValue(lxw_worksheet* sheet, lxw_row_t row, lxw_col_t column, std::optional<double> value,
                Unit unit, const Formats& formats) {
  if (!value) return;
  worksheet_write_number(sheet, row, column, Rounded(*value, unit),
                         unit == Unit::kCount ? formats.whole : formats.number);
}

// Writes `group` from `row` on; returns the row after it.
lxw_row_t WriteGroup(lxw_worksheet* sheet, lxw_row_t row, const FigureGroup& group,
                     const AnnualReport& report, const Formats& formats) {
  worksheet_write_string(sheet, row++, 0, group.title.c_str(), formats.title);
  // Columns for people: the figure in words, its unit, the two years, the change, the list of its
  // complaints and what it counts. The machine keys are in the JSON and CSV.
  const std::string year = FinancialYearLabel(report.year);
  const std::string previous = FinancialYearLabel(report.year - 1);
  const std::string headers[] = {"Figure",
                                 year,
                                 previous,
                                 "Change",
                                 "Change (%)",
                                 "Unit",
                                 "List of its complaints (API path)",
                                 "What it counts"};
  for (std::size_t column = 0; column < std::size(headers); ++column) {
    worksheet_write_string(sheet, row, static_cast<lxw_col_t>(column), headers[column].c_str(),
                           formats.bold);
  }
  ++row;
  for (const Figure& figure : group.figures) {
    worksheet_write_string(sheet, row, 0, figure.label.c_str(), nullptr);
    WriteValue(sheet, row, 1, figure.current, figure.unit, formats);
    WriteValue(sheet, row, 2, figure.previous, figure.unit, formats);
    WriteValue(sheet, row, 3, Change(figure), figure.unit, formats);
    WriteValue(sheet, row, 4, ChangePercent(figure), Unit::kPercent, formats);
    worksheet_write_string(sheet, row, 5, std::string(Wording(figure.unit)).c_str(), nullptr);
    if (figure.selection.coverage == Coverage::kExact) {
      const std::string path =
          ListPath(figure.selection.filter, report.period_from, report.period_to);
      worksheet_write_string(sheet, row, 6, path.c_str(), nullptr);
    }
    worksheet_write_string(sheet, row, 7, figure.selection.description.c_str(), nullptr);
    ++row;
  }
  return row + 1;
}

void FigureColumns(lxw_worksheet* sheet) {
  worksheet_set_column(sheet, 0, 0, kLabelWidth, nullptr);
  worksheet_set_column(sheet, 1, 5, kValueWidth, nullptr);
  worksheet_set_column(sheet, 6, 7, kDescriptionWidth, nullptr);
}

void WriteWorkbook(lxw_workbook* workbook, const AnnualReport& report) {
  Formats formats{workbook_add_format(workbook), workbook_add_format(workbook),
                  workbook_add_format(workbook), workbook_add_format(workbook)};
  format_set_bold(formats.bold);
  format_set_bold(formats.title);
  format_set_font_size(formats.title, 13);
  format_set_num_format(formats.number, "#,##0.00");
  format_set_num_format(formats.whole, "#,##0");
  std::set<std::string> used;
  const std::string year = FinancialYearLabel(report.year);

  lxw_worksheet* summary = workbook_add_worksheet(workbook, SheetName("Summary", used).c_str());
  FigureColumns(summary);
  const std::string title = std::string(kReportTitle) + " " + year;
  worksheet_write_string(summary, 0, 0, title.c_str(), formats.title);
  worksheet_write_string(summary, 1, 0, report.organisation.c_str(), nullptr);
  const std::string period = "Financial year " + report.period_from.ToIso() + " to " +
                             report.period_to.ToIso() + ", as at " + report.as_at.ToIso();
  worksheet_write_string(summary, 2, 0, period.c_str(), nullptr);
  const Summary front = SummaryOf(report);
  lxw_row_t row = WriteGroup(summary, 4, front.headline, report, formats);
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"The biggest changes", &front.biggest_changes},
      {"Emerging issues", &front.emerging_issues},
      {"Ombudsman findings", &front.ombudsman},
      {"Learning completed", &front.learning},
  };
  for (const auto& [heading, sentences] : lists) {
    if (sentences->empty()) continue;
    worksheet_write_string(summary, row++, 0, heading, formats.bold);
    for (const std::string& sentence : *sentences) {
      worksheet_write_string(summary, row++, 0, sentence.c_str(), nullptr);
    }
    ++row;
  }
  worksheet_write_string(summary, row++, 0, "Ombudsman", formats.bold);
  worksheet_write_string(summary, row++, 0, report.ombudsman_note.c_str(), nullptr);
  for (const std::string& line : OmbudsmanLines(report)) {
    worksheet_write_string(summary, row++, 0, line.c_str(), nullptr);
  }
  worksheet_write_string(summary, row++, 0, "Code self-assessment", formats.bold);
  worksheet_write_string(summary, row++, 0, report.self_assessment_note.c_str(), nullptr);
  for (const std::string& line : SelfAssessmentLines(report)) {
    worksheet_write_string(summary, row++, 0, line.c_str(), nullptr);
  }

  lxw_worksheet* tsm = workbook_add_worksheet(workbook, SheetName("TSM", used).c_str());
  FigureColumns(tsm);
  row = WriteGroup(tsm, 0, report.tsm, report, formats);
  for (const std::string& note : report.tsm_notes) {
    worksheet_write_string(tsm, row++, 0, note.c_str(), nullptr);
  }

  lxw_worksheet* trends = workbook_add_worksheet(workbook, SheetName("Trends", used).c_str());
  worksheet_set_column(trends, 1, 1, kLabelWidth / 2, nullptr);
  const char* trend_headers[] = {"By", "Name"};
  for (std::size_t column = 0; column < std::size(trend_headers); ++column) {
    worksheet_write_string(trends, 0, static_cast<lxw_col_t>(column), trend_headers[column],
                           formats.bold);
  }
  const lxw_col_t first_month = std::size(trend_headers);
  for (std::size_t i = 0; i < report.months.size(); ++i) {
    worksheet_write_string(trends, 0, static_cast<lxw_col_t>(first_month + i),
                           report.months[i].c_str(), formats.bold);
  }
  worksheet_write_string(trends, 0, static_cast<lxw_col_t>(first_month + report.months.size()),
                         "Emerging issues", formats.bold);
  row = 1;
  for (const TrendSeries& series : report.trends) {
    worksheet_write_string(trends, row, 0, std::string(Wording(series.dimension)).c_str(), nullptr);
    worksheet_write_string(trends, row, 1, series.name.c_str(), nullptr);
    std::string emerging;
    for (std::size_t i = 0; i < series.counts.size(); ++i) {
      worksheet_write_number(trends, row, static_cast<lxw_col_t>(first_month + i),
                             static_cast<double>(series.counts[i]),
                             series.emerging[i] ? formats.bold : formats.whole);
      if (series.emerging[i]) emerging += (emerging.empty() ? "" : ", ") + report.months[i];
    }
    worksheet_write_string(trends, row, static_cast<lxw_col_t>(first_month + series.counts.size()),
                           emerging.c_str(), nullptr);
    ++row;
  }

  for (const Scope& scope : report.scopes) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook, SheetName(scope.name, used).c_str());
    FigureColumns(sheet);
    worksheet_write_string(sheet, 0, 0, (scope.name + " " + year).c_str(), formats.title);
    row = 2;
    for (const FigureGroup& group : scope.groups) {
      row = WriteGroup(sheet, row, group, report, formats);
    }
  }

  lxw_worksheet* rules = workbook_add_worksheet(workbook, SheetName("Rules", used).c_str());
  worksheet_set_column(rules, 1, 1, kDescriptionWidth * 2, nullptr);
  row = 0;
  for (const CountingRule& rule : report.rules) {
    worksheet_write_string(rules, row, 0, rule.title.c_str(), formats.bold);
    worksheet_write_string(rules, row++, 1, rule.text.c_str(), nullptr);
  }
}

}  // namespace

core::Result<std::string> RenderXlsx(const AnnualReport& report) {
  auto workbook = TemporaryWorkbook::Open(/*constant_memory=*/false);
  if (!workbook) return tl::unexpected(workbook.error());
  WriteWorkbook((*workbook)->get(), report);
  return (*workbook)->Close();
}

}  // namespace redress::report::render
