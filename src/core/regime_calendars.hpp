#pragma once

// The working-day calendars complaints are timed on: each regime counts on the calendar its rules
// name (RegimeRules::working_days). Every clock, the case's deadlines, its working days left and
// the report's timeliness, asks CalendarFor; nothing chooses a calendar for a complaint elsewhere.

#include "core/calendar.hpp"
#include "core/regime.hpp"

namespace redress::core {

// The statutory regimes' calendar: England and Wales bank holidays (which include Christmas Day,
// Boxing Day and Good Friday or their substitutes) and weekends; no closure days. Built once.
const WorkingCalendar& StatutoryCalendar();

// The calendar the clocks of `regime` count on: `organisation` (its division's bank holidays and
// its closure days) for the Codes' regimes, StatutoryCalendar() for the statutory ones.
const WorkingCalendar& CalendarFor(Regime regime, const WorkingCalendar& organisation);

}  // namespace redress::core
