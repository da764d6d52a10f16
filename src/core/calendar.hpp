#pragma once

// The working-day calendar: every statutory clock counts working days on it.
//
// A working day is Monday to Friday, not a bank holiday of the organisation's division and not
// one of the organisation's closure days. Bank holidays come from the official gov.uk list
// compiled into the binary (data/uk-bank-holidays.json, 2019-2027) and, for other years, from the
// rules that produce them (marked predicted).

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace redress::core {

enum class Division { kEnglandAndWales, kScotland, kNorthernIreland };

// "england-and-wales", "scotland", "northern-ireland" (the gov.uk names).
std::string_view ToString(Division division);
std::optional<Division> ParseDivision(std::string_view name);

// The calendar answers for these years; dates outside them are refused at the edges (CLI, API).
inline constexpr int kFirstCalendarYear = 2000;
inline constexpr int kLastCalendarYear = 2100;

// Whether a bank holiday is published by gov.uk or computed from the rules.
enum class HolidaySource { kOfficial, kPredicted };

struct BankHoliday {
  Date date;
  std::string title;
  HolidaySource source;
  friend bool operator==(const BankHoliday&, const BankHoliday&) = default;
};

// The bank holidays of `division` in calendar year `year`, in date order: the official list when
// the year is in the data file, else the rule-computed one. Precondition: year within
// [kFirstCalendarYear - 1, kLastCalendarYear + 1].
std::vector<BankHoliday> BankHolidays(Division division, int year);

// The same, always computed from the rules (used to check the rules against the official data).
std::vector<BankHoliday> RuleBankHolidays(Division division, int year);

// Easter Sunday of `year` (Gregorian computus).
Date EasterSunday(int year);

// True when `date`'s year is within the calendar's range.
bool InCalendarRange(Date date);

// An organisation's working-day calendar. Immutable after construction and safe to share between
// threads.
class WorkingCalendar {
 public:
  // closure_days: organisational closure days (e.g. the Christmas shutdown); duplicates and days
  // that are already non-working are harmless.
  explicit WorkingCalendar(Division division, std::span<const Date> closure_days = {});

  Division division() const { return division_; }
  bool IsWorkingDay(Date date) const;

  // The n-th working day strictly after `from`, whatever day `from` is; `from` itself when n == 0.
  // Example: Fri 20 Dec 2024 + 5 = Tue 31 Dec 2024 (England and Wales).
  // Precondition: n >= 0 and the result lies within the calendar range.
  Date AddWorkingDays(Date from, int n) const;

  // The number of working days d with from < d <= to; negative (-count of to < d <= from) when
  // to < from.
  int WorkingDaysBetween(Date from, Date to) const;

 private:
  Division division_;
  // One flag per day from the first day of kFirstCalendarYear - 1 to the last of
  // kLastCalendarYear + 1: true = non-working.
  std::vector<bool> non_working_;
  // Prefix count of working days, so WorkingDaysBetween is O(1).
  std::vector<int> working_before_;
};

}  // namespace redress::core
