#include "core/date.hpp"

#include <cstdio>

namespace redress::core {
namespace {

// Date's members year(), month() and day() hide std::chrono's year, month and day inside member
// functions, so those three are always spelt in full.
using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;
using std::chrono::year_month_day_last;

constexpr int kFinancialYearFirstMonth = 4;  // April

year_month_day ToYmd(std::int32_t d) { return year_month_day{sys_days{days{d}}}; }

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

int ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) value = value * 10 + (c - '0');
  return value;
}

}  // namespace

std::optional<Date> Date::FromYmd(int y, int m, int d) {
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  // std::chrono::year holds a short: an out-of-range int would wrap to another, valid year.
  if (y < static_cast<int>(std::chrono::year::min()) ||
      y > static_cast<int>(std::chrono::year::max())) {
    return std::nullopt;
  }
  year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                     std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return std::nullopt;
  return Date(static_cast<std::int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

std::optional<Date> Date::Parse(std::string_view iso) {
  constexpr std::size_t kIsoLength = 10;
  if (iso.size() != kIsoLength || iso[4] != '-' || iso[7] != '-') return std::nullopt;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!IsDigit(iso[i])) return std::nullopt;
  }
  return FromYmd(ParseDigits(iso.substr(0, 4)), ParseDigits(iso.substr(5, 2)),
                 ParseDigits(iso.substr(8, 2)));
}

std::string Date::ToIso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year(), month(), day());
  return buffer;
}

int Date::year() const { return static_cast<int>(ToYmd(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ToYmd(days_).day())); }

Weekday Date::weekday() const {
  // iso_encoding: Monday = 1 .. Sunday = 7.
  unsigned iso = std::chrono::weekday{sys_days{days{days_}}}.iso_encoding();
  return static_cast<Weekday>(iso - 1);
}

Date Date::AddMonths(int months) const {
  year_month_day ymd = ToYmd(days_);
  auto shifted = ymd.year() / ymd.month() + std::chrono::months{months};
  year_month_day_last last{shifted.year(), std::chrono::month_day_last{shifted.month()}};
  std::chrono::day d = ymd.day() <= last.day() ? ymd.day() : last.day();
  year_month_day result{shifted.year(), shifted.month(), d};
  return Date(static_cast<std::int32_t>(sys_days{result}.time_since_epoch().count()));
}

int Date::FinancialYear() const {
  return month() >= kFinancialYearFirstMonth ? year() : year() - 1;
}

Date FinancialYearStart(int y) { return *Date::FromYmd(y, kFinancialYearFirstMonth, 1); }
Date FinancialYearEnd(int y) { return FinancialYearStart(y + 1).AddDays(-1); }

}  // namespace redress::core
