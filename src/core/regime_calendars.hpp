#pragma once

// The working-day calendars complaints are timed on: each regime counts on the calendar its rules
// name (RegimeRules::working_days). Every clock, the case's deadlines, its working days left and
// the report's timeliness, asks CalendarFor; nothing chooses a calendar for a complaint elsewhere.

#include "core/calendar.hpp"
#include "core/regime.hpp"

namespace redress::core {

struct RegimeCalendars {
  // The organisation's: its division's bank holidays and its closure days. Never null.
  const WorkingCalendar* organisation = nullptr;
  // The regulations' working day (StatutoryCalendar()). Never null.
  const WorkingCalendar* statutory = nullptr;
};

// The statutory regimes' calendar: England and Wales bank holidays (which include Christmas Day,
// Boxing Day and Good Friday or their substitutes) and weekends; no closure days. Built once.
const WorkingCalendar& StatutoryCalendar();

// The calendar the clocks of `regime` count on.
const WorkingCalendar& CalendarFor(Regime regime, const RegimeCalendars& calendars);

}  // namespace redress::core
