#include "report/render/summary.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "report/render/render_internal.hpp"
#include "report/wording.hpp"

namespace redress::report::render {
namespace {

std::string CountOf(std::int64_t count, std::string_view one, std::string_view many) {
  return FormatValue(static_cast<double>(count), Unit::kCount) + " " +
         std::string(count == 1 ? one : many);
}

std::string LowerFirst(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z' &&
      (text.size() < 2 || !(text[1] >= 'A' && text[1] <= 'Z'))) {
    text[0] = static_cast<char>(text[0] - 'A' + 'a');
  }
  return text;
}

struct Candidate {
  double size = 0;
  std::string sentence;
};

std::vector<std::string> BiggestChanges(const AnnualReport& report) {
  std::vector<Candidate> candidates;
  if (report.scopes.empty()) return {};
  std::set<std::string> seen;  // a label said once, even when two groups share it
  for (const FigureGroup& group : report.scopes.front().groups) {
    for (const Figure& figure : group.figures) {
      const std::optional<double> change = Change(figure);
      if (!change || *change == 0 || !figure.current || !figure.previous) continue;
      double size = 0;
      std::string by;
      if (figure.unit == Unit::kPercent) {
        size = std::fabs(*change);
        by = FormatChange(figure);
      } else if (figure.unit == Unit::kCount || figure.unit == Unit::kPounds) {
        if (std::min(*figure.current, *figure.previous) < kSmallestBase) continue;
        const std::optional<double> relative = ChangePercent(figure);
        if (!relative) continue;
        size = std::fabs(*relative);
        by = FormatChange(figure);
      } else {
        continue;
      }
      const std::string label = figure.label + " (" + LowerFirst(group.title) + ")";
      if (!seen.insert(label).second) continue;
      candidates.push_back({size, label + (*change > 0 ? " rose from " : " fell from ") +
                                      FormatValue(figure.previous, figure.unit) + " to " +
                                      FormatValue(figure.current, figure.unit) + ": " + by + "."});
    }
  }
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.size > b.size; });
  std::vector<std::string> sentences;
  for (std::size_t i = 0; i < candidates.size() && i < kBiggestChanges; ++i) {
    sentences.push_back(candidates[i].sentence);
  }
  if (sentences.empty()) {
    sentences.push_back("No figure large enough to compare changed from the year before.");
  }
  return sentences;
}

std::vector<std::string> EmergingIssues(const AnnualReport& report) {
  std::vector<std::string> sentences;
  std::size_t flagged = 0;
  for (const TrendSeries& series : report.trends) {
    std::vector<std::string> months;
    for (std::size_t i = 0; i < series.counts.size() && i < report.months.size(); ++i) {
      if (!series.emerging[i]) continue;
      months.push_back(
          MonthName(report.months[i]) + " (" +
          CountOf(series.counts[i], "complaint", "complaints") + " against a monthly mean of " +
          FormatValue(series.baseline[i], Unit::kWorkingDays) + " over the year before)");
    }
    if (months.empty()) continue;
    ++flagged;
    if (sentences.size() >= kMostListed) continue;
    std::string sentence = std::string(Wording(series.dimension)) + " " + series.name + ": ";
    for (std::size_t i = 0; i < months.size(); ++i) {
      sentence += (i == 0 ? "" : i + 1 == months.size() ? " and " : ", ") + months[i];
    }
    sentences.push_back(sentence + ".");
  }
  if (flagged > sentences.size()) {
    sentences.push_back(
        CountOf(static_cast<std::int64_t>(flagged - sentences.size()), "more", "more") +
        " in the trends section.");
  }
  if (sentences.empty()) {
    sentences.push_back(
        "No emerging issue: no month had at least 1.5 times the complaints of the mean of the "
        "twelve months before it.");
  }
  return sentences;
}

std::vector<std::string> OmbudsmanFindings(const AnnualReport& report) {
  if (!report.ombudsman) return {report.ombudsman_note};
  const OmbudsmanSection& section = *report.ombudsman;
  std::vector<std::string> sentences;
  sentences.push_back(
      "The Ombudsmen received " +
      CountOf(section.housing_cases_received + section.lgsco_cases_received, "case", "cases") +
      " about the organisation (Housing Ombudsman " +
      FormatValue(static_cast<double>(section.housing_cases_received), Unit::kCount) + ", LGSCO " +
      FormatValue(static_cast<double>(section.lgsco_cases_received), Unit::kCount) + ").");
  for (core::Ombudsman ombudsman : {core::Ombudsman::kHousingOmbudsman, core::Ombudsman::kLgsco}) {
    std::string list;
    std::int64_t total = 0;
    for (const OutcomeCount& outcome : section.outcomes) {
      if (outcome.ombudsman != ombudsman) continue;
      list += (list.empty() ? "" : ", ") +
              LowerFirst(OutcomeWording(outcome.ombudsman, outcome.outcome)) + " " +
              FormatValue(static_cast<double>(outcome.count), Unit::kCount);
      total += outcome.count;
    }
    if (total == 0) continue;
    const bool housing = ombudsman == core::Ombudsman::kHousingOmbudsman;
    sentences.push_back(std::string(core::DisplayName(ombudsman)) +
                        (housing ? ": " + CountOf(total, "finding", "findings")
                                 : ": " + CountOf(total, "decision", "decisions")) +
                        " in the year (" + list + ").");
  }
  const RemedyCompliance& orders = section.orders;
  if (orders.due > 0) {
    sentences.push_back(CountOf(orders.due, "order", "orders") + " due in the year: " +
                        FormatValue(static_cast<double>(orders.complied_on_time), Unit::kCount) +
                        " complied with on time, " +
                        FormatValue(static_cast<double>(orders.complied_late), Unit::kCount) +
                        " late, " + FormatValue(static_cast<double>(orders.overdue), Unit::kCount) +
                        " overdue.");
  }
  if (section.failure_orders.issued > 0) {
    sentences.push_back(CountOf(section.failure_orders.issued, "Complaint Handling Failure Order",
                                "Complaint Handling Failure Orders") +
                        " issued in the year.");
  }
  return sentences;
}

std::vector<std::string> LearningCompleted(const AnnualReport& report) {
  std::vector<std::string> sentences;
  if (!report.ombudsman) return sentences;
  const OmbudsmanSection& section = *report.ombudsman;
  const auto completed =
      static_cast<std::int64_t>(section.improvements.size()) + section.improvements_withheld;
  sentences.push_back(CountOf(completed, "service improvement", "service improvements") +
                      " made from learning were completed in the year.");
  std::set<std::string> said;  // the same action taken for several complaints is said once
  for (const core::LearningAction& action : section.improvements) {
    if (said.size() >= kMostListed) break;
    if (said.insert(action.action).second) sentences.push_back(action.action);
  }
  return sentences;
}

}  // namespace

Summary SummaryOf(const AnnualReport& report) {
  Summary summary;
  summary.headline = KeyFigures(report);
  summary.biggest_changes = BiggestChanges(report);
  summary.emerging_issues = EmergingIssues(report);
  summary.ombudsman = OmbudsmanFindings(report);
  summary.learning = LearningCompleted(report);
  return summary;
}

}  // namespace redress::report::render
