#include "core/regime_calendars.hpp"

namespace redress::core {

const WorkingCalendar& StatutoryCalendar() {
  static const WorkingCalendar kCalendar(Division::kEnglandAndWales);
  return kCalendar;
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
