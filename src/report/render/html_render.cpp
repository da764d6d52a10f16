// The report as one self-contained HTML document: inline CSS and inline SVG charts, no script and
// nothing fetched, so it can be mailed, archived or printed as it is.

#include <algorithm>
#include <cstdio>
#include <string>

#include "core/html_text.hpp"
#include "report/render/render_internal.hpp"
#include "report/render/summary.hpp"
#include "report/wording.hpp"

namespace redress::report::render {
namespace {

// Chart geometry, in SVG user units (pixels at 100%).
constexpr double kChartWidth = 760;
constexpr double kLabelWidth = 230;
constexpr double kValueWidth = 70;
constexpr double kBarHeight = 11;
constexpr double kRowGap = 8;
constexpr double kChartTop = 28;
constexpr double kLineChartHeight = 300;
constexpr double kLinePlotLeft = 50;
constexpr double kLinePlotBottom = 40;
constexpr double kLegendWidth = 190;
constexpr double kMarkerRadius = 5;
constexpr const char* kCurrentColour = "#1d70b8";
constexpr const char* kPreviousColour = "#b1b4b6";
constexpr const char* kEmergingColour = "#d4351c";
constexpr const char* kSeriesColours[] = {"#1d70b8", "#00703c", "#f47738",
                                          "#4c2c92", "#d53880", "#505a5f"};

std::string Num(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

std::string BarChartSvg(const BarChart& chart, const std::string& current_label,
                        const std::string& previous_label) {
  const double row = 2 * kBarHeight + kRowGap;
  const double height = kChartTop + row * static_cast<double>(chart.labels.size()) + kRowGap;
  double max_value = chart.unit == Unit::kPercent ? 100.0 : 1.0;
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    max_value = std::max({max_value, chart.current[i], chart.previous[i]});
  }
  const double plot = kChartWidth - kLabelWidth - kValueWidth;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    Num(kChartWidth) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " +
                    Num(kChartWidth) + " " + Num(height) + "\"><title>" +
                    core::EscapeHtml(chart.title) + "</title><desc>" +
                    core::EscapeHtml(AltText(chart, current_label, previous_label)) + "</desc>";
  svg += "<rect x=\"" + Num(kLabelWidth) + "\" y=\"6\" width=\"10\" height=\"10\" fill=\"" +
         kCurrentColour + "\"/><text x=\"" + Num(kLabelWidth + 14) + "\" y=\"15\">" +
         core::EscapeHtml(current_label) + "</text>";
  svg += "<rect x=\"" + Num(kLabelWidth + 110) + "\" y=\"6\" width=\"10\" height=\"10\" fill=\"" +
         kPreviousColour + "\"/><text x=\"" + Num(kLabelWidth + 124) + "\" y=\"15\">" +
         core::EscapeHtml(previous_label) + "</text>";
  for (std::size_t i = 0; i < chart.labels.size(); ++i) {
    const double y = kChartTop + row * static_cast<double>(i);
    svg += "<text x=\"" + Num(kLabelWidth - 6) + "\" y=\"" + Num(y + kBarHeight + 4) +
           "\" text-anchor=\"end\">" + core::EscapeHtml(chart.labels[i]) + "</text>";
    const double values[] = {chart.current[i], chart.previous[i]};
    const char* colours[] = {kCurrentColour, kPreviousColour};
    for (int bar = 0; bar < 2; ++bar) {
      const double bar_y = y + bar * kBarHeight;
      const double width = plot * values[bar] / max_value;
      svg += "<rect x=\"" + Num(kLabelWidth) + "\" y=\"" + Num(bar_y) + "\" width=\"" + Num(width) +
             "\" height=\"" + Num(kBarHeight - 1) + "\" fill=\"" + colours[bar] + "\"/><text x=\"" +
             Num(kLabelWidth + width + 4) + "\" y=\"" + Num(bar_y + kBarHeight - 2) +
             "\" class=\"v\">" + core::EscapeHtml(FormatValue(values[bar], chart.unit)) + "</text>";
    }
  }
  return svg + "</svg>";
}

std::string LineChartSvg(const LineChart& chart) {
  const double plot_width = kChartWidth - kLinePlotLeft - kLegendWidth;
  const double plot_height = kLineChartHeight - kChartTop - kLinePlotBottom;
  double max_value = 1.0;
  for (const auto& series : chart.series) {
    for (double value : series) max_value = std::max(max_value, value);
  }
  const std::size_t months = chart.months.size();
  const auto x_of = [&](std::size_t month) {
    return kLinePlotLeft + plot_width * (static_cast<double>(month) + 0.5) /
                               static_cast<double>(std::max<std::size_t>(months, 1));
  };
  const auto y_of = [&](double value) {
    return kChartTop + plot_height * (1.0 - value / max_value);
  };
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    Num(kChartWidth) + "\" height=\"" + Num(kLineChartHeight) +
                    "\" viewBox=\"0 0 " + Num(kChartWidth) + " " + Num(kLineChartHeight) +
                    "\"><title>" + core::EscapeHtml(chart.title) + "</title><desc>" +
                    core::EscapeHtml(AltText(chart)) + "</desc>";
  svg += "<line x1=\"" + Num(kLinePlotLeft) + "\" y1=\"" + Num(y_of(0)) + "\" x2=\"" +
         Num(kLinePlotLeft + plot_width) + "\" y2=\"" + Num(y_of(0)) + "\" stroke=\"#0b0c0c\"/>";
  svg += "<text x=\"" + Num(kLinePlotLeft - 6) + "\" y=\"" + Num(y_of(max_value) + 4) +
         "\" text-anchor=\"end\" class=\"v\">" + FormatValue(max_value, Unit::kCount) + "</text>";
  for (std::size_t month = 0; month < months; ++month) {
    svg += "<text x=\"" + Num(x_of(month)) + "\" y=\"" + Num(y_of(0) + 16) +
           "\" text-anchor=\"middle\" class=\"v\">" +
           core::EscapeHtml(chart.months[month].substr(2)) + "</text>";
  }
  for (std::size_t s = 0; s < chart.series.size(); ++s) {
    const char* colour = kSeriesColours[s % std::size(kSeriesColours)];
    std::string points;
    for (std::size_t month = 0; month < chart.series[s].size(); ++month) {
      points += Num(x_of(month)) + "," + Num(y_of(chart.series[s][month])) + " ";
    }
    svg += "<polyline fill=\"none\" stroke-width=\"2\" stroke=\"" + std::string(colour) +
           "\" points=\"" + points + "\"/>";
    for (std::size_t month = 0; month < chart.series[s].size(); ++month) {
      if (!chart.emerging[s][month]) continue;
      svg += "<circle cx=\"" + Num(x_of(month)) + "\" cy=\"" + Num(y_of(chart.series[s][month])) +
             "\" r=\"" + Num(kMarkerRadius) + "\" fill=\"" + kEmergingColour + "\"/>";
    }
    const double legend_y = kChartTop + 18.0 * static_cast<double>(s);
    const double legend_x = kChartWidth - kLegendWidth + 10;
    svg += "<rect x=\"" + Num(legend_x) + "\" y=\"" + Num(legend_y) +
           "\" width=\"10\" height=\"10\" fill=\"" + colour + "\"/><text x=\"" +
           Num(legend_x + 14) + "\" y=\"" + Num(legend_y + 9) + "\">" +
           core::EscapeHtml(chart.names[s]) + "</text>";
  }
  const double note_y = kChartTop + 18.0 * static_cast<double>(chart.series.size()) + 8;
  svg += "<circle cx=\"" + Num(kChartWidth - kLegendWidth + 15) + "\" cy=\"" + Num(note_y) +
         "\" r=\"" + Num(kMarkerRadius) + "\" fill=\"" + kEmergingColour + "\"/><text x=\"" +
         Num(kChartWidth - kLegendWidth + 24) + "\" y=\"" + Num(note_y + 4) +
         "\">Emerging issue</text>";
  return svg + "</svg>";
}

std::string FigureTable(const FigureGroup& group, const AnnualReport& report,
                        const std::string& current_label, const std::string& previous_label) {
  std::string html = "<table><caption>" + core::EscapeHtml(group.title) +
                     "</caption><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">" +
                     core::EscapeHtml(current_label) + "</th><th scope=\"col\">" +
                     core::EscapeHtml(previous_label) +
                     "</th><th scope=\"col\">Change</th></tr></thead><tbody>";
  for (const Figure& figure : group.figures) {
    std::string label = core::EscapeHtml(figure.label);
    if (figure.selection.coverage == Coverage::kExact) {
      label = "<a href=\"" +
              core::EscapeHtml(
                  ListPath(figure.selection.filter, report.period_from, report.period_to)) +
              "\">" + label + "</a>";
    }
    html += "<tr><th scope=\"row\" title=\"" + core::EscapeHtml(figure.selection.description) +
            "\">" + label + "</th><td>" +
            core::EscapeHtml(FormatValue(figure.current, figure.unit)) + "</td><td>" +
            core::EscapeHtml(FormatValue(figure.previous, figure.unit)) + "</td><td>" +
            core::EscapeHtml(FormatChange(figure)) + "</td></tr>";
  }
  return html + "</tbody></table>";
}

constexpr std::string_view kStyle =
    "body{font-family:Arial,Helvetica,sans-serif;color:#0b0c0c;max-width:60rem;margin:2rem auto;"
    "padding:0 1rem;line-height:1.4}h1{font-size:2rem}h2{border-top:2px solid #1d70b8;"
    "padding-top:.5rem;margin-top:2.5rem}table{border-collapse:collapse;width:100%;"
    "margin:1rem 0}caption{text-align:left;font-weight:bold;padding:.3rem 0}th,td{border-bottom:"
    "1px solid #b1b4b6;padding:.25rem .5rem;text-align:right}th[scope=row],th:first-child{"
    "text-align:left;font-weight:normal}thead th{font-weight:bold}svg{max-width:100%;height:auto;"
    "font-size:12px}svg .v{font-size:10px}.emerging{background:#f6d7d2;font-weight:bold}"
    ".note{background:#f3f2f1;padding:.75rem 1rem;border-left:5px solid #b1b4b6}"
    "li{margin-bottom:.5rem}@media print{h2{break-before:page}}";

// A two-column table of labelled counts.
std::string CountTable(const std::string& caption,
                       const std::vector<std::pair<std::string, std::int64_t>>& rows) {
  std::string html = "<table><caption>" + core::EscapeHtml(caption) + "</caption><tbody>";
  for (const auto& [label, count] : rows) {
    html += "<tr><th scope=\"row\">" + core::EscapeHtml(label) + "</th><td>" +
            FormatValue(static_cast<double>(count), Unit::kCount) + "</td></tr>";
  }
  return html + "</tbody></table>";
}

std::string ComplianceRows(const std::string& caption, const RemedyCompliance& counts) {
  return CountTable(caption, {{"Due in the year", counts.due},
                              {"Complied with on time", counts.complied_on_time},
                              {"Complied with late", counts.complied_late},
                              {"Overdue", counts.overdue},
                              {"Not due yet", counts.pending}});
}

std::string OmbudsmanHtml(const OmbudsmanSection& section) {
  std::string html =
      CountTable("Cases received", {{"Housing Ombudsman", section.housing_cases_received},
                                    {"LGSCO", section.lgsco_cases_received}});
  html +=
      "<table><caption>Outcomes of the decisions made in the year</caption><thead><tr>"
      "<th scope=\"col\">Ombudsman</th><th scope=\"col\">Outcome</th>"
      "<th scope=\"col\">Count</th></tr></thead><tbody>";
  for (const OutcomeCount& outcome : section.outcomes) {
    html += "<tr><td>" + core::EscapeHtml(std::string(core::DisplayName(outcome.ombudsman))) +
            "</td><td>" + core::EscapeHtml(OutcomeWording(outcome.ombudsman, outcome.outcome)) +
            "</td><td>" + FormatValue(static_cast<double>(outcome.count), Unit::kCount) +
            "</td></tr>";
  }
  html += "</tbody></table>";
  html += ComplianceRows("Orders", section.orders);
  html += ComplianceRows("Recommendations", section.recommendations);
  const FailureOrderCounts& orders = section.failure_orders;
  html +=
      CountTable("Complaint Handling Failure Orders", {{"Issued in the year", orders.issued},
                                                       {"Complied with", orders.complied},
                                                       {"Not complied with", orders.not_complied},
                                                       {"Pending", orders.pending}});
  if (!section.lgsco_letter.empty()) {
    html += "<table><caption>LGSCO annual letter beside the cases recorded (comparison group: " +
            core::EscapeHtml(section.comparison_group) +
            ")</caption><thead><tr><th scope=\"col\">Figure</th><th scope=\"col\">Letter</th>"
            "<th scope=\"col\">Recorded</th><th scope=\"col\">Difference</th></tr></thead>"
            "<tbody>";
    for (const core::ReconciliationLine& line : section.lgsco_letter) {
      const Unit unit = UnitOf(line);
      html += "<tr><th scope=\"row\">" + core::EscapeHtml(line.label) + "</th><td>" +
              FormatValue(line.letter, unit) + "</td><td>" + FormatValue(line.recorded, unit) +
              "</td><td>" + FormatValue(line.difference, unit) + "</td></tr>";
    }
    html += "</tbody></table>";
  }
  html += "<h3>Service improvements made from learning</h3><ul>";
  for (const core::LearningAction& action : section.improvements) {
    html += "<li>" + core::EscapeHtml(action.action) + " (" + core::EscapeHtml(action.reference) +
            ", completed " + (action.completed_on ? action.completed_on->ToIso() : "") + ")</li>";
  }
  html += "</ul>";
  if (std::string withheld = WithheldImprovementsSentence(section.improvements_withheld);
      !withheld.empty()) {
    html += "<p>" + core::EscapeHtml(withheld) + "</p>";
  }
  return html;
}

std::string SelfAssessmentHtml(const core::SelfAssessment& assessment) {
  const core::SelfAssessmentCounts counts = core::CountCompliance(assessment);
  std::string html = CountTable("Provisions assessed", {{"Provisions", counts.provisions},
                                                        {"Complies", counts.complies},
                                                        {"Partly complies", counts.partly},
                                                        {"Does not comply", counts.does_not_comply},
                                                        {"Not assessed", counts.not_assessed}});
  html +=
      "<table><caption>Where the organisation does not fully comply</caption><thead><tr>"
      "<th scope=\"col\">Provision</th><th scope=\"col\">Compliance</th>"
      "<th scope=\"col\">Action</th><th scope=\"col\">By</th></tr></thead><tbody>";
  for (const core::ProvisionAssessment& p : assessment.provisions) {
    if (p.compliance != core::CodeCompliance::kPartly &&
        p.compliance != core::CodeCompliance::kDoesNotComply) {
      continue;
    }
    html += "<tr><th scope=\"row\">" + core::EscapeHtml(p.provision) + "</th><td>" +
            core::EscapeHtml(std::string(Wording(*p.compliance))) + "</td><td>" +
            core::EscapeHtml(p.action) + "</td><td>" +
            (p.action_due_on ? p.action_due_on->ToIso() : "") + "</td></tr>";
  }
  html += "</tbody></table>";
  if (assessment.approval) {
    const core::GoverningBodyApproval& approval = *assessment.approval;
    html += "<p>Approved by " + core::EscapeHtml(approval.meeting) + " on " +
            approval.approved_on.ToIso() + " (minute " +
            core::EscapeHtml(approval.minute_reference) +
            ").</p><h3>The governing body's response</h3><p>" +
            core::EscapeHtml(approval.response) + "</p>";
  } else {
    html += "<p>Not yet approved by the governing body.</p>";
  }
  return html;
}

std::string SummaryHtml(const Summary& summary, const AnnualReport& report, const std::string& year,
                        const std::string& previous) {
  std::string html =
      "<h2 id=\"summary\">Summary</h2>" + FigureTable(summary.headline, report, year, previous);
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {
      {"The biggest changes", &summary.biggest_changes},
      {"Emerging issues", &summary.emerging_issues},
      {"Ombudsman findings", &summary.ombudsman},
      {"Learning completed", &summary.learning},
  };
  for (const auto& [title, sentences] : lists) {
    if (sentences->empty()) continue;
    html += "<h3>" + std::string(title) + "</h3><ul>";
    for (const std::string& sentence : *sentences)
      html += "<li>" + core::EscapeHtml(sentence) + "</li>";
    html += "</ul>";
  }
  return html;
}

}  // namespace

std::string RenderHtml(const AnnualReport& report) {
  const std::string year = FinancialYearLabel(report.year);
  const std::string previous = FinancialYearLabel(report.year - 1);
  const Charts charts = ChartsOf(report);
  std::string html = "<!DOCTYPE html>\n<html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>" +
                     core::EscapeHtml(std::string(kReportTitle)) + " " + year + "</title><style>" +
                     std::string(kStyle) + "</style></head><body>";
  html += "<h1>" + core::EscapeHtml(std::string(kReportTitle)) + " " + year + "</h1>";
  html += "<p><strong>" + core::EscapeHtml(report.organisation) + "</strong>. Financial year " +
          year + " (" + report.period_from.ToIso() + " to " + report.period_to.ToIso() +
          "), compared with " + previous + ". Figures as at " + report.as_at.ToIso() + ".</p>";

  html +=
      "<h2 id=\"contents\">Contents</h2><ol><li><a href=\"#summary\">Summary</a></li>"
      "<li><a href=\"#charts\">Charts</a></li><li><a href=\"#tsm\">Tenant Satisfaction "
      "Measures</a></li><li><a href=\"#trends\">Trends and emerging issues</a></li>";
  for (std::size_t i = 0; i < report.scopes.size(); ++i) {
    html += "<li><a href=\"#scope-" + std::to_string(i) + "\">" +
            core::EscapeHtml(report.scopes[i].name) + "</a></li>";
  }
  html +=
      "<li><a href=\"#ombudsman\">Ombudsman</a></li><li><a href=\"#self-assessment\">Code "
      "self-assessment</a></li><li><a href=\"#rules\">How the figures are counted</a></li>"
      "</ol>";

  html += SummaryHtml(SummaryOf(report), report, year, previous);

  html += "<h2 id=\"charts\">Charts</h2>";
  for (const BarChart& chart : charts.bars) {
    html += "<figure><figcaption>" + core::EscapeHtml(chart.title) + "</figcaption>" +
            BarChartSvg(chart, year, previous) + "</figure>";
  }
  html += "<figure><figcaption>" + core::EscapeHtml(charts.trend.title) + "</figcaption>" +
          LineChartSvg(charts.trend) + "</figure>";

  html += "<h2 id=\"tsm\">Tenant Satisfaction Measures</h2>" +
          FigureTable(report.tsm, report, year, previous);
  for (const std::string& note : report.tsm_notes) {
    html += "<p class=\"note\">" + core::EscapeHtml(note) + "</p>";
  }

  html +=
      "<h2 id=\"trends\">Trends and emerging issues</h2><p>Complaints received per month. "
      "Highlighted: a month at least 1.5 times the mean of the twelve months before it and at "
      "least 5 above it.</p>";
  for (TrendDimension dimension : {TrendDimension::kCategory, TrendDimension::kServiceArea}) {
    html += "<table><caption>By " +
            std::string(dimension == TrendDimension::kCategory ? "category" : "service area") +
            "</caption><thead><tr><th scope=\"col\">" + std::string(Wording(dimension)) + "</th>";
    for (const std::string& month : report.months) html += "<th scope=\"col\">" + month + "</th>";
    html += "</tr></thead><tbody>";
    for (const TrendSeries& series : report.trends) {
      if (series.dimension != dimension) continue;
      html += "<tr><th scope=\"row\">" + core::EscapeHtml(series.name) + "</th>";
      for (std::size_t i = 0; i < series.counts.size(); ++i) {
        html += std::string(series.emerging[i] ? "<td class=\"emerging\" title=\"mean of the "
                                                 "twelve months before: " +
                                                     Num(series.baseline[i]) + "\">"
                                               : "<td>") +
                FormatValue(static_cast<double>(series.counts[i]), Unit::kCount) + "</td>";
      }
      html += "</tr>";
    }
    html += "</tbody></table>";
  }

  for (std::size_t i = 0; i < report.scopes.size(); ++i) {
    const Scope& scope = report.scopes[i];
    html += "<h2 id=\"scope-" + std::to_string(i) + "\">" + core::EscapeHtml(scope.name) + "</h2>";
    for (const FigureGroup& group : scope.groups) {
      html += FigureTable(group, report, year, previous);
    }
  }
  html += "<h2 id=\"ombudsman\">Ombudsman</h2><p class=\"note\">" +
          core::EscapeHtml(report.ombudsman_note) + "</p>";
  if (report.ombudsman) html += OmbudsmanHtml(*report.ombudsman);
  html += "<h2 id=\"self-assessment\">Code self-assessment</h2><p class=\"note\">" +
          core::EscapeHtml(report.self_assessment_note) + "</p>";
  if (report.self_assessment) html += SelfAssessmentHtml(*report.self_assessment);
  html += "<h2 id=\"rules\">How the figures are counted</h2><dl>";
  for (const CountingRule& rule : report.rules) {
    html += "<dt><strong>" + core::EscapeHtml(rule.title) + "</strong></dt><dd>" +
            core::EscapeHtml(rule.text) + "</dd>";
  }
  return html + "</dl></body></html>\n";
}

}  // namespace redress::report::render
