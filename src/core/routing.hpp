#pragma once

// Who investigates a stage: the service area's own team, the independent complaints team for the
// designated service area, or the children's complaints manager's team.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/regime.hpp"

namespace redress::core {

// A period during which a service area is designated (Cabinet decision); `to` empty = open-ended.
struct Designation {
  std::string service_area;
  Date from;
  std::optional<Date> to;
};

struct RoutingConfig {
  std::vector<Designation> designations;
  std::string independent_team;  // team code of the independent complaints team
  std::string children_team;     // team code of the children's complaints manager's team
};

// The team for stage `stage` of a complaint about `service_area` under `regime`, starting `on`.
// service_team is the team that owns the service area.
std::string RouteStage(Regime regime, int stage, const std::string& service_area,
                       const std::string& service_team, Date on, const RoutingConfig& config);

// Whether `service_area` is designated on `on`.
bool IsDesignated(const std::string& service_area, Date on,
                  const std::vector<Designation>& designations);

}  // namespace redress::core
