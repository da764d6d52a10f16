// The report as JSON: GET /api/v1/reports/annual/{year} and `redress report annual --format json`.
// Each figure has its value for the year and the year before, the change, and the query of
// GET /api/v1/complaints that lists its complaints (null when the list filters cannot express it,
// with a description of what it counts instead).

#include <nlohmann/json.hpp>

#include "report/render/render_internal.hpp"
#include "report/render/summary.hpp"

namespace redress::report::render {
namespace {

// Keys in the order written, so the document reads top-down.
using json = nlohmann::ordered_json;

json Period(core::Date from, core::Date to) {
  return {{"from", from.ToIso()}, {"to", to.ToIso()}, {"label", FinancialYearLabel(from.year())}};
}

json Value(std::optional<double> value, Unit unit) {
  if (!value) return nullptr;
  const double rounded = Rounded(*value, unit);
  if (unit == Unit::kCount) return static_cast<std::int64_t>(rounded);
  return rounded;
}

json Filters(const ListFilter& filter) {
  json filters = json::object();
  if (filter.regime) filters["regime"] = core::ToString(*filter.regime);
  if (!filter.service_area.empty()) filters["service_area"] = filter.service_area;
  if (!filter.category.empty()) filters["category"] = filter.category;
  return filters;
}

json Query(const Selection& selection, const AnnualReport& report) {
  json query = {{"exact", selection.coverage == Coverage::kExact},
                {"description", selection.description}};
  if (selection.coverage == Coverage::kExact) {
    query["filters"] = Filters(selection.filter);
    query["current"] = ListPath(selection.filter, report.period_from, report.period_to);
    query["previous"] = ListPath(selection.filter, report.previous_from, report.previous_to);
  } else {
    query["filters"] = nullptr;
    query["current"] = nullptr;
    query["previous"] = nullptr;
  }
  return query;
}

json FigureJson(const Figure& figure, const AnnualReport& report) {
  const std::optional<double> change = Change(figure);
  return {{"key", figure.key},
          {"label", figure.label},
          {"unit", ToString(figure.unit)},
          {"current", Value(figure.current, figure.unit)},
          {"previous", Value(figure.previous, figure.unit)},
          {"change", Value(change, figure.unit)},
          {"change_percent", Value(ChangePercent(figure), Unit::kPercent)},
          {"query", Query(figure.selection, report)}};
}

json GroupJson(const FigureGroup& group, const AnnualReport& report) {
  json figures = json::array();
  for (const Figure& figure : group.figures) figures.push_back(FigureJson(figure, report));
  return {{"key", group.key}, {"title", group.title}, {"figures", std::move(figures)}};
}

json TsmJson(const AnnualReport& report) {
  json tsm = GroupJson(report.tsm, report);
  tsm["notes"] = report.tsm_notes;
  return tsm;
}

json TrendsJson(const AnnualReport& report) {
  json series = json::array();
  for (const TrendSeries& trend : report.trends) {
    json months = json::array();
    json emerging = json::array();
    for (std::size_t i = 0; i < report.months.size(); ++i) {
      const core::Date first = *core::Date::Parse(report.months[i] + "-01");
      const core::Date last = first.AddMonths(1).AddDays(-1);
      months.push_back({{"month", report.months[i]},
                        {"count", trend.counts[i]},
                        {"baseline", Rounded(trend.baseline[i], Unit::kWorkingDays)},
                        {"emerging", trend.emerging[i]},
                        {"query", ListPath(trend.filter, first, last)}});
      if (trend.emerging[i]) emerging.push_back(report.months[i]);
    }
    series.push_back({{"dimension", ToString(trend.dimension)},
                      {"code", trend.code},
                      {"name", trend.name},
                      {"emerging_months", std::move(emerging)},
                      {"months", std::move(months)}});
  }
  return {{"months", report.months},
          {"emerging_factor", kEmergingFactor},
          {"emerging_minimum_excess", kEmergingMinimumExcess},
          {"series", std::move(series)}};
}

json DateOrNull(const std::optional<core::Date>& date) {
  return date ? json(date->ToIso()) : json(nullptr);
}

json NumberOrNull(const std::optional<double>& value) { return value ? json(*value) : json(); }

json ComplianceJson(const RemedyCompliance& counts) {
  return {{"due", counts.due},
          {"complied_on_time", counts.complied_on_time},
          {"complied_late", counts.complied_late},
          {"overdue", counts.overdue},
          {"pending", counts.pending}};
}

json OmbudsmanJson(const std::optional<OmbudsmanSection>& section) {
  if (!section) return nullptr;
  json outcomes = json::array();
  for (const OutcomeCount& outcome : section->outcomes) {
    outcomes.push_back({{"ombudsman", core::ToString(outcome.ombudsman)},
                        {"outcome", outcome.outcome},
                        {"count", outcome.count}});
  }
  json letter = nullptr;
  if (!section->lgsco_letter.empty()) {
    json lines = json::array();
    for (const core::ReconciliationLine& line : section->lgsco_letter) {
      lines.push_back({{"key", line.key},
                       {"label", line.label},
                       {"letter", NumberOrNull(line.letter)},
                       {"recorded", NumberOrNull(line.recorded)},
                       {"difference", NumberOrNull(line.difference)}});
    }
    letter = {{"comparison_group", section->comparison_group}, {"lines", std::move(lines)}};
  }
  json improvements = json::array();
  for (const core::LearningAction& action : section->improvements) {
    improvements.push_back({{"reference", action.reference},
                            {"source", core::ToString(action.source)},
                            {"lesson", action.lesson},
                            {"action", action.action},
                            {"completed_on", DateOrNull(action.completed_on)},
                            {"evidence", action.evidence}});
  }
  const FailureOrderCounts& orders = section->failure_orders;
  return {{"cases_received",
           {{"housing_ombudsman", section->housing_cases_received},
            {"lgsco", section->lgsco_cases_received}}},
          {"outcomes", std::move(outcomes)},
          {"orders", ComplianceJson(section->orders)},
          {"recommendations", ComplianceJson(section->recommendations)},
          {"failure_orders",
           {{"issued", orders.issued},
            {"complied", orders.complied},
            {"not_complied", orders.not_complied},
            {"pending", orders.pending}}},
          {"lgsco_annual_letter", std::move(letter)},
          {"service_improvements", std::move(improvements)},
          {"service_improvements_withheld", section->improvements_withheld}};
}

json SelfAssessmentJson(const std::optional<core::SelfAssessment>& assessment) {
  if (!assessment) return nullptr;
  const core::SelfAssessmentCounts counts = core::CountCompliance(*assessment);
  json shortfalls = json::array();
  for (const core::ProvisionAssessment& p : assessment->provisions) {
    if (p.compliance != core::CodeCompliance::kPartly &&
        p.compliance != core::CodeCompliance::kDoesNotComply) {
      continue;
    }
    shortfalls.push_back({{"provision", p.provision},
                          {"requirement", p.requirement},
                          {"compliance", core::ToString(*p.compliance)},
                          {"commentary", p.commentary},
                          {"action", p.action},
                          {"action_due_on", DateOrNull(p.action_due_on)}});
  }
  json approval = nullptr;
  if (assessment->approval) {
    approval = {{"approved_on", assessment->approval->approved_on.ToIso()},
                {"meeting", assessment->approval->meeting},
                {"minute_reference", assessment->approval->minute_reference},
                {"response", assessment->approval->response}};
  }
  return {{"provisions", counts.provisions},
          {"complies", counts.complies},
          {"partly", counts.partly},
          {"does_not_comply", counts.does_not_comply},
          {"not_assessed", counts.not_assessed},
          {"non_compliance", std::move(shortfalls)},
          {"governing_body", std::move(approval)}};
}

}  // namespace

std::string RenderJson(const AnnualReport& report) {
  json scopes = json::array();
  for (const Scope& scope : report.scopes) {
    json groups = json::array();
    for (const FigureGroup& group : scope.groups) groups.push_back(GroupJson(group, report));
    scopes.push_back({{"kind", ToString(scope.kind)},
                      {"code", scope.code},
                      {"name", scope.name},
                      {"groups", std::move(groups)}});
  }
  json rules = json::array();
  for (const CountingRule& rule : report.rules) {
    rules.push_back({{"key", rule.key}, {"title", rule.title}, {"text", rule.text}});
  }
  const Summary summary = SummaryOf(report);
  json document = {
      {"title", kReportTitle},
      {"organisation", report.organisation},
      {"year", report.year},
      {"financial_year", FinancialYearLabel(report.year)},
      {"period", Period(report.period_from, report.period_to)},
      {"previous_period", Period(report.previous_from, report.previous_to)},
      {"as_at", report.as_at.ToIso()},
      {"summary",
       {{"headline", GroupJson(summary.headline, report)},
        {"biggest_changes", summary.biggest_changes},
        {"emerging_issues", summary.emerging_issues},
        {"ombudsman", summary.ombudsman},
        {"learning", summary.learning}}},
      {"counting_rules", std::move(rules)},
      {"scopes", std::move(scopes)},
      {"tsm", TsmJson(report)},
      {"trends", TrendsJson(report)},
      {"ombudsman", OmbudsmanJson(report.ombudsman)},
      {"ombudsman_explanation", report.ombudsman_note},
      {"self_assessment", SelfAssessmentJson(report.self_assessment)},
      {"self_assessment_explanation", report.self_assessment_note},
  };
  return document.dump(2) + "\n";
}

}  // namespace redress::report::render
