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

std::vector<const Figure*> KeyFigures(const AnnualReport& report) {
  std::vector<const Figure*> figures;
  if (report.scopes.empty()) return figures;
  const Scope& organisation = report.scopes.front();
  const std::pair<std::string_view, std::string_view> keys[] = {
      {"volumes", "stage_1_received"},
      {"volumes", "stage_2_received"},
      {"volumes", "escalation_rate_1_to_2"},
      {"volumes", "not_accepted"},
      {"timeliness_stage_1", "on_time_percent"},
      {"timeliness_stage_2", "on_time_percent"},
      {"outcomes_stage_1", "upheld_percent"},
      {"remedies", "compensation_total"},
      {"root_causes", "complaints_root_cause_share"},
  };
  for (const auto& [group, key] : keys) {
    if (const Figure* figure = FindFigure(organisation, group, key)) figures.push_back(figure);
  }
  return figures;
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
