#include "report/render/summary.hpp"

#include <gtest/gtest.h>

namespace redress::report::render {
namespace {

Figure Make(std::string label, Unit unit, double current, double previous) {
  Figure figure;
  figure.key = label;
  figure.label = std::move(label);
  figure.unit = unit;
  figure.current = current;
  figure.previous = previous;
  return figure;
}

AnnualReport ReportWith(std::vector<Figure> figures) {
  AnnualReport report;
  report.organisation = "Council";
  report.year = 2023;
  Scope organisation;
  organisation.groups.push_back({"volumes", "Volumes", std::move(figures)});
  report.scopes.push_back(std::move(organisation));
  return report;
}

TEST(Summary, TheBiggestChangesAreRankedByRelativeChangeOrPointsAndSaidInWords) {
  const Summary summary = SummaryOf(ReportWith({
      Make("Received", Unit::kCount, 110, 100),         // +10%
      Make("Escalated", Unit::kCount, 60, 30),          // +100%
      Make("Tiny", Unit::kCount, 4, 1),                 // +300%, but too small a base
      Make("On time", Unit::kPercent, 70, 85),          // −15 points
      Make("Compensation", Unit::kPounds, 1000, 2000),  // −50%
      Make("Mean days", Unit::kWorkingDays, 30, 10),    // not ranked: no relative meaning
      Make("Unchanged", Unit::kCount, 50, 50),          // no change
  }));
  ASSERT_EQ(summary.biggest_changes.size(), kBiggestChanges);
  EXPECT_EQ(summary.biggest_changes[0], "Escalated (volumes) rose from 30 to 60: +30 (+100.0%).");
  EXPECT_EQ(summary.biggest_changes[1],
            "Compensation (volumes) fell from £2,000 to £1,000: −£1,000 (−50.0%).");
  EXPECT_EQ(summary.biggest_changes[2],
            "On time (volumes) fell from 85.0% to 70.0%: −15.0 points.");
}

TEST(Summary, SaysWhenThereIsNoEmergingIssueAndWhenOmbudsmanRecordsWereNotRead) {
  AnnualReport report = ReportWith({});
  report.ombudsman_note = "Absent when the Ombudsman records were not read.";
  const Summary summary = SummaryOf(report);
  ASSERT_EQ(summary.emerging_issues.size(), 1u);
  EXPECT_TRUE(summary.emerging_issues[0].starts_with("No emerging issue"));
  EXPECT_EQ(
      summary.biggest_changes,
      std::vector<std::string>{"No figure large enough to compare changed from the year before."});
  EXPECT_EQ(summary.ombudsman, std::vector<std::string>{report.ombudsman_note});
  EXPECT_TRUE(summary.learning.empty());
}

}  // namespace
}  // namespace redress::report::render
