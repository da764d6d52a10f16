#include "core/regime_calendars.hpp"

#include <cassert>

namespace redress::core {

const WorkingCalendar& StatutoryCalendar() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

const WorkingCalendar& CalendarFor(Regime regime, const RegimeCalendars& calendars) {
  switch (RulesFor(regime).working_days) {
    case WorkingDayBasis::kStatutory:
      assert(calendars.statutory != nullptr && "RegimeCalendars::statutory is never null");
      return *calendars.statutory;
    case WorkingDayBasis::kOrganisation:
      break;
  }
  assert(calendars.organisation != nullptr && "RegimeCalendars::organisation is never null");
  return *calendars.organisation;
}

}  // namespace redress::core
