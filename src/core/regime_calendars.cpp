#include "core/regime_calendars.hpp"

namespace redress::core {

const WorkingCalendar& StatutoryCalendar() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

const WorkingCalendar& CalendarFor(Regime regime, const WorkingCalendar& organisation) {
  switch (RulesFor(regime).working_days) {
    case WorkingDayBasis::kStatutory:
      return StatutoryCalendar();
    case WorkingDayBasis::kOrganisation:
      break;
  }
  return organisation;
}

}  // namespace redress::core
