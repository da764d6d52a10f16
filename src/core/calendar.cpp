#include "core/calendar.hpp"

#include <algorithm>
#include <cassert>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iterator>

#include "core/official_holidays.hpp"

namespace redress::core {
namespace {

// The precomputed table runs one year beyond the calendar range on each side, so that clocks
// started near its edges, and the holidays of the neighbouring years, are still answered.
constexpr int kFirstTableYear = kFirstCalendarYear - 1;
constexpr int kLastTableYear = kLastCalendarYear + 1;

constexpr std::int32_t DaysSinceEpoch(int year, unsigned month, unsigned day) {
  std::chrono::sys_days days{std::chrono::year{year} / std::chrono::month{month} /
                             std::chrono::day{day}};
  return static_cast<std::int32_t>(days.time_since_epoch().count());
}

constexpr unsigned kJanuary = 1;
constexpr unsigned kMarch = 3;
constexpr unsigned kMay = 5;
constexpr unsigned kJuly = 7;
constexpr unsigned kAugust = 8;
constexpr unsigned kNovember = 11;
constexpr unsigned kDecember = 12;
constexpr unsigned kLastDayOfDecember = 31;

constexpr Date kFirstTableDay =
    Date::FromDaysSinceEpoch(DaysSinceEpoch(kFirstTableYear, kJanuary, 1));
constexpr Date kLastTableDay =
    Date::FromDaysSinceEpoch(DaysSinceEpoch(kLastTableYear, kDecember, kLastDayOfDecember));
constexpr std::size_t kTableDays =
    static_cast<std::size_t>(kFirstTableDay.DaysUntil(kLastTableDay)) + 1;

// The fixed days of the rules (month, day).
constexpr unsigned kNewYearsDay = 1;
constexpr unsigned kStPatricksDay = 17;     // March
constexpr unsigned kBattleOfTheBoyne = 12;  // July
constexpr unsigned kStAndrewsDay = 30;      // November
constexpr unsigned kChristmasDay = 25;      // December

constexpr int kDaysInWeek = 7;
constexpr int kGoodFridayFromEaster = -2;
constexpr int kEasterMondayFromEaster = 1;

// gov.uk's titles, so that predicted years read like published ones.
constexpr std::string_view kNewYearsDayTitle = "New Year\u2019s Day";
constexpr std::string_view kSecondJanuaryTitle = "2nd January";
constexpr std::string_view kStPatricksDayTitle = "St Patrick\u2019s Day";
constexpr std::string_view kGoodFridayTitle = "Good Friday";
constexpr std::string_view kEasterMondayTitle = "Easter Monday";
constexpr std::string_view kEarlyMayTitle = "Early May bank holiday";
constexpr std::string_view kSpringTitle = "Spring bank holiday";
constexpr std::string_view kBattleOfTheBoyneTitle = "Battle of the Boyne (Orangemen\u2019s Day)";
constexpr std::string_view kSummerTitle = "Summer bank holiday";
constexpr std::string_view kStAndrewsDayTitle = "St Andrew\u2019s Day";
constexpr std::string_view kChristmasDayTitle = "Christmas Day";
constexpr std::string_view kBoxingDayTitle = "Boxing Day";

Date Ymd(int year, unsigned month, unsigned day) {
  return Date::FromDaysSinceEpoch(DaysSinceEpoch(year, month, day));
}

bool IsWeekend(Date date) {
  return date.weekday() == Weekday::kSaturday || date.weekday() == Weekday::kSunday;
}

// Days from `date` forward to the next `target` weekday (0 when `date` is one).
int DaysUntilWeekday(Date date, Weekday target) {
  int diff = static_cast<int>(target) - static_cast<int>(date.weekday());
  return (diff + kDaysInWeek) % kDaysInWeek;
}

Date FirstMonday(int year, unsigned month) {
  Date first = Ymd(year, month, 1);
  return first.AddDays(DaysUntilWeekday(first, Weekday::kMonday));
}

Date LastMonday(int year, unsigned month) {
  Date last = Ymd(year, month, 1).AddMonths(1).AddDays(-1);
  // The Monday on or before the month's last day.
  int days_since_monday = static_cast<int>(last.weekday()) - static_cast<int>(Weekday::kMonday);
  return last.AddDays(-days_since_monday);
}

// A single fixed-date holiday at a weekend is replaced by the following Monday.
Date NextMondayIfWeekend(Date date) {
  return IsWeekend(date) ? date.AddDays(DaysUntilWeekday(date, Weekday::kMonday)) : date;
}

// A pair of consecutive holidays (Christmas and Boxing Day; in Scotland 1 and 2 January) that
// meets a weekend moves to the first weekdays not already taken. Which of the two keeps which
// weekday only matters for the titles, and gov.uk names them differently for the two pairs when
// the first day is a Sunday:
//   kFixedDayKeeps: the day that is already a weekday keeps its title (2022: Boxing Day Mon 26,
//     Christmas Day substitute Tue 27);
//   kPairShifts: the pair keeps its order (Scotland 2023: New Year's Day substitute Mon 2,
//     2nd January substitute Tue 3).
enum class PairTitles { kFixedDayKeeps, kPairShifts };

struct PlacedPair {
  Date first;
  Date second;
};

PlacedPair PlacePair(Date first, PairTitles titles) {
  Date second = first.AddDays(1);
  switch (first.weekday()) {
    case Weekday::kFriday:  // Saturday's holiday moves to Monday.
      return {first, second.AddDays(DaysUntilWeekday(second, Weekday::kMonday))};
    case Weekday::kSaturday: {  // Both move: Monday and Tuesday.
      Date monday = first.AddDays(DaysUntilWeekday(first, Weekday::kMonday));
      return {monday, monday.AddDays(1)};
    }
    case Weekday::kSunday:  // Monday is already a holiday; Tuesday is the substitute.
      return titles == PairTitles::kFixedDayKeeps ? PlacedPair{second.AddDays(1), second}
                                                  : PlacedPair{second, second.AddDays(1)};
    default:
      return {first, second};
  }
}

// The anonymous Gregorian algorithm (Meeus/Jones/Butcher); the numbers are the algorithm's own:
// 19 the Metonic cycle, 30 and 451 the epact and its correction, 114 and 31 the month encoding.
Date ComputeEasterSunday(int year) {
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd(year, static_cast<unsigned>(month), static_cast<unsigned>(day));
}

std::optional<OfficialCoverage> CoverageOf(Division division) {
  for (const OfficialCoverage& coverage : OfficialCoverages()) {
    if (coverage.division == division) return coverage;
  }
  return std::nullopt;
}

// Whether gov.uk has published `division`'s holidays for `year` (then the rules are not used).
bool IsOfficialYear(Division division, int year) {
  std::optional<OfficialCoverage> coverage = CoverageOf(division);
  return coverage.has_value() && year >= coverage->first_year && year <= coverage->last_year;
}

std::vector<BankHoliday> OfficialBankHolidays(Division division, int year) {
  std::vector<BankHoliday> holidays;
  for (const OfficialHoliday& official : OfficialHolidays()) {
    if (official.division != division || official.year != year) continue;
    std::optional<Date> date = Date::FromYmd(official.year, official.month, official.day);
    assert(date.has_value() && "impossible date in the official bank holiday data");
    if (!date) continue;
    holidays.push_back({*date, std::string(official.title), HolidaySource::kOfficial});
  }
  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return holidays;
}

bool InTable(Date date) { return date >= kFirstTableDay && date <= kLastTableDay; }

// Position of `date` in the precomputed table. Out-of-range dates are a caller's bug (asserted);
// in a release build they are clamped to the table's edge rather than read out of bounds.
std::size_t TableIndex(Date date) {
  assert(InTable(date) && "date outside the working-day calendar");
  return static_cast<std::size_t>(
      kFirstTableDay.DaysUntil(std::clamp(date, kFirstTableDay, kLastTableDay)));
}

}  // namespace

std::string_view ToString(Division division) {
  switch (division) {
    case Division::kEnglandAndWales:
      return "england-and-wales";
    case Division::kScotland:
      return "scotland";
    case Division::kNorthernIreland:
      return "northern-ireland";
  }
  assert(false && "unknown Division");
  return "";
}

std::optional<Division> ParseDivision(std::string_view name) {
  for (Division division :
       {Division::kEnglandAndWales, Division::kScotland, Division::kNorthernIreland}) {
    if (name == ToString(division)) return division;
  }
  return std::nullopt;
}

Date EasterSunday(int year) { return ComputeEasterSunday(year); }

bool InCalendarRange(Date date) {
  int year = date.year();
  return year >= kFirstCalendarYear && year <= kLastCalendarYear;
}

std::vector<BankHoliday> RuleBankHolidays(Division division, int year) {
  std::vector<BankHoliday> holidays;
  auto add = [&holidays](Date date, std::string_view title) {
    holidays.push_back({date, std::string(title), HolidaySource::kPredicted});
  };

  if (division == Division::kScotland) {
    PlacedPair new_year = PlacePair(Ymd(year, kJanuary, kNewYearsDay), PairTitles::kPairShifts);
    add(new_year.first, kNewYearsDayTitle);
    add(new_year.second, kSecondJanuaryTitle);
  } else {
    add(NextMondayIfWeekend(Ymd(year, kJanuary, kNewYearsDay)), kNewYearsDayTitle);
  }
  if (division == Division::kNorthernIreland) {
    add(NextMondayIfWeekend(Ymd(year, kMarch, kStPatricksDay)), kStPatricksDayTitle);
  }

  Date easter = EasterSunday(year);
  add(easter.AddDays(kGoodFridayFromEaster), kGoodFridayTitle);
  if (division != Division::kScotland) {
    add(easter.AddDays(kEasterMondayFromEaster), kEasterMondayTitle);
  }

  add(FirstMonday(year, kMay), kEarlyMayTitle);
  add(LastMonday(year, kMay), kSpringTitle);
  if (division == Division::kNorthernIreland) {
    add(NextMondayIfWeekend(Ymd(year, kJuly, kBattleOfTheBoyne)), kBattleOfTheBoyneTitle);
  }
  // Scotland's summer holiday opens August; the others' closes it.
  add(division == Division::kScotland ? FirstMonday(year, kAugust) : LastMonday(year, kAugust),
      kSummerTitle);
  if (division == Division::kScotland) {
    add(NextMondayIfWeekend(Ymd(year, kNovember, kStAndrewsDay)), kStAndrewsDayTitle);
  }

  PlacedPair christmas = PlacePair(Ymd(year, kDecember, kChristmasDay), PairTitles::kFixedDayKeeps);
  add(christmas.first, kChristmasDayTitle);
  add(christmas.second, kBoxingDayTitle);

  std::stable_sort(holidays.begin(), holidays.end(),
                   [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; });
  return holidays;
}

std::vector<BankHoliday> BankHolidays(Division division, int year) {
  assert(year >= kFirstTableYear && year <= kLastTableYear);
  if (IsOfficialYear(division, year)) return OfficialBankHolidays(division, year);
  return RuleBankHolidays(division, year);
}

WorkingCalendar::WorkingCalendar(Division division, std::span<const Date> closure_days)
    : division_(division), non_working_(kTableDays, false), working_before_(kTableDays + 1, 0) {
  for (std::size_t i = 0; i < kTableDays; ++i) {
    if (IsWeekend(kFirstTableDay.AddDays(static_cast<int>(i)))) non_working_[i] = true;
  }
  for (int year = kFirstTableYear; year <= kLastTableYear; ++year) {
    for (const BankHoliday& holiday : BankHolidays(division, year)) {
      if (InTable(holiday.date)) non_working_[TableIndex(holiday.date)] = true;
    }
  }
  for (Date closure : closure_days) {
    if (InTable(closure)) non_working_[TableIndex(closure)] = true;
  }
  for (std::size_t i = 0; i < kTableDays; ++i) {
    working_before_[i + 1] = working_before_[i] + (non_working_[i] ? 0 : 1);
  }
}

bool WorkingCalendar::IsWorkingDay(Date date) const { return !non_working_[TableIndex(date)]; }

Date WorkingCalendar::AddWorkingDays(Date from, int n) const {
  assert(n >= 0 && "AddWorkingDays counts forward only");
  if (n <= 0) return from;
  // working_before_[i + 1] counts the working days up to and including day i, so the answer is the
  // first day whose count reaches the count at `from` plus n.
  std::size_t from_index = TableIndex(from);
  int target = working_before_[from_index + 1] + n;
  auto found =
      std::lower_bound(working_before_.begin() + static_cast<std::ptrdiff_t>(from_index) + 1,
                       working_before_.end(), target);
  assert(found != working_before_.end() && "AddWorkingDays runs past the calendar range");
  if (found == working_before_.end()) return kLastTableDay;  // release build: see TableIndex
  auto day_index = std::distance(working_before_.begin(), found) - 1;
  return kFirstTableDay.AddDays(static_cast<int>(day_index));
}

int WorkingCalendar::WorkingDaysBetween(Date from, Date to) const {
  return working_before_[TableIndex(to) + 1] - working_before_[TableIndex(from) + 1];
}

}  // namespace redress::core
