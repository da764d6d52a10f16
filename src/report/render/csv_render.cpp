// The report as one CSV table (RFC 4180, UTF-8, CRLF line ends), one row per figure, so that a
// spreadsheet or a script can filter and pivot it. The header row is in words; the columns whose
// names end in "code" hold the machine names of the JSON (scope, group and figure keys) for
// scripts, every other text cell is for people. The Table column says which part of the report a
// row belongs to:
//
//   figures  a figure of a scope: Scope kind Organisation, Regime or Service area; Group code and
//            Figure code as in the JSON; This year and Year before the values of the year and
//            the year before
//   tsm      the Tenant Satisfaction Measures CH01, CH02 and TP09 (housing)
//   report   the report itself: one row, Figure code as_at, whose What it counts cell is the date
//            the figures are as at (only facts recorded on or before it are counted)
//   trends   complaints received in a month (Figure code, YYYY-MM) per category or service area
//            (Scope kind); This year is the month's count and Year before the mean of the twelve
//            months before it; What it counts says "emerging issue" when flagged
//
// Values are plain numbers (percentages 0-100, money in pounds, rounded to 2 places); an empty
// cell is a value that cannot be computed. Text that a spreadsheet would run as a formula is
// neutralised (see CsvCell). The API path lists the row's complaints when Exact is "yes".

#include <string>
#include <vector>

#include "report/render/render_internal.hpp"
#include "report/wording.hpp"

namespace redress::report::render {
namespace {

std::string Number(std::optional<double> value, Unit unit) {
  if (!value) return {};
  const double rounded = Rounded(*value, unit);
  std::string text = std::to_string(rounded);
  // std::to_string writes 6 decimals: drop the trailing zeros (and the point of a whole number).
  text.erase(text.find_last_not_of('0') + 1);
  if (!text.empty() && text.back() == '.') text.pop_back();
  return text == "-0" ? "0" : text;
}

void Row(std::string& out, const std::vector<std::string>& cells) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out += ',';
    out += CsvCell(cells[i]);
  }
  out += "\r\n";
}

void FigureRow(std::string& out, std::string_view table, ScopeKind kind, std::string_view code,
               std::string_view name, const FigureGroup& group, const Figure& figure,
               const AnnualReport& report) {
  const bool exact = figure.selection.coverage == Coverage::kExact;
  Row(out, {std::string(table), std::string(Wording(kind)), std::string(code), std::string(name),
            group.key, figure.key, figure.label, std::string(Wording(figure.unit)),
            Number(figure.current, figure.unit), Number(figure.previous, figure.unit),
            Number(Change(figure), figure.unit), Number(ChangePercent(figure), Unit::kPercent),
            exact ? "yes" : "no",
            exact ? ListPath(figure.selection.filter, report.period_from, report.period_to) : "",
            figure.selection.description});
}

}  // namespace

std::string RenderCsv(const AnnualReport& report) {
  std::string out;
  Row(out, {"Table", "Scope kind", "Scope code", "Scope", "Group code", "Figure code", "Figure",
            "Unit", "This year", "Year before", "Change", "Change (%)", "Exact",
            "List of its complaints (API path)", "What it counts"});
  Row(out,
      {"report", std::string(Wording(ScopeKind::kOrganisation)), "all", report.organisation,
       "report", "as_at", "Figures as at", "Date", "", "", "", "", "no", "", report.as_at.ToIso()});
  for (const Scope& scope : report.scopes) {
    for (const FigureGroup& group : scope.groups) {
      for (const Figure& figure : group.figures) {
        FigureRow(out, "figures", scope.kind, scope.code, scope.name, group, figure, report);
      }
    }
  }
  for (const Figure& figure : report.tsm.figures) {
    FigureRow(out, "tsm", ScopeKind::kRegime, "housing", "Housing", report.tsm, figure, report);
  }
  for (const TrendSeries& trend : report.trends) {
    for (std::size_t i = 0; i < report.months.size(); ++i) {
      const core::Date first = *core::Date::Parse(report.months[i] + "-01");
      const core::Date last = first.AddMonths(1).AddDays(-1);
      Row(out,
          {"trends", std::string(Wording(trend.dimension)), trend.code, trend.name, "monthly",
           report.months[i], "Complaints received in " + report.months[i],
           std::string(Wording(Unit::kCount)),
           Number(static_cast<double>(trend.counts[i]), Unit::kCount),
           Number(trend.baseline[i], Unit::kWorkingDays),
           Number(static_cast<double>(trend.counts[i]) - trend.baseline[i], Unit::kWorkingDays), "",
           "yes", ListPath(trend.filter, first, last), trend.emerging[i] ? "emerging issue" : ""});
    }
  }
  return out;
}

}  // namespace redress::report::render
