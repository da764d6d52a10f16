// The annual report's other properties on small hand-built record sets: its periods, its words,
// a past year's figures that stay put, the TSMs, escalation rates, each procedure's clock,
// selections and emerging issues. Dates are on the England and Wales calendar.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report/annual_report.hpp"
#include "report/annual_report_test_support.hpp"

namespace redress::report {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace): the specs' vocabulary

TEST(AnnualReportTest, PeriodsAreFinancialYears) {
  const AnnualReport report = Compute(Context(2023), {});
  EXPECT_EQ(report.period_from, D("2023-04-01"));
  EXPECT_EQ(report.period_to, D("2024-03-31"));
  EXPECT_EQ(report.previous_from, D("2022-04-01"));
  EXPECT_EQ(report.previous_to, D("2023-03-31"));
  EXPECT_EQ(FinancialYearLabel(2023), "2023/24");
  EXPECT_EQ(FinancialYearLabel(2009), "2009/10");
  ASSERT_EQ(report.months.size(), 12U);
  EXPECT_EQ(report.months.front(), "2023-04");
  EXPECT_EQ(report.months.back(), "2024-03");
}

TEST(AnnualReportTest, AYearWithNoComplaintsHasOnlyTheOrganisationAndNoTrends) {
  const AnnualReport report = Compute(Context(2010), {});
  ASSERT_EQ(report.scopes.size(), 1U);
  EXPECT_EQ(report.scopes.front().kind, ScopeKind::kOrganisation);
  EXPECT_TRUE(report.trends.empty());
  EXPECT_FALSE(report.ombudsman_note.empty());
}

// The descriptions are read by a Cabinet: every figure says what it counts in words, never with
// the API's codes (snake_case names such as older_than_12_months).
TEST(AnnualReportTest, DescriptionsAreWordsNotCodes) {
  const AnnualReport report = Compute(Context(2024), {});
  int checked = 0;
  for (const Scope& scope : report.scopes) {
    for (const FigureGroup& group : scope.groups) {
      for (const Figure& figure : group.figures) {
        const std::string& text = figure.selection.description;
        EXPECT_FALSE(text.empty()) << figure.key;
        for (std::size_t at = text.find('_'); at != std::string::npos;
             at = text.find('_', at + 1)) {
          const bool inside_word =
              at > 0 && std::isalpha(static_cast<unsigned char>(text[at - 1])) &&
              at + 1 < text.size() && std::isalnum(static_cast<unsigned char>(text[at + 1]));
          EXPECT_FALSE(inside_word) << figure.key << ": " << text;
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 30);
}

TEST(AnnualReportTest, MedianOfAnEvenNumberOfResponsesIsTheMeanOfTheMiddleTwo) {
  // Acknowledged the day received; working days from receipt: 1, 2, 3 and 10.
  const AnnualReport report =
      Compute(Context(2023), {Housing({Answered("2023-06-05", "2023-06-05", "2023-06-06")}),
                              Housing({Answered("2023-06-05", "2023-06-05", "2023-06-07")}),
                              Housing({Answered("2023-06-05", "2023-06-05", "2023-06-08")}),
                              Housing({Answered("2023-06-05", "2023-06-05", "2023-06-19")})});
  const Figure* median = FindFigure(report, "all", "timeliness_stage_1", "median_working_days");
  ASSERT_NE(median, nullptr);
  EXPECT_DOUBLE_EQ(*median->current, 2.5);
  const Figure* mean = FindFigure(report, "all", "timeliness_stage_1", "mean_working_days");
  EXPECT_DOUBLE_EQ(*mean->current, 4.0);
}

TEST(AnnualReportTest, RemediesRootCausesAndLearning) {
  StageSpec stage = Answered("2023-06-05", "2023-06-05", "2023-06-06", Outcome::kUpheld);
  stage.remedies = {{core::RemedyType::kApology, 0},
                    {core::RemedyType::kFinancial, 12550},
                    {core::RemedyType::kFinancial, 5000}};
  stage.actions = {{true, D("2023-07-01"), D("2023-06-30")},
                   {false, D("2023-07-01"), std::nullopt},
                   {false, std::nullopt, std::nullopt}};
  stage.learning = true;
  StageSpec without_cause = Answered("2023-06-05", "2023-06-05", "2023-06-06");
  without_cause.root_causes.clear();
  const AnnualReport report = Compute(Context(2023), {Housing({stage}), Housing({without_cause})});
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "remedies", "financial")->current, 2);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "remedies", "compensation_total")->current, 175.5);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "remedies", "apology")->current, 1);
  // Per complaint received: one of the two has a root cause; an open one without is awaiting.
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "all", "root_causes", "complaints_root_cause_share")->current, 50);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "root_causes", "complaints_with_root_cause")->current,
                   1);
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "all", "root_causes", "complaints_awaiting_root_cause")->current, 0);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "root_causes", "delay")->current, 1);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "learning", "actions_recorded")->current, 3);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "learning", "actions_done")->current, 1);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "learning", "actions_open_overdue")->current, 1);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "learning", "responses_with_learning")->current, 1);
}

// ---- history that stays put -------------------------------------------------------------------

// Every figure of every scope and the TSMs, as "scope/group/key=current|previous" lines.
std::vector<std::string> AllFigures(const AnnualReport& report) {
  const auto value = [](std::optional<double> v) { return v ? std::to_string(*v) : "none"; };
  std::vector<std::string> lines;
  for (const Scope& scope : report.scopes) {
    for (const FigureGroup& group : scope.groups) {
      for (const Figure& figure : group.figures) {
        lines.push_back(scope.code + "/" + group.key + "/" + figure.key + "=" +
                        value(figure.current) + "|" + value(figure.previous) + " " +
                        figure.selection.description);
      }
    }
  }
  for (const Figure& figure : report.tsm.figures) {
    lines.push_back("tsm/" + figure.key + "=" + value(figure.current) + "|" +
                    value(figure.previous));
  }
  return lines;
}

struct AfterwardsCase {
  std::string_view name;
  ComplaintSpec before;  // the case as it stood when the 2023/24 report was first run
  ComplaintSpec after;   // the same case after what happened to it in 2024/25
};

// A 2023/24 complaint answered, refused or withdrawn in the year.
ComplaintSpec AnsweredWith(std::int64_t pence) {
  StageSpec stage = Answered("2023-06-05", "2023-06-05", "2023-06-12", Outcome::kUpheld);
  stage.remedies = {{core::RemedyType::kFinancial, pence}};
  stage.actions = {{false, D("2024-02-01"), std::nullopt}};
  return Housing({stage});
}

// The same, reopened on 2 May 2024 and answered again, not upheld, with `pence`, on 13 May; its
// action done on 3 May 2024.
ComplaintSpec ReAnsweredWith(std::int64_t pence) {
  ComplaintSpec complaint = AnsweredWith(0);
  StageSpec& stage = complaint.stages[0];
  stage.earlier = {{D("2023-06-12"),
                    Outcome::kUpheld,
                    {{core::RemedyType::kFinancial, 10000}},
                    {"delay"},
                    {{true, D("2024-02-01"), D("2024-05-03")}}}};
  stage.responded = D("2024-05-13");
  stage.outcome = Outcome::kNotUpheld;
  stage.remedies = {{core::RemedyType::kFinancial, pence}};
  stage.actions.clear();
  stage.reopened = D("2024-05-02");
  return complaint;
}

// Reopened in the next year: the year's report is the same, figure for figure, run before or
// after, on any later as-at date.
TEST(AnnualReportTest, APastYearsFiguresStayPutWhateverHappensToItsCasesAfterwards) {
  ComplaintSpec refused = Refused("2023-05-12", core::RefusalReason::kLegalProceedings);
  ComplaintSpec refused_reopened = RefusalUndone();
  refused_reopened.earlier_refusals = {{D("2023-05-12"), core::RefusalReason::kLegalProceedings}};
  refused_reopened.stages[0].reopenings = {D("2024-04-15")};
  refused_reopened.stages[0].acknowledged = D("2024-04-16");
  ComplaintSpec withdrawn = Withdrawn();
  ComplaintSpec withdrawn_reopened = WithdrawalUndone();
  withdrawn_reopened.stages[0].responded = D("2024-04-20");
  withdrawn_reopened.stages[0].outcome = Outcome::kUpheld;
  withdrawn_reopened.stages[0].root_causes = {"delay"};
  const AfterwardsCase cases[] = {
      {"re-answered with other compensation", AnsweredWith(10000), ReAnsweredWith(30000)},
      {"refusal undone", refused, refused_reopened},
      {"withdrawal undone and answered", withdrawn, withdrawn_reopened},
  };
  for (const AfterwardsCase& c : cases) {
    SCOPED_TRACE(c.name);
    const auto first = AllFigures(Compute(Context(2023, "2024-04-10"), {c.before}));
    for (std::string_view as_at : {"2024-04-10", "2024-06-30", "2026-11-22"}) {
      SCOPED_TRACE(as_at);
      EXPECT_EQ(AllFigures(Compute(Context(2023, as_at), {c.after})), first);
    }
  }
}

TEST(AnnualReportTest, Ch01IsPerThousandHomesOfEachYear) {
  ReportContext context = Context(2023);
  context.homes_owned = {{2023, 2000}};
  const AnnualReport report =
      Compute(context, {Housing({Answered("2023-06-05", "2023-06-05", "2023-06-06")}),
                        Housing({Answered("2023-07-05", "2023-07-05", "2023-07-06")}),
                        Housing({Answered("2022-07-05", "2022-07-05", "2022-07-06")})});
  const Figure* ch01 = FindFigure(report, "tsm", "", "ch01_stage_1");
  ASSERT_NE(ch01, nullptr);
  EXPECT_DOUBLE_EQ(*ch01->current, 1.0);
  EXPECT_FALSE(ch01->previous.has_value()) << "no homes configured for 2022/23";
  EXPECT_DOUBLE_EQ(*FindFigure(report, "tsm", "", "homes_owned")->current, 2000);
}

// TP09 is the survey result entered for each year, with its sample size, beside CH01 and CH02;
// none before the measures began in 2023/24, whatever was entered.
TEST(AnnualReportTest, Tp09IsTheEnteredSurveyResultOfEachTsmYear) {
  struct Row {
    int year;
    std::optional<double> current;
    std::optional<double> previous;
    std::optional<double> sample_current;
  };
  const Row rows[] = {
      {2024, 68.0, 72.5, 900},                           // both years entered
      {2023, 72.5, std::nullopt, 1250},                  // 2022/23 entered, but before the measures
      {2022, std::nullopt, std::nullopt, std::nullopt},  // neither year is a TSM year
      {2025, std::nullopt, 68.0, std::nullopt},          // this year not entered yet
  };
  for (const Row& row : rows) {
    ReportContext context = Context(row.year);
    context.tenant_satisfaction = {{2022, {801, 10}}, {2023, {725, 1250}}, {2024, {680, 900}}};
    const AnnualReport report = Compute(context, {});
    const Figure* tp09 = FindFigure(report, "tsm", "", "tp09");
    const Figure* sample = FindFigure(report, "tsm", "", "tp09_sample_size");
    ASSERT_NE(tp09, nullptr);
    ASSERT_NE(sample, nullptr);
    EXPECT_EQ(tp09->unit, Unit::kPercent);
    EXPECT_EQ(tp09->current, row.current) << row.year;
    EXPECT_EQ(tp09->previous, row.previous) << row.year;
    EXPECT_EQ(sample->current, row.sample_current) << row.year;
  }
}

// Each regime's stages are divided only by its own: the organisation's stage 2 to 3 rate is
// children's complaints alone, and adults' single-stage complaints are not in the 1 to 2 rate.
TEST(AnnualReportTest, EscalationRatesDivideEachRegimeByItsOwnStages) {
  const auto stage = [](int number, std::string_view started) {
    StageSpec spec = Answered(started, started, started);
    spec.number = number;
    return spec;
  };
  const auto complaint = [](Regime regime, std::vector<StageSpec> stages) {
    ComplaintSpec spec = Housing(std::move(stages));
    spec.regime = regime;
    return spec;
  };
  std::vector<ComplaintSpec> complaints = {
      complaint(Regime::kHousing, {stage(1, "2023-06-05"), stage(2, "2023-07-03")}),
      complaint(Regime::kHousing, {stage(1, "2023-06-06"), stage(2, "2023-07-04")}),
      complaint(Regime::kHousing, {stage(1, "2023-06-07")}),
      complaint(Regime::kHousing, {stage(1, "2023-06-08")}),
      complaint(Regime::kChildren,
                {stage(1, "2023-06-05"), stage(2, "2023-07-03"), stage(3, "2023-09-04")}),
      complaint(Regime::kChildren, {stage(1, "2023-06-06"), stage(2, "2023-07-05")}),
      complaint(Regime::kAdults, {stage(1, "2023-06-05")}),
      complaint(Regime::kAdults, {stage(1, "2023-06-06")}),
  };
  const AnnualReport report = Compute(Context(2023), complaints);
  // Stage 1 to 2: 4 escalated of the 6 housing and children's complaints, not of all 8.
  EXPECT_NEAR(*FindFigure(report, "all", "volumes", "escalation_rate_1_to_2")->current,
              100.0 * 4 / 6, 1e-9);
  // Stage 2 to 3: 1 of the 2 children's stage 2 complaints, not of all 4 stage 2 complaints.
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "volumes", "escalation_rate_2_to_3")->current, 50);
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "regime/children", "volumes", "escalation_rate_2_to_3")->current, 50);
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "regime/housing", "volumes", "escalation_rate_1_to_2")->current, 50);
}

// The statutory procedures' own clocks (core::WithDeadlines): a review panel's response is judged
// 15 working days after the panel's report, not 50 after the request; an adults' response by the
// period agreed, else six months.
struct ProcedureTimingCase {
  std::string_view name;
  Regime regime;
  int stage;
  std::string_view started;
  std::string_view responded;
  std::optional<std::string_view> panel_met;
  std::optional<std::string_view> panel_report;
  std::optional<std::string_view> period_agreed;
  std::optional<std::string_view> agreed_respond_by;
  std::string_view expected;  // "within_timescale" or "late"
};

// Review panel requested Mon 4 Sep 2023: +50 = Mon 13 Nov. Met Wed 20 Sep, report Mon 25 Sep:
// response due +15 = Mon 16 Oct. Adults received Mon 3 Apr 2023: six months = Tue 3 Oct.
const ProcedureTimingCase kProcedureTimingCases[] = {
    {"PanelNothingRecordedUsesTheFiftyDays",
     Regime::kChildren,
     3,
     "2023-09-04",
     "2023-11-13",
     {},
     {},
     {},
     {},
     "within_timescale"},
    {"EarlyPanelMakesAResponseWithinFiftyDaysLate",
     Regime::kChildren,
     3,
     "2023-09-04",
     "2023-10-17",
     "2023-09-20",
     "2023-09-25",
     {},
     {},
     "late"},
    {"ResponseOnTheReportsClock",
     Regime::kChildren,
     3,
     "2023-09-04",
     "2023-10-16",
     "2023-09-20",
     "2023-09-25",
     {},
     {},
     "within_timescale"},
    {"StepsAfterTheResponseDoNotCount",
     Regime::kChildren,
     3,
     "2023-09-04",
     "2023-10-17",
     "2023-10-18",
     "2023-10-20",
     {},
     {},
     "within_timescale"},
    {"AdultsDefaultSixMonths",
     Regime::kAdults,
     1,
     "2023-04-03",
     "2023-10-04",
     {},
     {},
     {},
     {},
     "late"},
    {"AdultsAgreedPeriod",
     Regime::kAdults,
     1,
     "2023-04-03",
     "2023-10-04",
     {},
     {},
     "2023-04-05",
     "2023-11-30",
     "within_timescale"},
    {"AdultsShorterAgreedPeriod",
     Regime::kAdults,
     1,
     "2023-04-03",
     "2023-09-01",
     {},
     {},
     "2023-04-05",
     "2023-08-31",
     "late"},
};

class ProcedureTimingTest : public testing::TestWithParam<ProcedureTimingCase> {};

TEST_P(ProcedureTimingTest, JudgesTheResponseOnTheProceduresClock) {
  const ProcedureTimingCase& t = GetParam();
  auto opt = [](std::optional<std::string_view> iso) {
    return iso ? std::optional<core::Date>(D(*iso)) : std::nullopt;
  };
  std::vector<StageSpec> stages;
  for (int number = 1; number < t.stage; ++number) {
    StageSpec earlier = Answered("2023-06-05", "2023-06-05", "2023-06-05");
    earlier.number = number;
    stages.push_back(earlier);
  }
  StageSpec stage = Answered(t.started, t.started, t.responded);
  stage.number = t.stage;
  stage.panel_met = opt(t.panel_met);
  stage.panel_report = opt(t.panel_report);
  stage.period_agreed = opt(t.period_agreed);
  stage.agreed_respond_by = opt(t.agreed_respond_by);
  stages.push_back(stage);
  ComplaintSpec complaint = Housing(std::move(stages));
  complaint.regime = t.regime;
  const AnnualReport report = Compute(Context(2023), {complaint});
  const std::string group = "timeliness_stage_" + std::to_string(t.stage);
  const std::string scope = t.regime == Regime::kChildren ? "regime/children" : "regime/adults";
  for (std::string_view key : {"within_timescale", "late"}) {
    const Figure* figure = FindFigure(report, scope, group, key);
    ASSERT_NE(figure, nullptr) << key;
    EXPECT_EQ(*figure->current, key == t.expected ? 1 : 0) << key;
  }
}

INSTANTIATE_TEST_SUITE_P(Rules, ProcedureTimingTest, testing::ValuesIn(kProcedureTimingCases),
                         CaseName());

// The measures began in 2023/24: none for 2022/23, even with the homes owned configured.
TEST(AnnualReportTest, NoTsmBeforeTheMeasuresBeganIn2023) {
  ReportContext context = Context(2023);
  context.homes_owned = {{2022, 2000}, {2023, 2000}};
  const AnnualReport report =
      Compute(context, {Housing({Answered("2023-06-05", "2023-06-05", "2023-06-06")}),
                        Housing({Answered("2022-07-05", "2022-07-05", "2022-07-06")})});
  for (const char* key : {"ch01_stage_1", "ch01_stage_2", "ch02_stage_1", "ch02_stage_2"}) {
    const Figure* figure = FindFigure(report, "tsm", "", key);
    ASSERT_NE(figure, nullptr) << key;
    EXPECT_FALSE(figure->previous.has_value()) << key << " for 2022/23";
  }
  EXPECT_TRUE(FindFigure(report, "tsm", "", "ch01_stage_1")->current.has_value());
  EXPECT_DOUBLE_EQ(*FindFigure(report, "tsm", "", "ch02_stage_1")->current, 100);
  bool noted = false;
  for (const std::string& note : report.tsm_notes) {
    noted = noted || note.find("began in 2023/24") != std::string::npos;
  }
  EXPECT_TRUE(noted);

  const AnnualReport earlier = Compute(Context(2022), {});
  EXPECT_FALSE(FindFigure(earlier, "tsm", "", "ch02_stage_1")->current.has_value());
}

TEST(AnnualReportTest, OnlyHousingComplaintsCountForTheTsms) {
  ComplaintSpec corporate = Housing({Answered("2023-06-05", "2023-06-05", "2023-06-06")});
  corporate.regime = Regime::kCorporate;
  corporate.area = "waste";
  ReportContext context = Context(2023);
  context.homes_owned = {{2023, 1000}};
  const AnnualReport report = Compute(context, {corporate});
  EXPECT_DOUBLE_EQ(*FindFigure(report, "tsm", "", "ch01_stage_1")->current, 0);
  EXPECT_FALSE(FindFigure(report, "tsm", "", "ch02_stage_1")->current.has_value());
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "service_area/waste", "volumes", "stage_1_received")->current, 1);
}

TEST(AnnualReportTest, AcknowledgementOverdueOnTheAsAtDateCountsAgainstTheShare) {
  ComplaintSpec waiting;
  waiting.status = CaseStatus::kAwaitingAcknowledgement;
  StageSpec stage;
  stage.started = D("2023-06-05");
  waiting.stages = {stage};
  const ComplaintSpec on_time = Housing({Answered("2023-06-05", "2023-06-06", "2023-06-07")});
  const AnnualReport report = Compute(Context(2023), {waiting, on_time});
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "all", "timeliness_stage_1", "acknowledged_within_timescale")->current,
      50);
}

TEST(AnnualReportTest, ServiceRequestsCountForTheOrganisationAndTheirServiceArea) {
  const AnnualReport report = Compute(Context(2023), {},
                                      {{D("2023-05-01"), "waste", true},
                                       {D("2023-05-02"), "waste", false},
                                       {D("2022-05-02"), "", false}});
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "volumes", "service_requests")->current, 2);
  EXPECT_DOUBLE_EQ(*FindFigure(report, "all", "volumes", "service_requests")->previous, 1);
  EXPECT_DOUBLE_EQ(
      *FindFigure(report, "service_area/waste", "volumes", "service_requests_converted")->current,
      1);
}

TEST(AnnualReportTest, SelectionsAreExactOnlyForComplaintsReceived) {
  const AnnualReport report =
      Compute(Context(2023), {Housing({Answered("2023-06-05", "2023-06-05", "2023-06-06")})});
  const Figure* received =
      FindFigure(report, "service_area/housing", "volumes", "stage_1_received");
  EXPECT_EQ(received->selection.coverage, Coverage::kExact);
  EXPECT_EQ(received->selection.filter.service_area, "housing");
  const Figure* category = FindFigure(report, "all", "categories", "repairs");
  ASSERT_NE(category, nullptr);
  EXPECT_EQ(category->selection.coverage, Coverage::kExact);
  EXPECT_EQ(category->selection.filter.category, "repairs");
  const Figure* regime = FindFigure(report, "regime/housing", "volumes", "stage_2_received");
  ASSERT_NE(regime, nullptr);
  EXPECT_EQ(regime->selection.coverage, Coverage::kDescribedOnly);
  EXPECT_FALSE(regime->selection.description.empty());
}

TEST(AnnualReportTest, AMonthWellAboveTheTwelveBeforeIsAnEmergingIssue) {
  std::vector<ComplaintSpec> complaints;
  auto received = [](std::string_view on, std::string_view category) {
    ComplaintSpec complaint = Housing({Answered(on, on, on)});
    complaint.category = std::string(category);
    return complaint;
  };
  // One noise complaint a month through 2022/23, then eight in June 2023 and six in July.
  for (std::string_view month :
       {"2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11",
        "2022-12", "2023-01", "2023-02", "2023-03"}) {
    complaints.push_back(received(std::string(month) + "-14", "noise"));
  }
  for (int i = 0; i < 8; ++i) complaints.push_back(received("2023-06-14", "noise"));
  for (int i = 0; i < 6; ++i) complaints.push_back(received("2023-07-14", "noise"));
  const AnnualReport report = Compute(Context(2023), complaints);
  const TrendSeries* noise = nullptr;
  for (const TrendSeries& series : report.trends) {
    if (series.dimension == TrendDimension::kCategory && series.code == "noise") noise = &series;
  }
  ASSERT_NE(noise, nullptr);
  constexpr std::size_t kJune = 2;
  constexpr std::size_t kJuly = 3;
  EXPECT_EQ(noise->counts[kJune], 8);
  EXPECT_NEAR(noise->baseline[kJune], 10.0 / 12, 1e-9);
  EXPECT_TRUE(noise->emerging[kJune]);
  // July: 6 against a mean of (9 + 8) / 12 = 1.42; 4.58 above it, under the minimum of 5.
  EXPECT_FALSE(noise->emerging[kJuly]);
  EXPECT_FALSE(noise->emerging[0]);
}

TEST(AnnualReportTest, ChangeIsInPointsForSharesAndRelativeForCounts) {
  Figure count{"k", "l", Unit::kCount, 284, 371, {}};
  EXPECT_DOUBLE_EQ(*Change(count), -87);
  EXPECT_NEAR(*ChangePercent(count), -23.45, 0.01);
  Figure share{"k", "l", Unit::kPercent, 13.7, 5.7, {}};
  EXPECT_NEAR(*Change(share), 8.0, 1e-9);
  EXPECT_FALSE(ChangePercent(share).has_value());
  Figure from_zero{"k", "l", Unit::kCount, 3, 0, {}};
  EXPECT_FALSE(ChangePercent(from_zero).has_value());
}

}  // namespace
}  // namespace redress::report
