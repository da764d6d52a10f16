#include "core/time_limit.hpp"

#include <cassert>

namespace redress::core {

TimeLimitEvidence EvaluateTimeLimit(Date matter_arose_on, Date received_on, int limit_months) {
  assert(matter_arose_on <= received_on && "the matter cannot arise after the complaint");
  const Date limit_ends_on = matter_arose_on.AddMonths(limit_months);
  return {.matter_arose_on = matter_arose_on,
          .received_on = received_on,
          .limit_months = limit_months,
          .limit_ends_on = limit_ends_on,
          .days_beyond_limit = limit_ends_on.DaysUntil(received_on)};
}

TimeLimitEvidence EvaluateTimeLimit(Regime regime, Date matter_arose_on, Date received_on) {
  return EvaluateTimeLimit(matter_arose_on, received_on,
                           RulesFor(regime, received_on).complaint_time_limit_months);
}

std::optional<TimeLimitEvidence> TimeLimitEvidenceFor(Regime regime,
                                                      std::optional<Date> matter_arose_on,
                                                      Date received_on) {
  if (!matter_arose_on || *matter_arose_on > received_on) return std::nullopt;
  return EvaluateTimeLimit(regime, *matter_arose_on, received_on);
}

}  // namespace redress::core
