#include "core/routing.hpp"

#include <algorithm>
#include <cassert>

namespace redress::core {
namespace {

// A team code left empty in the configuration must not leave a stage without an owner: the
// service area's own team takes it, as it would for an undesignated area.
const std::string& OrServiceTeam(const std::string& team, const std::string& service_team) {
  return team.empty() ? service_team : team;
}

}  // namespace

bool IsDesignated(const std::string& service_area, Date on,
                  const std::vector<Designation>& designations) {
  return std::any_of(designations.begin(), designations.end(), [&](const Designation& d) {
    return d.service_area == service_area && d.from <= on && (!d.to.has_value() || on <= *d.to);
  });
}

std::string RouteStage(Regime regime, int stage, const std::string& service_area,
                       const std::string& service_team, Date on, const RoutingConfig& config) {
  const RegimeRules& rules = RulesFor(regime);
  assert(stage >= 1 && stage <= rules.stage_count() && "stage outside the regime's stages");
  switch (rules.stage(stage).owner) {
    case StageOwner::kServiceTeam:
      return service_team;
    case StageOwner::kChildrenComplaints:
      return OrServiceTeam(config.children_team, service_team);
    case StageOwner::kIndependentTeam:
      // Only the designated area's complaints go to the independent team (Cabinet decision, with
      // a history): the designation in force on the day the stage starts decides.
      if (IsDesignated(service_area, on, config.designations)) {
        return OrServiceTeam(config.independent_team, service_team);
      }
      return service_team;
  }
  assert(false && "stage owner missing from RouteStage");
  return service_team;
}

}  // namespace redress::core
