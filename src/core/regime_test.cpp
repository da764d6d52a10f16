#include "core/regime.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string_view>
#include <vector>

namespace redress::core {
namespace {

TEST(RegimeNames, RoundTripEveryRegime) {
  struct Row {
    Regime regime;
    std::string_view name;
  };
  const Row rows[] = {{Regime::kHousing, "housing"},
                      {Regime::kCorporate, "corporate"},
                      {Regime::kChildren, "children"},
                      {Regime::kAdults, "adults"}};
  for (const Row& row : rows) {
    EXPECT_EQ(ToString(row.regime), row.name);
    EXPECT_EQ(ParseRegime(row.name), row.regime) << row.name;
  }
}

TEST(RegimeNames, RefusesUnknownNames) {
  for (std::string_view name : {"", "Housing", "adult", "corporate ", "children's"}) {
    EXPECT_EQ(ParseRegime(name), std::nullopt) << name;
  }
}

// The whole table, row by row, as the rules file states it. A change to any timescale must change
// this test too.
struct ExpectedStage {
  std::string_view name;
  int acknowledge_working_days;
  int respond_amount;
  PeriodUnit respond_unit;
  ClockStart respond_clock;
  std::optional<int> extension_limit;
  std::optional<int> escalation_window;
  StageOwner owner;
};

struct ExpectedRegime {
  Regime regime;
  Ombudsman ombudsman;
  std::vector<ExpectedStage> stages;
};

std::vector<ExpectedRegime> ExpectedTable() {
  constexpr auto kWd = PeriodUnit::kWorkingDays;
  constexpr auto kAck = ClockStart::kAcknowledgement;
  constexpr auto kStart = ClockStart::kStageStart;
  const std::vector<ExpectedStage> two_stage_code = {
      {"Stage 1", 5, 10, kWd, kAck, 10, std::nullopt, StageOwner::kServiceTeam},
      {"Stage 2", 5, 20, kWd, kAck, 20, std::nullopt, StageOwner::kIndependentTeam},
  };
  return {
      {Regime::kHousing, Ombudsman::kHousingOmbudsman, two_stage_code},
      {Regime::kCorporate, Ombudsman::kLgsco, two_stage_code},
      {Regime::kChildren,
       Ombudsman::kLgsco,
       {
           {"Local resolution", 3, 10, kWd, kStart, 10, std::nullopt, StageOwner::kServiceTeam},
           {"Investigation", 3, 25, kWd, kStart, 40, 20, StageOwner::kChildrenComplaints},
           {"Review panel", 3, 50, kWd, kStart, 0, 20, StageOwner::kChildrenComplaints},
       }},
      {Regime::kAdults,
       Ombudsman::kLgsco,
       {
           {"Single stage", 3, 6, PeriodUnit::kCalendarMonths, kStart, std::nullopt, std::nullopt,
            StageOwner::kServiceTeam},
       }},
  };
}

TEST(RegimeTable, MatchesTheRulesFile) {
  constexpr int kTwelveMonths = 12;
  for (const ExpectedRegime& expected : ExpectedTable()) {
    SCOPED_TRACE(ToString(expected.regime));
    const RegimeRules& rules = RulesFor(expected.regime);
    EXPECT_EQ(rules.regime, expected.regime);
    EXPECT_EQ(rules.ombudsman, expected.ombudsman);
    EXPECT_EQ(rules.complaint_time_limit_months, kTwelveMonths);
    ASSERT_EQ(rules.stage_count(), static_cast<int>(expected.stages.size()));
    for (int number = 1; number <= rules.stage_count(); ++number) {
      SCOPED_TRACE(number);
      const StageRule& stage = rules.stage(number);
      const ExpectedStage& want = expected.stages[number - 1];
      EXPECT_EQ(stage.number, number);
      EXPECT_EQ(stage.name, want.name);
      EXPECT_EQ(stage.acknowledge_working_days, want.acknowledge_working_days);
      EXPECT_EQ(stage.respond.amount, want.respond_amount);
      EXPECT_EQ(stage.respond.unit, want.respond_unit);
      EXPECT_EQ(stage.respond_clock, want.respond_clock);
      EXPECT_EQ(stage.extension_limit_working_days, want.extension_limit);
      EXPECT_EQ(stage.escalation_window_working_days, want.escalation_window);
      EXPECT_EQ(stage.owner, want.owner);
      EXPECT_FALSE(stage.source.empty());
    }
  }
}

TEST(RegimeTable, EveryRegimeHasRules) {
  for (Regime regime : kAllRegimes) {
    EXPECT_EQ(RulesFor(regime).regime, regime) << ToString(regime);
  }
}

TEST(RegimeTable, ChildrenInvestigationTakesAtMost65WorkingDays) {
  constexpr int kRegulation17Maximum = 65;
  const StageRule& investigation = RulesFor(Regime::kChildren).stage(2);
  EXPECT_EQ(investigation.respond.amount + *investigation.extension_limit_working_days,
            kRegulation17Maximum);
}

TEST(RegimeTable, SourcesNameTheirProvisions) {
  struct Row {
    Regime regime;
    int stage;
    std::string_view mentions;
  };
  const Row rows[] = {
      {Regime::kHousing, 1, "HO Complaint Handling Code 2024, 6.2-6.4"},
      {Regime::kHousing, 2, "6.11-6.13"},
      {Regime::kCorporate, 1, "LGSCO Complaint Handling Code, chapter 7"},
      {Regime::kCorporate, 2, "LGSCO Complaint Handling Code, chapter 7"},
      {Regime::kChildren, 1, "reg 14"},
      {Regime::kChildren, 1, "local practice"},
      {Regime::kChildren, 2, "regs 16-17"},
      {Regime::kChildren, 3, "reg"},
      {Regime::kAdults, 1, "SI 2009/309 regs 13-14"},
  };
  for (const Row& row : rows) {
    const std::string_view source = RulesFor(row.regime).stage(row.stage).source;
    EXPECT_NE(source.find(row.mentions), std::string_view::npos)
        << ToString(row.regime) << " stage " << row.stage << ": " << source;
  }
}

}  // namespace
}  // namespace redress::core

namespace redress::core {
namespace {

Date VersionDate(std::string_view iso) { return *Date::Parse(iso); }

// Which version judges a complaint, by the day it was received: the latest that applies from that
// day or earlier, the earliest for a day before every version.
TEST(CodeVersions, PickedByReceivedDate) {
  struct Row {
    Regime regime;
    std::string_view received;
    std::string_view version;
  };
  const Row rows[] = {
      {Regime::kHousing, "2019-05-01", "hoc-2022"},  // before every version: the earliest
      {Regime::kHousing, "2022-03-31", "hoc-2022"},
      {Regime::kHousing, "2022-04-01", "hoc-2022"},
      {Regime::kHousing, "2024-03-31", "hoc-2022"},
      {Regime::kHousing, "2024-04-01", "hoc-2024"},
      {Regime::kHousing, "2030-01-01", "hoc-2024"},
      {Regime::kCorporate, "2023-06-01", "lgsco-2024"},
      {Regime::kCorporate, "2026-04-01", "lgsco-2024"},
      {Regime::kChildren, "2024-04-01", "si-2006-1738"},
      {Regime::kAdults, "2024-04-01", "si-2009-309"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(CodeVersionFor(row.regime, VersionDate(row.received)).id, row.version)
        << ToString(row.regime) << " " << row.received;
  }
}

TEST(CodeVersions, StartDatesAsTheRulesState) {
  struct Row {
    std::string_view id;
    std::string_view applies_from;
  };
  const Row rows[] = {{"hoc-2022", "2022-04-01"},
                      {"hoc-2024", "2024-04-01"},
                      {"lgsco-2024", "2026-04-01"},
                      {"si-2006-1738", "2006-09-01"},
                      {"si-2009-309", "2009-04-01"}};
  for (const Row& row : rows) {
    bool found = false;
    for (Regime regime : kAllRegimes) {
      for (const CodeVersion& version : CodeVersionsOf(regime)) {
        if (version.id != row.id) continue;
        found = true;
        EXPECT_EQ(version.applies_from, VersionDate(row.applies_from)) << row.id;
      }
    }
    EXPECT_TRUE(found) << row.id;
  }
}

// The latest version is what RulesFor(regime) gives, and the rules for a date carry the stages of
// the version picked for that date.
TEST(CodeVersions, RulesForADateUseThatVersionsStages) {
  for (Regime regime : kAllRegimes) {
    EXPECT_EQ(CodeVersionsOf(regime).back().stages.data(), RulesFor(regime).stages.data());
    for (std::string_view day : {"2020-01-01", "2023-01-01", "2024-04-01", "2027-01-01"}) {
      const Date date = VersionDate(day);
      EXPECT_EQ(RulesFor(regime, date).stages.data(), CodeVersionFor(regime, date).stages.data());
      EXPECT_EQ(RulesFor(regime, date).regime, regime);
    }
  }
}

// The 2022 Housing Code's timescales are the 2024 Code's (docs/code-versions.md): the version
// changes which Code a case is judged on, not its dates.
TEST(CodeVersions, Housing2022TimescalesMatch2024) {
  const auto versions = CodeVersionsOf(Regime::kHousing);
  ASSERT_EQ(versions.size(), 2u);
  ASSERT_EQ(versions[0].stages.size(), versions[1].stages.size());
  for (std::size_t i = 0; i < versions[0].stages.size(); ++i) {
    const StageRule& old_rule = versions[0].stages[i];
    const StageRule& new_rule = versions[1].stages[i];
    EXPECT_EQ(old_rule.acknowledge_working_days, new_rule.acknowledge_working_days);
    EXPECT_EQ(old_rule.respond.amount, new_rule.respond.amount);
    EXPECT_EQ(old_rule.respond.unit, new_rule.respond.unit);
    EXPECT_EQ(old_rule.respond_clock, new_rule.respond_clock);
    EXPECT_EQ(old_rule.extension_limit_working_days, new_rule.extension_limit_working_days);
    EXPECT_NE(old_rule.source, new_rule.source);
  }
}

}  // namespace
}  // namespace redress::core
