#pragma once

// The official gov.uk bank holidays, compiled into the binary from data/uk-bank-holidays.json by
// embed_holidays.cmake (the definitions are in the generated official_holidays.cpp). Read through
// BankHolidays() in calendar.hpp; this is the raw table underneath it.

#include <span>
#include <string_view>

#include "core/calendar.hpp"

namespace redress::core {

// One published bank holiday. The date is kept as numbers so the table is a compile-time constant.
struct OfficialHoliday {
  Division division;
  int year;
  int month;               // 1..12
  int day;                 // 1..31
  std::string_view title;  // as published, UTF-8 ("New Year’s Day")
  std::string_view notes;  // as published: "" or "Substitute day"
};

// The years the data covers for one division: the first and the last year with a published
// holiday. Years in between are taken as complete (gov.uk publishes whole years).
struct OfficialCoverage {
  Division division;
  int first_year;
  int last_year;
};

// Every published holiday, grouped by division in enum order, each division in the file's order.
std::span<const OfficialHoliday> OfficialHolidays();

// One entry per division present in the data, in enum order. A division without an entry has no
// official years: all its bank holidays are predicted.
std::span<const OfficialCoverage> OfficialCoverages();

}  // namespace redress::core
