#include "demo/demo_data.hpp"

#include <optional>
#include <string>

namespace redress::demo {

using core::Date;

// The Christmas shutdown: the working days between Boxing Day and New Year's Day.
std::vector<app::ClosureDay> ChristmasClosures(int last_year) {
  constexpr int kDecember = 12;
  constexpr int kFirstShutdownDay = 27;
  constexpr int kLastShutdownDay = 31;
  std::vector<app::ClosureDay> days;
  core::WorkingCalendar calendar(core::Division::kEnglandAndWales);
  for (int year = kDemoFirstFinancialYear; year <= last_year; ++year) {
    for (int day = kFirstShutdownDay; day <= kLastShutdownDay; ++day) {
      Date date = *Date::FromYmd(year, kDecember, day);
      if (calendar.IsWorkingDay(date)) days.push_back({date, "Christmas shutdown"});
    }
  }
  return days;
}

std::vector<core::Designation> Designations() {
  // Housing designated from April 2024 for 2024-26 and re-confirmed by Cabinet (17/09/2024).
  constexpr int kApril = 4;
  constexpr int kMarch = 3;
  constexpr int kLastDayOfMarch = 31;
  return {
      {std::string(kHousingArea), *Date::FromYmd(2024, kApril, 1),
       Date::FromYmd(2026, kMarch, kLastDayOfMarch)},
      {std::string(kHousingArea), *Date::FromYmd(2026, kApril, 1), std::nullopt},
  };
}

}  // namespace redress::demo
