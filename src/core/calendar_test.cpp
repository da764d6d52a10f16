#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/official_holidays.hpp"
#include "core/test_support.hpp"

namespace redress::core {
namespace {

using test_support::D;

constexpr Division kAllDivisions[] = {Division::kEnglandAndWales, Division::kScotland,
                                      Division::kNorthernIreland};
constexpr Division kEw = Division::kEnglandAndWales;
constexpr Division kScot = Division::kScotland;
constexpr Division kNi = Division::kNorthernIreland;

std::vector<std::string> Isos(const std::vector<BankHoliday>& holidays) {
  std::vector<std::string> isos;
  isos.reserve(holidays.size());
  for (const BankHoliday& holiday : holidays) isos.push_back(holiday.date.ToIso());
  return isos;
}

std::set<Date> Dates(const std::vector<BankHoliday>& holidays) {
  std::set<Date> dates;
  for (const BankHoliday& holiday : holidays) dates.insert(holiday.date);
  return dates;
}

std::set<Date> Difference(const std::set<Date>& a, const std::set<Date>& b) {
  std::set<Date> result;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(),
                      std::inserter(result, result.begin()));
  return result;
}

std::string Join(const std::set<Date>& dates) {
  std::string text;
  for (Date date : dates) text += date.ToIso() + " ";
  return text;
}

// One calendar per division, built once: construction precomputes two centuries.
const WorkingCalendar& CalendarOf(Division division) {
  static const WorkingCalendar calendars[] = {WorkingCalendar(kEw), WorkingCalendar(kScot),
                                              WorkingCalendar(kNi)};
  return calendars[static_cast<int>(division)];
}

TEST(DivisionTest, NamesRoundTrip) {
  struct Case {
    Division division;
    std::string_view name;
  };
  const std::vector<Case> cases = {
      {kEw, "england-and-wales"}, {kScot, "scotland"}, {kNi, "northern-ireland"}};
  for (const Case& c : cases) {
    EXPECT_EQ(ToString(c.division), c.name);
    EXPECT_EQ(ParseDivision(c.name), c.division);
  }
}

TEST(DivisionTest, ParseRejectsOtherNames) {
  const std::vector<std::string_view> cases = {"",          "England-and-wales", "england", "wales",
                                               "scotland ", "northern_ireland",  "uk"};
  for (std::string_view name : cases) {
    EXPECT_FALSE(ParseDivision(name).has_value()) << '"' << name << '"';
  }
}

TEST(CalendarTest, EasterSunday) {
  struct Case {
    int year;
    std::string_view easter;
  };
  const std::vector<Case> cases = {
      {1999, "1999-04-04"}, {2000, "2000-04-23"}, {2008, "2008-03-23"}, {2010, "2010-04-04"},
      {2011, "2011-04-24"}, {2018, "2018-04-01"}, {2019, "2019-04-21"}, {2024, "2024-03-31"},
      {2025, "2025-04-20"}, {2030, "2030-04-21"}, {2038, "2038-04-25"}, {2100, "2100-03-28"},
      {2101, "2101-04-17"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(EasterSunday(c.year), D(c.easter)) << c.year;
    EXPECT_EQ(EasterSunday(c.year).weekday(), Weekday::kSunday) << c.year;
  }
}

TEST(CalendarTest, InCalendarRange) {
  struct Case {
    std::string_view iso;
    bool in_range;
  };
  const std::vector<Case> cases = {
      {"1999-12-31", false}, {"2000-01-01", true},  {"2024-12-20", true},
      {"2100-12-31", true},  {"2101-01-01", false}, {"1970-01-01", false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(InCalendarRange(D(c.iso)), c.in_range) << c.iso;
  }
}

TEST(OfficialHolidaysTest, CoverageIsDerivedFromTheData) {
  ASSERT_EQ(OfficialCoverages().size(), std::size(kAllDivisions));
  for (const OfficialCoverage& coverage : OfficialCoverages()) {
    SCOPED_TRACE(ToString(coverage.division));
    EXPECT_EQ(coverage.first_year, 2019);
    EXPECT_EQ(coverage.last_year, 2027);
    int first = 9999;
    int last = 0;
    for (const OfficialHoliday& holiday : OfficialHolidays()) {
      if (holiday.division != coverage.division) continue;
      first = std::min(first, holiday.year);
      last = std::max(last, holiday.year);
    }
    EXPECT_EQ(first, coverage.first_year);
    EXPECT_EQ(last, coverage.last_year);
  }
}

TEST(OfficialHolidaysTest, TableMatchesTheDataFile) {
  EXPECT_EQ(OfficialHolidays().size(), 75u + 84u + 93u);
  const OfficialHoliday& first = OfficialHolidays().front();
  EXPECT_EQ(first.division, kEw);
  EXPECT_EQ(first.year, 2019);
  EXPECT_EQ(first.month, 1);
  EXPECT_EQ(first.day, 1);
  EXPECT_EQ(first.title, "New Year\u2019s Day");  // the non-ASCII apostrophe survives embedding
  EXPECT_EQ(first.notes, "");
  int substitutes = 0;
  for (const OfficialHoliday& holiday : OfficialHolidays()) {
    if (holiday.notes == "Substitute day") ++substitutes;
  }
  EXPECT_GT(substitutes, 0);
}

// For years the data covers, BankHolidays is the published list, unchanged.
TEST(BankHolidaysTest, OfficialYearsReturnThePublishedList) {
  for (Division division : kAllDivisions) {
    for (int year = 2019; year <= 2027; ++year) {
      SCOPED_TRACE(std::string(ToString(division)) + " " + std::to_string(year));
      std::vector<BankHoliday> expected;
      for (const OfficialHoliday& holiday : OfficialHolidays()) {
        if (holiday.division == division && holiday.year == year) {
          expected.push_back({*Date::FromYmd(holiday.year, holiday.month, holiday.day),
                              std::string(holiday.title), HolidaySource::kOfficial});
        }
      }
      std::vector<BankHoliday> actual = BankHolidays(division, year);
      EXPECT_GE(actual.size(), 8u);
      EXPECT_EQ(actual, expected);  // the data file lists each division in date order
      EXPECT_TRUE(std::is_sorted(
          actual.begin(), actual.end(),
          [](const BankHoliday& a, const BankHoliday& b) { return a.date < b.date; }));
    }
  }
}

// The rules reproduce every official year except the documented one-offs (all divisions alike).
TEST(BankHolidaysTest, RulesMatchOfficialDataExceptDocumentedOneOffs) {
  struct OneOffs {
    int year;
    std::vector<std::string_view> official_only;
    std::vector<std::string_view> rule_only;
  };
  const std::vector<OneOffs> one_offs = {
      // Early May moved from Monday 4 to Friday 8 for VE Day's 75th anniversary.
      {2020, {"2020-05-08"}, {"2020-05-04"}},
      // Spring moved from Monday 30 May to Thursday 2 June, Platinum Jubilee on Friday 3 June;
      // the State Funeral of Queen Elizabeth II on 19 September.
      {2022, {"2022-06-02", "2022-06-03", "2022-09-19"}, {"2022-05-30"}},
      // Coronation of King Charles III.
      {2023, {"2023-05-08"}, {}},
  };
  for (Division division : kAllDivisions) {
    for (int year = 2019; year <= 2027; ++year) {
      SCOPED_TRACE(std::string(ToString(division)) + " " + std::to_string(year));
      std::set<Date> official = Dates(BankHolidays(division, year));
      std::set<Date> rules = Dates(RuleBankHolidays(division, year));
      std::set<Date> expected_official_only;
      std::set<Date> expected_rule_only;
      for (const OneOffs& one_off : one_offs) {
        if (one_off.year != year) continue;
        for (std::string_view iso : one_off.official_only) expected_official_only.insert(D(iso));
        for (std::string_view iso : one_off.rule_only) expected_rule_only.insert(D(iso));
      }
      EXPECT_EQ(Join(Difference(official, rules)), Join(expected_official_only));
      EXPECT_EQ(Join(Difference(rules, official)), Join(expected_rule_only));
    }
  }
}

// Titles may differ in principle; in practice the rules use gov.uk's titles, including which day
// of a substituted pair carries which name.
TEST(BankHolidaysTest, RuleTitlesMatchOfficialTitlesOnSharedDates) {
  for (Division division : kAllDivisions) {
    for (int year = 2019; year <= 2027; ++year) {
      SCOPED_TRACE(std::string(ToString(division)) + " " + std::to_string(year));
      std::vector<BankHoliday> rules = RuleBankHolidays(division, year);
      for (const BankHoliday& official : BankHolidays(division, year)) {
        auto rule = std::find_if(rules.begin(), rules.end(), [&](const BankHoliday& candidate) {
          return candidate.date == official.date;
        });
        if (rule == rules.end()) continue;
        EXPECT_EQ(rule->title, official.title) << official.date.ToIso();
      }
    }
  }
}

TEST(BankHolidaysTest, PredictedYearsFollowTheRules) {
  struct Case {
    Division division;
    int year;
    std::vector<std::string> dates;
  };
  const std::vector<Case> cases = {
      // 1 Jan 2000 a Saturday; Easter 23 April.
      {kEw,
       2000,
       {"2000-01-03", "2000-04-21", "2000-04-24", "2000-05-01", "2000-05-29", "2000-08-28",
        "2000-12-25", "2000-12-26"}},
      // Scotland: 1 and 2 January at the weekend, so Monday 3 and Tuesday 4; August's first Monday.
      {kScot,
       2000,
       {"2000-01-03", "2000-01-04", "2000-04-21", "2000-05-01", "2000-05-29", "2000-08-07",
        "2000-11-30", "2000-12-25", "2000-12-26"}},
      // Christmas on Saturday: Monday 27 and Tuesday 28.
      {kEw,
       2010,
       {"2010-01-01", "2010-04-02", "2010-04-05", "2010-05-03", "2010-05-31", "2010-08-30",
        "2010-12-27", "2010-12-28"}},
      // Scotland: 2 January a Saturday → Monday 4; St Andrew's on Tuesday 30 November.
      {kScot,
       2010,
       {"2010-01-01", "2010-01-04", "2010-04-02", "2010-05-03", "2010-05-31", "2010-08-02",
        "2010-11-30", "2010-12-27", "2010-12-28"}},
      // Easter 1 April; Northern Ireland: St Patrick's on a Saturday → Monday 19 March.
      {kEw,
       2018,
       {"2018-01-01", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28", "2018-08-27",
        "2018-12-25", "2018-12-26"}},
      {kNi,
       2018,
       {"2018-01-01", "2018-03-19", "2018-03-30", "2018-04-02", "2018-05-07", "2018-05-28",
        "2018-07-12", "2018-08-27", "2018-12-25", "2018-12-26"}},
      {kEw,
       2028,
       {"2028-01-03", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29", "2028-08-28",
        "2028-12-25", "2028-12-26"}},
      {kScot,
       2028,
       {"2028-01-03", "2028-01-04", "2028-04-14", "2028-05-01", "2028-05-29", "2028-08-07",
        "2028-11-30", "2028-12-25", "2028-12-26"}},
      {kNi,
       2028,
       {"2028-01-03", "2028-03-17", "2028-04-14", "2028-04-17", "2028-05-01", "2028-05-29",
        "2028-07-12", "2028-08-28", "2028-12-25", "2028-12-26"}},
      // Scotland: St Andrew's on a Saturday → Monday 2 December.
      {kScot,
       2030,
       {"2030-01-01", "2030-01-02", "2030-04-19", "2030-05-06", "2030-05-27", "2030-08-05",
        "2030-12-02", "2030-12-25", "2030-12-26"}},
      {kEw,
       2030,
       {"2030-01-01", "2030-04-19", "2030-04-22", "2030-05-06", "2030-05-27", "2030-08-26",
        "2030-12-25", "2030-12-26"}},
      // 1 January a Sunday: Scotland keeps Monday 2 and adds Tuesday 3.
      {kScot,
       2034,
       {"2034-01-02", "2034-01-03", "2034-04-07", "2034-05-01", "2034-05-29", "2034-08-07",
        "2034-11-30", "2034-12-25", "2034-12-26"}},
      // Easter 28 March.
      {kEw,
       2100,
       {"2100-01-01", "2100-03-26", "2100-03-29", "2100-05-03", "2100-05-31", "2100-08-30",
        "2100-12-27", "2100-12-28"}},
      {kNi,
       2100,
       {"2100-01-01", "2100-03-17", "2100-03-26", "2100-03-29", "2100-05-03", "2100-05-31",
        "2100-07-12", "2100-08-30", "2100-12-27", "2100-12-28"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.division)) + " " + std::to_string(c.year));
    std::vector<BankHoliday> holidays = BankHolidays(c.division, c.year);
    EXPECT_EQ(Isos(holidays), c.dates);
    for (const BankHoliday& holiday : holidays) {
      EXPECT_EQ(holiday.source, HolidaySource::kPredicted) << holiday.date.ToIso();
    }
    EXPECT_EQ(holidays, RuleBankHolidays(c.division, c.year));
  }
}

TEST(BankHolidaysTest, PredictedTitles) {
  struct Case {
    Division division;
    std::string_view date;
    std::string_view title;
  };
  const std::vector<Case> cases = {
      {kEw, "2010-12-27", "Christmas Day"},
      {kEw, "2010-12-28", "Boxing Day"},
      {kEw, "2028-01-03", "New Year\u2019s Day"},
      {kEw, "2028-04-14", "Good Friday"},
      {kEw, "2028-04-17", "Easter Monday"},
      {kEw, "2028-05-01", "Early May bank holiday"},
      {kEw, "2028-05-29", "Spring bank holiday"},
      {kEw, "2028-08-28", "Summer bank holiday"},
      {kScot, "2028-01-04", "2nd January"},
      {kScot, "2028-11-30", "St Andrew\u2019s Day"},
      {kScot, "2034-01-02", "New Year\u2019s Day"},
      {kScot, "2034-01-03", "2nd January"},
      {kNi, "2028-03-17", "St Patrick\u2019s Day"},
      {kNi, "2028-07-12", "Battle of the Boyne (Orangemen\u2019s Day)"},
      // Christmas on a Sunday: Boxing Day keeps Monday, Christmas takes Tuesday (as gov.uk 2022).
      {kEw, "2033-12-26", "Boxing Day"},
      {kEw, "2033-12-27", "Christmas Day"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.division)) + " " + std::string(c.date));
    Date date = D(c.date);
    std::vector<BankHoliday> holidays = BankHolidays(c.division, date.year());
    auto found = std::find_if(holidays.begin(), holidays.end(),
                              [&](const BankHoliday& holiday) { return holiday.date == date; });
    ASSERT_NE(found, holidays.end());
    EXPECT_EQ(found->title, c.title);
  }
}

TEST(BankHolidaysTest, RuleHolidaysAreWeekdaysForEveryYear) {
  for (Division division : kAllDivisions) {
    for (int year = kFirstCalendarYear - 1; year <= kLastCalendarYear + 1; ++year) {
      std::vector<BankHoliday> holidays = RuleBankHolidays(division, year);
      std::set<Date> distinct = Dates(holidays);
      const std::size_t expected_count = division == kEw ? 8u : division == kScot ? 9u : 10u;
      ASSERT_EQ(holidays.size(), expected_count) << ToString(division) << " " << year;
      ASSERT_EQ(distinct.size(), holidays.size()) << ToString(division) << " " << year;
      for (const BankHoliday& holiday : holidays) {
        ASSERT_EQ(holiday.date.year(), year);
        ASSERT_NE(holiday.date.weekday(), Weekday::kSaturday) << holiday.date.ToIso();
        ASSERT_NE(holiday.date.weekday(), Weekday::kSunday) << holiday.date.ToIso();
        ASSERT_EQ(holiday.source, HolidaySource::kPredicted);
      }
    }
  }
}

TEST(WorkingCalendarTest, IsWorkingDay) {
  struct Case {
    std::string_view date;
    bool england_and_wales;
    bool scotland;
    bool northern_ireland;
  };
  const std::vector<Case> cases = {
      // Ordinary days and weekends.
      {"2024-12-20", true, true, true},
      {"2024-12-21", false, false, false},
      {"2024-12-22", false, false, false},
      {"2024-12-27", true, true, true},
      // Christmas, Boxing Day, New Year; 2 January only in Scotland.
      {"2024-12-25", false, false, false},
      {"2024-12-26", false, false, false},
      {"2025-01-01", false, false, false},
      {"2025-01-02", true, false, true},
      // Easter Monday: not in Scotland.
      {"2024-03-29", false, false, false},
      {"2024-04-01", false, true, false},
      // Summer: first Monday of August in Scotland, last elsewhere.
      {"2024-08-05", true, false, true},
      {"2024-08-26", false, true, false},
      // St Andrew's Day (Saturday 30 November 2024 → Monday 2 December).
      {"2024-12-02", true, false, true},
      {"2023-11-30", true, false, true},
      // St Patrick's Day (Sunday 17 March 2024 → Monday 18) and the Boyne.
      {"2024-03-18", true, true, false},
      {"2024-07-12", true, true, false},
      {"2025-07-14", true, true, false},
      {"2026-07-13", true, true, false},
      // Substitute days.
      {"2020-12-28", false, false, false},
      {"2021-12-27", false, false, false},
      {"2021-12-28", false, false, false},
      {"2022-01-03", false, false, false},
      {"2022-12-27", false, false, false},
      {"2023-01-02", false, false, false},
      {"2026-12-28", false, false, false},
      {"2027-12-27", false, false, false},
      {"2027-12-28", false, false, false},
      {"2021-01-04", true, false, true},
      {"2022-01-04", true, false, true},
      {"2023-01-03", true, false, true},
      {"2027-01-04", true, false, true},
      // One-offs, and the days the rules would have given instead.
      {"2020-05-08", false, false, false},
      {"2020-05-04", true, true, true},
      {"2022-06-02", false, false, false},
      {"2022-06-03", false, false, false},
      {"2022-05-30", true, true, true},
      {"2022-09-19", false, false, false},
      {"2023-05-08", false, false, false},
      // Predicted years.
      {"2000-01-03", false, false, false},
      {"2000-04-24", false, true, false},
      {"2010-12-28", false, false, false},
      {"2018-04-02", false, true, false},
      {"2028-01-04", true, false, true},
      {"2028-08-28", false, true, false},
      {"2030-04-22", false, true, false},
      {"2100-03-29", false, true, false},
      {"2100-12-28", false, false, false},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.date);
    EXPECT_EQ(CalendarOf(kEw).IsWorkingDay(D(c.date)), c.england_and_wales);
    EXPECT_EQ(CalendarOf(kScot).IsWorkingDay(D(c.date)), c.scotland);
    EXPECT_EQ(CalendarOf(kNi).IsWorkingDay(D(c.date)), c.northern_ireland);
  }
}

// The precomputed flags agree with the definition for every day of the table.
TEST(WorkingCalendarTest, IsWorkingDayMatchesTheDefinitionEverywhere) {
  for (Division division : kAllDivisions) {
    std::set<Date> holidays;
    for (int year = kFirstCalendarYear - 1; year <= kLastCalendarYear + 1; ++year) {
      for (const BankHoliday& holiday : BankHolidays(division, year)) holidays.insert(holiday.date);
    }
    const WorkingCalendar& calendar = CalendarOf(division);
    EXPECT_EQ(calendar.division(), division);
    for (Date date = D("1999-01-01"); date <= D("2101-12-31"); date = date.AddDays(1)) {
      bool weekend = date.weekday() == Weekday::kSaturday || date.weekday() == Weekday::kSunday;
      ASSERT_EQ(calendar.IsWorkingDay(date), !weekend && !holidays.contains(date))
          << ToString(division) << " " << date.ToIso();
    }
  }
}

TEST(WorkingCalendarTest, AddWorkingDays) {
  struct Case {
    Division division;
    std::string_view from;
    int n;
    std::string_view expected;
  };
  const std::vector<Case> cases = {
      // DESIGN.md: received Friday 20 December 2024, acknowledge within 5 → Tuesday 31.
      {kEw, "2024-12-20", 5, "2024-12-31"},
      {kScot, "2024-12-20", 5, "2024-12-31"},
      {kNi, "2024-12-20", 5, "2024-12-31"},
      // One more: 2 January is a holiday only in Scotland.
      {kEw, "2024-12-20", 6, "2025-01-02"},
      {kScot, "2024-12-20", 6, "2025-01-03"},
      {kNi, "2024-12-20", 6, "2025-01-02"},
      // Easter 2024: Good Friday everywhere, Easter Monday not in Scotland.
      {kEw, "2024-03-28", 1, "2024-04-02"},
      {kScot, "2024-03-28", 1, "2024-04-01"},
      // St Patrick's (Monday 18 March 2024) and the Boyne (Friday 12 July 2024).
      {kNi, "2024-03-15", 1, "2024-03-19"},
      {kEw, "2024-03-15", 1, "2024-03-18"},
      {kNi, "2024-07-11", 1, "2024-07-15"},
      {kEw, "2024-07-11", 1, "2024-07-12"},
      // Summer holidays.
      {kEw, "2024-08-23", 1, "2024-08-27"},
      {kScot, "2024-08-23", 1, "2024-08-26"},
      {kEw, "2024-08-02", 1, "2024-08-05"},
      {kScot, "2024-08-02", 1, "2024-08-06"},
      // From a Saturday, a Sunday, a bank holiday: counting starts the next day.
      {kEw, "2024-12-21", 1, "2024-12-23"},
      {kEw, "2024-12-22", 5, "2024-12-31"},  // same as from Friday 20
      {kEw, "2024-12-25", 1, "2024-12-27"},
      {kEw, "2024-12-26", 1, "2024-12-27"},
      // n = 0 is the start itself, working day or not.
      {kEw, "2024-12-20", 0, "2024-12-20"},
      {kEw, "2024-12-22", 0, "2024-12-22"},
      {kEw, "2024-12-25", 0, "2024-12-25"},
      // Across a year, substitute days, one-offs.
      {kEw, "2024-12-31", 1, "2025-01-02"},
      {kEw, "2021-12-24", 1, "2021-12-29"},
      {kEw, "2022-12-23", 1, "2022-12-28"},
      {kEw, "2022-06-01", 1, "2022-06-06"},
      {kEw, "2020-05-01", 5, "2020-05-11"},
      {kEw, "2022-09-16", 1, "2022-09-20"},
      // Stage 2 response, 20 working days.
      {kEw, "2024-12-20", 20, "2025-01-22"},
      // A whole year: 2024 has 254 working days in England and Wales.
      {kEw, "2023-12-31", 254, "2024-12-31"},
      // Predicted years.
      {kEw, "2028-04-13", 1, "2028-04-18"},
      {kScot, "2027-12-31", 1, "2028-01-05"},
      {kEw, "2100-12-24", 1, "2100-12-29"},
      {kEw, "2100-12-30", 1, "2100-12-31"},
      {kEw, "2100-12-31", 1, "2101-01-04"},  // 1 January 2101 a Saturday → Monday 3
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.division)) + " " + std::string(c.from) + " + " +
                 std::to_string(c.n));
    EXPECT_EQ(CalendarOf(c.division).AddWorkingDays(D(c.from), c.n).ToIso(), c.expected);
  }
}

TEST(WorkingCalendarTest, WorkingDaysBetween) {
  struct Case {
    Division division;
    std::string_view from;
    std::string_view to;
    int expected;
  };
  const std::vector<Case> cases = {
      {kEw, "2024-12-20", "2024-12-20", 0},       {kEw, "2024-12-25", "2024-12-25", 0},
      {kEw, "2024-12-21", "2024-12-21", 0},       {kEw, "2024-12-20", "2024-12-31", 5},
      {kEw, "2024-12-31", "2024-12-20", -5},      {kEw, "2024-12-20", "2024-12-23", 1},
      {kEw, "2024-12-21", "2024-12-22", 0},       {kEw, "2024-12-22", "2024-12-21", 0},
      {kEw, "2024-12-24", "2024-12-26", 0},       {kEw, "2024-12-31", "2025-01-02", 1},
      {kScot, "2024-12-31", "2025-01-02", 0},     {kScot, "2024-12-31", "2025-01-03", 1},
      {kEw, "2023-12-31", "2024-12-31", 254},     {kEw, "2024-12-31", "2023-12-31", -254},
      {kEw, "2019-01-01", "2027-12-31", 2274},    {kScot, "2019-01-01", "2027-12-31", 2265},
      {kNi, "2019-01-01", "2027-12-31", 2256},    {kEw, "2000-01-01", "2100-12-31", 25539},
      {kScot, "2000-01-01", "2100-12-31", 25438}, {kNi, "2000-01-01", "2100-12-31", 25337},
      {kEw, "1999-01-01", "2101-12-31", 26044},   {kNi, "2101-12-31", "1999-01-01", -25838},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(std::string(ToString(c.division)) + " " + std::string(c.from) + " → " +
                 std::string(c.to));
    EXPECT_EQ(CalendarOf(c.division).WorkingDaysBetween(D(c.from), D(c.to)), c.expected);
  }
}

// WorkingDaysBetween agrees with a day-by-day count.
TEST(WorkingCalendarTest, WorkingDaysBetweenMatchesACount) {
  const WorkingCalendar& calendar = CalendarOf(kScot);
  const std::vector<std::string_view> starts = {"1999-01-01", "2019-12-20", "2022-05-28",
                                                "2027-12-24", "2099-06-30"};
  const std::vector<int> spans = {0, 1, 3, 7, 15, 40, 400};
  for (std::string_view start : starts) {
    for (int span : spans) {
      Date from = D(start);
      Date to = from.AddDays(span);
      int count = 0;
      for (Date d = from.AddDays(1); d <= to; d = d.AddDays(1)) count += calendar.IsWorkingDay(d);
      EXPECT_EQ(calendar.WorkingDaysBetween(from, to), count) << start << " + " << span;
      EXPECT_EQ(calendar.WorkingDaysBetween(to, from), -count) << start << " + " << span;
    }
  }
}

// AddWorkingDays(d, n) is the first day after d with n working days in (d, result].
TEST(WorkingCalendarTest, AddWorkingDaysRoundTripsWithWorkingDaysBetween) {
  const std::vector<int> ns = {0, 1, 2, 5, 10, 20, 65, 260};
  for (Division division : kAllDivisions) {
    const WorkingCalendar& calendar = CalendarOf(division);
    for (Date from = D("2000-01-01"); from <= D("2099-12-31"); from = from.AddDays(11)) {
      for (int n : ns) {
        Date result = calendar.AddWorkingDays(from, n);
        ASSERT_EQ(calendar.WorkingDaysBetween(from, result), n)
            << ToString(division) << " " << from.ToIso() << " + " << n;
        if (n > 0) {
          ASSERT_TRUE(calendar.IsWorkingDay(result)) << result.ToIso();
          ASSERT_EQ(calendar.WorkingDaysBetween(from, result.AddDays(-1)), n - 1)
              << ToString(division) << " " << from.ToIso() << " + " << n;
        } else {
          ASSERT_EQ(result, from);
        }
      }
    }
  }
}

TEST(WorkingCalendarTest, ClosureDays) {
  const std::vector<Date> closures = {
      D("2024-12-27"), D("2024-12-30"), D("2024-12-31"),
      D("2024-12-31"),                   // duplicate
      D("2024-12-25"), D("2024-12-28"),  // already a holiday, a Saturday
      D("1990-01-01"), D("2200-01-01"),  // outside the table: ignored
  };
  const WorkingCalendar calendar(kEw, closures);
  struct Case {
    std::string_view from;
    int n;
    std::string_view expected;
  };
  const std::vector<Case> cases = {
      // 23, 24 December, then 2, 3 and 6 January.
      {"2024-12-20", 5, "2025-01-06"},
      {"2024-12-20", 2, "2024-12-24"},
      {"2024-12-20", 3, "2025-01-02"},
      {"2024-12-24", 1, "2025-01-02"},
      {"2024-12-27", 1, "2025-01-02"},
      {"2023-12-20", 5, "2023-12-29"},  // other years are untouched
  };
  for (const Case& c : cases) {
    EXPECT_EQ(calendar.AddWorkingDays(D(c.from), c.n).ToIso(), c.expected)
        << c.from << " + " << c.n;
  }
  EXPECT_FALSE(calendar.IsWorkingDay(D("2024-12-27")));
  EXPECT_TRUE(CalendarOf(kEw).IsWorkingDay(D("2024-12-27")));
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2024-12-20"), D("2024-12-31")), 2);
  EXPECT_EQ(calendar.WorkingDaysBetween(D("2023-12-31"), D("2024-12-31")), 251);
  EXPECT_EQ(calendar.division(), kEw);
}

}  // namespace
}  // namespace redress::core
