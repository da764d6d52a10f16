#include <algorithm>

#include "report/render/render_internal.hpp"

namespace redress::report::render {
namespace {

// The most series a trend chart draws: the categories with the most complaints in the year.
constexpr std::size_t kMaxTrendSeries = 6;

double ValueOr0(std::optional<double> value) { return value.value_or(0.0); }

// One bar per scope of `kind`: the figure `key` of `group`, this year and last.
BarChart BarsOf(const AnnualReport& report, std::string title, ScopeKind kind,
                std::string_view group, std::string_view key, Unit unit) {
  BarChart chart;
  chart.title = std::move(title);
  chart.unit = unit;
  for (const Scope& scope : report.scopes) {
    if (scope.kind != kind) continue;
    const Figure* figure = FindFigure(scope, group, key);
    if (figure == nullptr) continue;
    chart.labels.push_back(scope.name);
    chart.current.push_back(ValueOr0(figure->current));
    chart.previous.push_back(ValueOr0(figure->previous));
  }
  return chart;
}

}  // namespace

const Figure* FindFigure(const Scope& scope, std::string_view group, std::string_view key) {
  for (const FigureGroup& candidate : scope.groups) {
    if (candidate.key != group) continue;
    for (const Figure& figure : candidate.figures) {
      if (figure.key == key) return &figure;
    }
  }
  return nullptr;
}

FigureGroup KeyFigures(const AnnualReport& report) {
  FigureGroup group{"key", "Key figures for " + report.organisation, {}};
  if (report.scopes.empty()) return group;
  const Scope& organisation = report.scopes.front();
  // Each figure's label here says which stage it is about: out of its own group's table, "Responded
  // within the Code's timescales" would read the same for stage 1 and stage 2.
  struct Key {
    std::string_view group;
    std::string_view key;
    std::string_view label;
  };
  constexpr Key kKeys[] = {
      {"volumes", "stage_1_received", "Stage 1 complaints received"},
      {"volumes", "stage_2_received", "Stage 2 complaints received"},
      {"volumes", "escalation_rate_1_to_2", "Escalated from stage 1 to stage 2"},
      {"volumes", "not_accepted", "Complaints not accepted"},
      {"timeliness_stage_1", "on_time_percent", "Stage 1 responses within the Code's timescales"},
      {"timeliness_stage_2", "on_time_percent", "Stage 2 responses within the Code's timescales"},
      {"outcomes_stage_1", "upheld_percent", "Stage 1 complaints upheld or partly upheld"},
      {"remedies", "compensation_total", "Compensation offered"},
      {"root_causes", "complaints_root_cause_share",
       "Complaints received with a recorded root cause"},
  };
  for (const Key& key : kKeys) {
    if (const Figure* figure = FindFigure(organisation, key.group, key.key)) {
      Figure copy = *figure;
      copy.label = std::string(key.label);
      group.figures.push_back(std::move(copy));
    }
  }
  return group;
}

Charts ChartsOf(const AnnualReport& report) {
  Charts charts;
  charts.bars.push_back(BarsOf(report, "Stage 1 complaints received, by service area",
                               ScopeKind::kServiceArea, "volumes", "stage_1_received",
                               Unit::kCount));
  charts.bars.push_back(BarsOf(report, "Stage 1 responses within the Code's timescales, by regime",
                               ScopeKind::kRegime, "timeliness_stage_1", "on_time_percent",
                               Unit::kPercent));
  charts.bars.push_back(BarsOf(report, "Stage 1 complaints upheld or partly upheld, by regime",
                               ScopeKind::kRegime, "outcomes_stage_1", "upheld_percent",
                               Unit::kPercent));

  LineChart& trend = charts.trend;
  trend.title = "Complaints received per month, by category (the largest categories)";
  trend.months = report.months;
  std::vector<const TrendSeries*> categories;
  for (const TrendSeries& series : report.trends) {
    if (series.dimension == TrendDimension::kCategory) categories.push_back(&series);
  }
  const auto total = [](const TrendSeries* series) {
    std::int64_t sum = 0;
    for (std::int64_t count : series->counts) sum += count;
    return sum;
  };
  std::stable_sort(categories.begin(), categories.end(),
                   [&](const TrendSeries* a, const TrendSeries* b) { return total(a) > total(b); });
  if (categories.size() > kMaxTrendSeries) categories.resize(kMaxTrendSeries);
  for (const TrendSeries* series : categories) {
    trend.names.push_back(series->name);
    trend.series.emplace_back(series->counts.begin(), series->counts.end());
    trend.emerging.emplace_back(series->emerging.begin(), series->emerging.end());
  }
  return charts;
}

}  // namespace redress::report::render

namespace redress::report::render {

std::string AltText(const BarChart& chart, const std::string& current_label,
                    const std::string& previous_label) {
  std::string text =
      "Bar chart: " + chart.title + ", " + current_label + " beside " + previous_label + ".";
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    text += " " + chart.labels[i] + ": " + FormatValue(chart.current[i], chart.unit) + " against " +
            FormatValue(chart.previous[i], chart.unit) + ".";
  }
  return text;
}

std::string AltText(const LineChart& chart) {
  std::string text = "Line chart: " + chart.title + ", one line per category.";
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    double total = 0;
    double peak = 0;
    std::size_t peak_month = 0;
    std::int64_t emerging = 0;
    for (std::size_t month = 0; month < chart.series[s].size(); ++month) {
      total += chart.series[s][month];
      if (chart.series[s][month] > peak) {
        peak = chart.series[s][month];
        peak_month = month;
      }
      if (chart.emerging[s][month]) ++emerging;
    }
    text += " " + chart.names[s] + ": " + FormatValue(total, Unit::kCount) + " in the year";
    if (peak > 0 && peak_month < chart.months.size()) {
      text += ", most in " + MonthName(chart.months[peak_month]) + " (" +
              FormatValue(peak, Unit::kCount) + ")";
    }
    if (emerging > 0) {
      text += ", " + FormatValue(static_cast<double>(emerging), Unit::kCount) +
              (emerging == 1 ? " month" : " months") + " flagged as an emerging issue";
    }
    text += ".";
  }
  return text;
}

std::string MonthName(std::string_view month, MonthStyle style) {
  constexpr std::string_view kNames[] = {"January",   "February", "March",    "April",
                                         "May",       "June",     "July",     "August",
                                         "September", "October",  "November", "December"};
  constexpr std::size_t kYearLength = 4;
  constexpr std::size_t kShortName = 3;
  const std::size_t dash = month.find('-');
  if (dash != kYearLength || month.size() < dash + 3) return std::string(month);
  const int number = (month[dash + 1] - '0') * 10 + (month[dash + 2] - '0');
  if (number < 1 || number > kMonthsInYear) return std::string(month);
  const std::string_view name = kNames[number - 1];
  const std::string_view year = month.substr(0, kYearLength);
  switch (style) {
    case MonthStyle::kLong:
      return std::string(name) + " " + std::string(year);
    case MonthStyle::kShort:
      return std::string(name.substr(0, kShortName)) + " " + std::string(year.substr(2));
    case MonthStyle::kName:
      return std::string(name.substr(0, kShortName));
  }
  return std::string(month);
}

}  // namespace redress::report::render
