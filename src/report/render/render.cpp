#include "report/render/render.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "core/enum_names.hpp"
#include "report/render/render_internal.hpp"
#include "report/wording.hpp"

namespace redress::report::render {
namespace {

constexpr double kHundred = 100.0;

constexpr core::EnumNames<Format, 5> kFormatTable{{
    {Format::kJson, "json"},
    {Format::kHtml, "html"},
    {Format::kPdf, "pdf"},
    {Format::kCsv, "csv"},
    {Format::kXlsx, "xlsx"},
}};

std::string Fixed(double value, int decimals) {
  std::string text(32, '\0');
  const int written = std::snprintf(text.data(), text.size(), "%.*f", decimals, value);
  text.resize(static_cast<std::size_t>(written > 0 ? written : 0));
  return text;
}

// 1234567 → "1,234,567"; the integer part of a non-negative number.
std::string Grouped(std::int64_t value) {
  std::string digits = std::to_string(value);
  std::string grouped;
  const std::size_t size = digits.size();
  for (std::size_t i = 0; i < size; ++i) {
    if (i > 0 && (size - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

// Whole pounds: a published report states compensation to the pound ("£72,325"), and a figure
// with pence beside one without would read as two kinds of number.
std::string Money(double pounds) {
  const std::int64_t whole = std::llround(std::fabs(pounds));
  const std::string text = "£" + Grouped(whole);
  return pounds < 0 && whole != 0 ? "−" + text : text;
}

std::string Number(double value, Unit unit) {
  switch (unit) {
    case Unit::kCount: {
      const auto whole = std::llround(value);
      return (whole < 0 ? "−" : "") + Grouped(std::llabs(whole));
    }
    case Unit::kPercent:
      return Fixed(value, 1) + "%";
    case Unit::kWorkingDays:
      return Fixed(value, 1);
    case Unit::kPounds:
      return Money(value);
    case Unit::kPerThousandHomes:
      return Fixed(value, 1);
  }
  return Fixed(value, 1);
}

// The sign of a change as people write it, judged on the figure as shown: a change that rounds to
// nothing has none ("0.0 points", never "−0.0 points").
std::string SignOf(double change, const std::string& shown) {
  if (shown.find_first_not_of("0.,£% points") == std::string::npos) return "";
  return change > 0 ? "+" : (change < 0 ? "−" : "");
}

}  // namespace

std::string_view ToString(Format format) { return core::NameOf(kFormatTable, format); }

std::optional<Format> ParseFormat(std::string_view name) {
  return core::ParseName(kFormatTable, name);
}

std::string_view ContentType(Format format) {
  switch (format) {
    case Format::kJson:
      return "application/json";
    case Format::kHtml:
      return "text/html; charset=utf-8";
    case Format::kPdf:
      return "application/pdf";
    case Format::kCsv:
      return "text/csv; charset=utf-8";
    case Format::kXlsx:
      return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return "application/octet-stream";
}

std::string FileName(int year, Format format) {
  return FileName("annual-complaints-report", year, format);
}

std::string FileName(std::string_view stem, int year, Format format) {
  std::string label = FinancialYearLabel(year);
  for (char& c : label) {
    if (c == '/') c = '-';
  }
  return std::string(stem) + "-" + label + "." + std::string(ToString(format));
}

core::Result<std::string> Render(const AnnualReport& report, Format format) {
  switch (format) {
    case Format::kJson:
      return RenderJson(report);
    case Format::kHtml:
      return RenderHtml(report);
    case Format::kPdf:
      return RenderPdf(report);
    case Format::kCsv:
      return RenderCsv(report);
    case Format::kXlsx:
      return RenderXlsx(report);
  }
  return RenderJson(report);
}

std::string ListPath(const ListFilter& filter, core::Date from, core::Date to) {
  std::string path =
      "/api/v1/complaints?received_from=" + from.ToIso() + "&received_to=" + to.ToIso();
  if (filter.regime) path += "&regime=" + std::string(core::ToString(*filter.regime));
  if (!filter.service_area.empty()) path += "&service_area=" + filter.service_area;
  if (!filter.category.empty()) path += "&category=" + filter.category;
  return path;
}

std::string FormatValue(std::optional<double> value, Unit unit) {
  return value ? Number(*value, unit) : "–";
}

std::string FormatChange(const Figure& figure) {
  const std::optional<double> change = Change(figure);
  if (!change) return "–";
  const std::string magnitude = figure.unit == Unit::kPercent
                                    ? Fixed(std::fabs(*change), 1) + " points"
                                    : Number(std::fabs(*change), figure.unit);
  std::string text = SignOf(*change, magnitude) + magnitude;
  if (const std::optional<double> relative = ChangePercent(figure)) {
    const std::string shown = Fixed(std::fabs(*relative), 1) + "%";
    text += " (" + SignOf(*relative, shown) + shown + ")";
  }
  return text;
}

double Rounded(double value, Unit unit) {
  if (unit == Unit::kCount) return static_cast<double>(std::llround(value));
  return std::round(value * kHundred) / kHundred;
}

namespace {

std::string Count(std::int64_t value) { return Number(static_cast<double>(value), Unit::kCount); }

}  // namespace

Unit UnitOf(const core::ReconciliationLine& line) {
  return line.key.ends_with("_percent") ? Unit::kPercent : Unit::kCount;
}

std::vector<std::string> OmbudsmanLines(const AnnualReport& report) {
  std::vector<std::string> lines;
  if (!report.ombudsman) return lines;
  const OmbudsmanSection& section = *report.ombudsman;
  lines.push_back("Cases received: Housing Ombudsman " + Count(section.housing_cases_received) +
                  ", LGSCO " + Count(section.lgsco_cases_received) + ".");
  for (const OutcomeCount& outcome : section.outcomes) {
    lines.push_back(
        std::string(core::DisplayName(outcome.ombudsman)) +
        (outcome.ombudsman == core::Ombudsman::kHousingOmbudsman ? " finding, " : " decision, ") +
        OutcomeWording(outcome.ombudsman, outcome.outcome) + ": " + Count(outcome.count) + ".");
  }
  for (const auto& [label, counts] : {std::pair{"Orders", &section.orders},
                                      std::pair{"Recommendations", &section.recommendations}}) {
    lines.push_back(std::string(label) + " due in the year: " + Count(counts->due) +
                    "; complied with on time " + Count(counts->complied_on_time) + ", late " +
                    Count(counts->complied_late) + "; overdue " + Count(counts->overdue) +
                    "; not due yet " + Count(counts->pending) + ".");
  }
  const FailureOrderCounts& orders = section.failure_orders;
  lines.push_back("Complaint Handling Failure Orders issued: " + Count(orders.issued) +
                  "; complied with " + Count(orders.complied) + ", not complied with " +
                  Count(orders.not_complied) + ", pending " + Count(orders.pending) + ".");
  for (const core::ReconciliationLine& line : section.lgsco_letter) {
    const Unit unit = UnitOf(line);
    lines.push_back("LGSCO letter, " + line.label + ": letter " + FormatValue(line.letter, unit) +
                    ", recorded " + FormatValue(line.recorded, unit) + ", difference " +
                    FormatValue(line.difference, unit) + ".");
  }
  for (const core::LearningAction& action : section.improvements) {
    lines.push_back("Service improvement: " + action.action + " (" + action.reference + ").");
  }
  if (std::string withheld = WithheldImprovementsSentence(section.improvements_withheld);
      !withheld.empty()) {
    lines.push_back(std::move(withheld));
  }
  return lines;
}

std::string WithheldImprovementsSentence(std::int64_t withheld) {
  if (withheld == 0) return {};
  return (withheld == 1 ? "One further service improvement concerns"
                        : Count(withheld) + " further service improvements concern") +
         std::string(" children's statutory complaints, whose details are not published.");
}

std::vector<std::string> SelfAssessmentLines(const AnnualReport& report) {
  std::vector<std::string> lines;
  if (!report.self_assessment) return lines;
  const core::SelfAssessment& assessment = *report.self_assessment;
  const core::SelfAssessmentCounts counts = core::CountCompliance(assessment);
  lines.push_back(Count(counts.provisions) + " provisions: " + Count(counts.complies) +
                  " comply, " + Count(counts.partly) + " partly, " + Count(counts.does_not_comply) +
                  " do not comply, " + Count(counts.not_assessed) + " not assessed.");
  for (const core::ProvisionAssessment& p : assessment.provisions) {
    if (p.compliance != core::CodeCompliance::kPartly &&
        p.compliance != core::CodeCompliance::kDoesNotComply) {
      continue;
    }
    lines.push_back("Provision " + p.provision + " (" + std::string(Wording(*p.compliance)) +
                    "): " + p.action +
                    (p.action_due_on ? " by " + p.action_due_on->ToIso() : std::string()) + ".");
  }
  if (assessment.approval) {
    const core::GoverningBodyApproval& approval = *assessment.approval;
    lines.push_back("Approved by " + approval.meeting + " on " + approval.approved_on.ToIso() +
                    " (minute " + approval.minute_reference +
                    "). The governing body's response: " + approval.response);
  } else {
    lines.push_back("Not yet approved by the governing body.");
  }
  return lines;
}

}  // namespace redress::report::render
