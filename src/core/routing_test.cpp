#include "core/routing.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;

constexpr char kIndependentTeam[] = "independent";
constexpr char kChildrenTeam[] = "children-complaints";
constexpr char kHousingTeam[] = "housing";
constexpr char kPlanningTeam[] = "planning";
constexpr char kRevenuesTeam[] = "revenues";
constexpr char kSocialCareTeam[] = "social-care";

// The seed council: Housing designated since April 2024 (Cabinet 17/09/2024, re-confirmed for
// 2024-26), and a past designation with an end date to exercise closed periods.
RoutingConfig SeedConfig() {
  return RoutingConfig{
      .designations = {{"housing", D(2024, 4, 1), std::nullopt},
                       {"revenues", D(2022, 4, 1), D(2024, 3, 31)}},
      .independent_team = kIndependentTeam,
      .children_team = kChildrenTeam,
  };
}

struct IsDesignatedCase {
  std::string name;
  std::string service_area;
  Date on;
  bool designated;
};

class IsDesignatedTest : public testing::TestWithParam<IsDesignatedCase> {};

TEST_P(IsDesignatedTest, FollowsTheDesignationPeriods) {
  const IsDesignatedCase& c = GetParam();
  EXPECT_EQ(IsDesignated(c.service_area, c.on, SeedConfig().designations), c.designated);
}

INSTANTIATE_TEST_SUITE_P(
    Periods, IsDesignatedTest,
    testing::Values(IsDesignatedCase{"OpenEndedBeforeStart", "housing", D(2024, 3, 31), false},
                    IsDesignatedCase{"OpenEndedOnStart", "housing", D(2024, 4, 1), true},
                    IsDesignatedCase{"OpenEndedLongAfter", "housing", D(2030, 1, 1), true},
                    IsDesignatedCase{"ClosedBeforeStart", "revenues", D(2022, 3, 31), false},
                    IsDesignatedCase{"ClosedOnStart", "revenues", D(2022, 4, 1), true},
                    IsDesignatedCase{"ClosedOnEnd", "revenues", D(2024, 3, 31), true},
                    IsDesignatedCase{"ClosedAfterEnd", "revenues", D(2024, 4, 1), false},
                    IsDesignatedCase{"NeverDesignated", "planning", D(2024, 5, 1), false},
                    IsDesignatedCase{"CodeMustMatchExactly", "Housing", D(2024, 5, 1), false}),
    CaseName());

TEST(IsDesignatedTest, NoDesignationsMeansNothingIsDesignated) {
  EXPECT_FALSE(IsDesignated("housing", D(2024, 5, 1), {}));
}

struct RouteCase {
  std::string name;
  Regime regime;
  int stage;
  std::string service_area;
  std::string service_team;
  Date on;
  std::string team;
};

class RouteStageTest : public testing::TestWithParam<RouteCase> {};

TEST_P(RouteStageTest, RoutesToTheOwningTeam) {
  const RouteCase& c = GetParam();
  EXPECT_EQ(RouteStage(c.regime, c.stage, c.service_area, c.service_team, c.on, SeedConfig()),
            c.team);
}

INSTANTIATE_TEST_SUITE_P(
    SeedCouncil, RouteStageTest,
    testing::Values(
        // Stage 1 is always the service's own.
        RouteCase{"HousingStage1Designated", Regime::kHousing, 1, "housing", kHousingTeam,
                  D(2024, 5, 1), kHousingTeam},
        RouteCase{"CorporateStage1", Regime::kCorporate, 1, "planning", kPlanningTeam,
                  D(2024, 5, 1), kPlanningTeam},
        RouteCase{"ChildrenStage1", Regime::kChildren, 1, "childrens-services", kSocialCareTeam,
                  D(2024, 5, 1), kSocialCareTeam},
        RouteCase{"AdultsStage1", Regime::kAdults, 1, "adult-social-care", kSocialCareTeam,
                  D(2024, 5, 1), kSocialCareTeam},
        // Stage 2 of the designated area goes to the independent team while designated.
        RouteCase{"HousingStage2WhileDesignated", Regime::kHousing, 2, "housing", kHousingTeam,
                  D(2024, 5, 1), kIndependentTeam},
        RouteCase{"HousingStage2OnFirstDesignatedDay", Regime::kHousing, 2, "housing", kHousingTeam,
                  D(2024, 4, 1), kIndependentTeam},
        RouteCase{"HousingStage2BeforeDesignation", Regime::kHousing, 2, "housing", kHousingTeam,
                  D(2024, 3, 1), kHousingTeam},
        RouteCase{"CorporateStage2DesignationEnded", Regime::kCorporate, 2, "revenues",
                  kRevenuesTeam, D(2024, 4, 1), kRevenuesTeam},
        RouteCase{"CorporateStage2OnLastDesignatedDay", Regime::kCorporate, 2, "revenues",
                  kRevenuesTeam, D(2024, 3, 31), kIndependentTeam},
        RouteCase{"CorporateStage2NotDesignated", Regime::kCorporate, 2, "planning", kPlanningTeam,
                  D(2024, 5, 1), kPlanningTeam},
        // Children's statutory stages 2 and 3 belong to the complaints manager's team.
        RouteCase{"ChildrenStage2", Regime::kChildren, 2, "childrens-services", kSocialCareTeam,
                  D(2024, 5, 1), kChildrenTeam},
        RouteCase{"ChildrenStage3", Regime::kChildren, 3, "childrens-services", kSocialCareTeam,
                  D(2024, 5, 1), kChildrenTeam}),
    CaseName());

TEST(RouteStageTest, EmptyIndependentTeamFallsBackToTheServiceTeam) {
  RoutingConfig config = SeedConfig();
  config.independent_team.clear();
  EXPECT_EQ(RouteStage(Regime::kHousing, 2, "housing", kHousingTeam, D(2024, 5, 1), config),
            kHousingTeam);
}

TEST(RouteStageTest, EmptyChildrenTeamFallsBackToTheServiceTeam) {
  RoutingConfig config = SeedConfig();
  config.children_team.clear();
  for (int stage : {2, 3}) {
    EXPECT_EQ(RouteStage(Regime::kChildren, stage, "childrens-services", kSocialCareTeam,
                         D(2024, 5, 1), config),
              kSocialCareTeam)
        << "stage " << stage;
  }
}

TEST(RouteStageTest, IndependentTeamIsNotUsedWithoutADesignation) {
  RoutingConfig config = SeedConfig();
  config.designations.clear();
  EXPECT_EQ(RouteStage(Regime::kHousing, 2, "housing", kHousingTeam, D(2024, 5, 1), config),
            kHousingTeam);
}

}  // namespace
}  // namespace redress::core
