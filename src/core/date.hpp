#pragma once

// A civil date (no time, no zone): the unit of every complaint clock.

#include <chrono>
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace redress::core {

enum class Weekday { kMonday, kTuesday, kWednesday, kThursday, kFriday, kSaturday, kSunday };

class Date {
 public:
  // 1970-01-01; a Date always holds a valid proleptic Gregorian date.
  constexpr Date() = default;

  // The date, or nullopt when year/month/day do not form a real date.
  static std::optional<Date> FromYmd(int year, int month, int day);
  // Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date); nullopt for anything else, including
  // impossible dates such as 2023-02-29.
  static std::optional<Date> Parse(std::string_view iso);
  static constexpr Date FromDaysSinceEpoch(std::int32_t days) { return Date(days); }

  std::string ToIso() const;
  int year() const;
  int month() const;  // 1..12
  int day() const;    // 1..31
  Weekday weekday() const;
  constexpr std::int32_t days_since_epoch() const { return days_; }

  constexpr Date AddDays(int days) const { return Date(days_ + days); }
  // Same day-of-month `months` later, clamped to the month's last day:
  // 31 Aug + 6 months = 28 or 29 Feb.
  Date AddMonths(int months) const;
  // Whole calendar days from this to other (negative when other is earlier).
  constexpr int DaysUntil(Date other) const { return other.days_ - days_; }

  // The financial year (1 April to 31 March) the date falls in, named by its first year:
  // 2024-03-31 is in 2023 (2023/24), 2024-04-01 in 2024.
  int FinancialYear() const;

  friend constexpr auto operator<=>(Date, Date) = default;
  friend constexpr bool operator==(Date, Date) = default;

 private:
  constexpr explicit Date(std::int32_t days) : days_(days) {}
  std::int32_t days_ = 0;
};

// First and last day of financial year `year` (year/year+1).
Date FinancialYearStart(int year);
Date FinancialYearEnd(int year);

}  // namespace redress::core
