#include "core/date.hpp"

#include <gtest/gtest.h>

#include <climits>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::D;

TEST(DateTest, ParseAcceptsRealIsoDates) {
  struct Case {
    std::string_view iso;
    int year;
    int month;
    int day;
  };
  const std::vector<Case> cases = {
      {"2024-02-29", 2024, 2, 29},  {"2000-02-29", 2000, 2, 29},  {"1970-01-01", 1970, 1, 1},
      {"1999-12-31", 1999, 12, 31}, {"2100-12-31", 2100, 12, 31}, {"2024-04-30", 2024, 4, 30},
      {"0001-01-01", 1, 1, 1},      {"9999-12-31", 9999, 12, 31},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.iso);
    std::optional<Date> date = Date::Parse(c.iso);
    ASSERT_TRUE(date.has_value());
    EXPECT_EQ(date->year(), c.year);
    EXPECT_EQ(date->month(), c.month);
    EXPECT_EQ(date->day(), c.day);
    EXPECT_EQ(date->ToIso(), c.iso);
  }
}

TEST(DateTest, ParseRejectsAnythingElse) {
  const std::vector<std::string_view> cases = {
      "2023-02-29",  // not a leap year
      "1900-02-29",  // century, not a leap year
      "2024-02-30",     "2024-04-31",  "2024-13-01", "2024-00-10",
      "2024-01-00",     "2024-01-32",  "2024-1-01",  "2024-01-1",
      "24-01-01",       "abcd-ef-gh",  "",           "2024-02-30 ",
      " 2024-01-01",    "2024-01-01 ", "2024/01/01", "2024-01-01T00:00",
      "20240101",       "+024-01-01",  "2024-+1-01", "2024--1-01",
      "２０２４-01-01",
  };
  for (std::string_view iso : cases) {
    EXPECT_FALSE(Date::Parse(iso).has_value()) << '"' << iso << '"';
  }
}

TEST(DateTest, FromYmdRejectsImpossibleDates) {
  struct Case {
    int year;
    int month;
    int day;
  };
  // 70000 would wrap to a valid year inside std::chrono::year if it were not refused first.
  const std::vector<Case> cases = {
      {2024, 0, 1},  {2024, 13, 1}, {2024, 2, 30}, {2023, 2, 29},   {2024, 1, 32},   {2024, 1, 0},
      {2024, -1, 1}, {2024, 1, -1}, {70000, 1, 1}, {INT_MAX, 1, 1}, {INT_MIN, 1, 1},
  };
  for (const Case& c : cases) {
    EXPECT_FALSE(Date::FromYmd(c.year, c.month, c.day).has_value())
        << c.year << '-' << c.month << '-' << c.day;
  }
}

TEST(DateTest, ToIsoRoundTripsEveryDayOfTheCalendarRange) {
  const Date first = D("1999-01-01");
  const Date last = D("2101-12-31");
  for (Date date = first; date <= last; date = date.AddDays(1)) {
    std::optional<Date> parsed = Date::Parse(date.ToIso());
    ASSERT_TRUE(parsed.has_value()) << date.ToIso();
    ASSERT_EQ(*parsed, date);
    ASSERT_EQ(Date::FromYmd(date.year(), date.month(), date.day()), date);
  }
}

TEST(DateTest, EpochAndDefault) {
  EXPECT_EQ(Date{}.ToIso(), "1970-01-01");
  EXPECT_EQ(Date{}.days_since_epoch(), 0);
  EXPECT_EQ(D("2024-12-20").days_since_epoch(), 20077);
  EXPECT_EQ(Date::FromDaysSinceEpoch(20077), D("2024-12-20"));
  EXPECT_EQ(Date::FromDaysSinceEpoch(-1).ToIso(), "1969-12-31");
}

TEST(DateTest, Weekday) {
  struct Case {
    std::string_view iso;
    Weekday weekday;
  };
  const std::vector<Case> cases = {
      {"1970-01-01", Weekday::kThursday},  {"2024-12-20", Weekday::kFriday},
      {"2024-12-21", Weekday::kSaturday},  {"2024-12-22", Weekday::kSunday},
      {"2024-12-23", Weekday::kMonday},    {"2024-04-02", Weekday::kTuesday},
      {"2025-01-01", Weekday::kWednesday}, {"2000-02-29", Weekday::kTuesday},
      {"2100-03-01", Weekday::kMonday},    {"1999-01-01", Weekday::kFriday},
      {"2101-12-31", Weekday::kSaturday},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(D(c.iso).weekday(), c.weekday) << c.iso;
  }
}

TEST(DateTest, AddDaysAndDaysUntil) {
  struct Case {
    std::string_view from;
    int days;
    std::string_view to;
  };
  const std::vector<Case> cases = {
      {"2024-02-28", 1, "2024-02-29"},   {"2023-02-28", 1, "2023-03-01"},
      {"2024-12-31", 1, "2025-01-01"},   {"2025-01-01", -1, "2024-12-31"},
      {"2024-01-01", 366, "2025-01-01"}, {"2024-06-15", 0, "2024-06-15"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.from);
    EXPECT_EQ(D(c.from).AddDays(c.days), D(c.to));
    EXPECT_EQ(D(c.from).DaysUntil(D(c.to)), c.days);
    EXPECT_EQ(D(c.to).DaysUntil(D(c.from)), -c.days);
  }
}

TEST(DateTest, AddMonthsClampsToTheMonthsLastDay) {
  struct Case {
    std::string_view from;
    int months;
    std::string_view to;
  };
  const std::vector<Case> cases = {
      {"2024-08-31", 6, "2025-02-28"},  {"2023-08-31", 6, "2024-02-29"},
      {"2024-01-31", 1, "2024-02-29"},  {"2024-03-31", 1, "2024-04-30"},
      {"2024-03-31", -1, "2024-02-29"}, {"2025-01-31", -2, "2024-11-30"},
      {"2024-05-15", 12, "2025-05-15"}, {"2024-12-15", 1, "2025-01-15"},
      {"2024-01-15", -1, "2023-12-15"}, {"2024-02-29", 12, "2025-02-28"},
      {"2024-02-29", 48, "2028-02-29"}, {"2024-06-30", 0, "2024-06-30"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(D(c.from).AddMonths(c.months), D(c.to)) << c.from << " + " << c.months;
  }
}

TEST(DateTest, FinancialYearRunsFromAprilToMarch) {
  struct Case {
    std::string_view iso;
    int financial_year;
  };
  const std::vector<Case> cases = {
      {"2024-03-31", 2023}, {"2024-04-01", 2024}, {"2024-01-01", 2023},
      {"2024-12-31", 2024}, {"2025-03-31", 2024}, {"2000-04-01", 2000},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(D(c.iso).FinancialYear(), c.financial_year) << c.iso;
  }
}

TEST(DateTest, FinancialYearStartAndEnd) {
  struct Case {
    int year;
    std::string_view start;
    std::string_view end;
  };
  const std::vector<Case> cases = {
      {2023, "2023-04-01", "2024-03-31"},
      {2024, "2024-04-01", "2025-03-31"},
      {1999, "1999-04-01", "2000-03-31"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.year);
    EXPECT_EQ(FinancialYearStart(c.year), D(c.start));
    EXPECT_EQ(FinancialYearEnd(c.year), D(c.end));
    EXPECT_EQ(FinancialYearStart(c.year).FinancialYear(), c.year);
    EXPECT_EQ(FinancialYearEnd(c.year).FinancialYear(), c.year);
  }
}

TEST(DateTest, Ordering) {
  EXPECT_LT(D("2024-12-31"), D("2025-01-01"));
  EXPECT_GT(D("2024-03-01"), D("2024-02-29"));
  EXPECT_EQ(D("2024-02-29"), D("2024-02-29"));
  EXPECT_NE(D("2024-02-29"), D("2024-03-01"));
}

}  // namespace
}  // namespace redress::core
