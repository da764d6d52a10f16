#include "core/regime_calendars.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace redress::core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

TEST(RegimeCalendarsTest, EachRegimeCountsOnTheCalendarItsRulesName) {
  const std::vector<Date> closure_days = {D("2025-12-29")};
  const WorkingCalendar office(Division::kNorthernIreland, closure_days);
  const struct {
    Regime regime;
    const WorkingCalendar* expected;
  } rows[] = {
      {Regime::kHousing, &office},
      {Regime::kCorporate, &office},
      {Regime::kChildren, &StatutoryCalendar()},
      {Regime::kAdults, &StatutoryCalendar()},
  };
  for (const auto& row : rows) {
    EXPECT_EQ(&CalendarFor(row.regime, office), row.expected) << ToString(row.regime);
  }
}

TEST(RegimeCalendarsTest, TheStatutoryWorkingDayIsTheRegulations) {
  const WorkingCalendar& statutory = StatutoryCalendar();
  EXPECT_EQ(statutory.division(), Division::kEnglandAndWales);
  const struct {
    const char* date;
    bool working;
  } rows[] = {
      {"2025-12-25", false},  // Christmas Day
      {"2025-12-26", false},  // Boxing Day
      {"2025-04-18", false},  // Good Friday
      {"2025-04-21", false},  // Easter Monday, an England and Wales bank holiday
      {"2025-08-25", false},  // Summer bank holiday (last Monday of August)
      {"2025-08-04", true},   // Scotland's summer holiday is not one
      {"2025-03-17", true},   // nor Northern Ireland's St Patrick's Day
      {"2026-01-02", true},   // nor Scotland's 2 January
      {"2025-12-29", true},   // closure days never apply
      {"2025-12-27", false},  // a Saturday
  };
  for (const auto& row : rows) {
    EXPECT_EQ(statutory.IsWorkingDay(D(row.date)), row.working) << row.date;
  }
}

}  // namespace
}  // namespace redress::core
