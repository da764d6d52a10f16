#include "core/subject_access.hpp"

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

namespace redress::core {
namespace {

Date D(std::string_view iso) { return *Date::Parse(iso); }

const WorkingCalendar& England() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

// One calendar month to the same date; the month's last day when the date does not exist; the
// next working day when that day is not one.
TEST(SubjectAccess, OneMonthTable) {
  struct Row {
    std::string_view received;
    std::string_view due;
    std::string_view why;
  };
  const Row rows[] = {
      {"2025-03-03", "2025-04-03", "the same date next month (a Thursday)"},
      {"2025-01-31", "2025-02-28", "no 31 February: the month's last day (a Friday)"},
      {"2024-01-31", "2024-02-29", "a leap year's last day of February (a Thursday)"},
      {"2023-01-31", "2023-02-28", "no 29 February in 2023 (a Tuesday)"},
      {"2024-03-31", "2024-04-30", "no 31 April"},
      {"2025-04-26", "2025-05-27", "due on the spring bank holiday, Monday 26 May 2025"},
      {"2025-07-25", "2025-08-26", "due on the summer bank holiday, Monday 25 August 2025"},
      {"2024-11-25", "2024-12-27", "Christmas Day then Boxing Day"},
      {"2025-04-04", "2025-05-06", "a Sunday, then the early May bank holiday"},
      {"2024-04-26", "2024-05-28", "a Sunday, then the spring bank holiday"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(SubjectAccessDueOn(England(), D(row.received)), D(row.due)) << row.why;
  }
}

TEST(SubjectAccess, TheOrganisationsClosureDaysCount) {
  const std::vector<Date> closed = {D("2025-04-03")};
  const WorkingCalendar calendar(Division::kEnglandAndWales, closed);
  EXPECT_EQ(SubjectAccessDueOn(calendar, D("2025-03-03")), D("2025-04-04"));
}

TEST(SubjectAccess, AnExtensionAddsUpToTwoMonthsFromReceipt) {
  const SubjectAccessExtension two{2, "Complex: ten years of repairs records", D("2025-02-10")};
  EXPECT_EQ(SubjectAccessDueOn(England(), D("2025-01-31"), two), D("2025-04-30"));
  const SubjectAccessExtension one{1, "One of several requests", D("2025-02-10")};
  EXPECT_EQ(SubjectAccessDueOn(England(), D("2025-01-31"), one), D("2025-03-31"));
  EXPECT_EQ(SubjectAccessDueOn(England(), D("2025-01-31"), std::nullopt), D("2025-02-28"));
  EXPECT_TRUE(CheckSubjectAccessExtension(England(), D("2025-01-31"), two, D("2025-02-10")));
  // Told on the first month's last day is in time.
  const SubjectAccessExtension last_day{2, "Complex", D("2025-02-28")};
  EXPECT_TRUE(CheckSubjectAccessExtension(England(), D("2025-01-31"), last_day, D("2025-03-01")));
}

std::vector<std::pair<std::string, FieldErrorCode>> Refusals(const Status& status) {
  std::vector<std::pair<std::string, FieldErrorCode>> fields;
  if (status) return fields;
  for (const FieldError& field : status.error().fields)
    fields.emplace_back(field.field, field.code);
  return fields;
}

TEST(SubjectAccess, ExtensionsRefusedEveryFieldAtOnce) {
  struct Row {
    SubjectAccessExtension extension;
    std::string_view today;
    std::vector<std::pair<std::string, FieldErrorCode>> refused;
    std::string_view why;
  };
  const Row rows[] = {
      {{2, "Complex", D("2025-03-03")},
       "2025-03-10",
       {{"told_on", FieldErrorCode::kDateTooLate}},
       "told after the first month (due 28 February)"},
      {{3, " ", D("2025-03-03")},
       "2025-03-10",
       {{"months", FieldErrorCode::kOutOfRange},
        {"reason", FieldErrorCode::kRequired},
        {"told_on", FieldErrorCode::kDateTooLate}},
       "three months, no reason, told late"},
      {{0, "Complex", D("2025-01-30")},
       "2025-03-10",
       {{"months", FieldErrorCode::kOutOfRange}, {"told_on", FieldErrorCode::kDateTooEarly}},
       "no months, told before receipt"},
      {{1, "Complex", D("2025-02-20")},
       "2025-02-15",
       {{"told_on", FieldErrorCode::kDateInFuture}},
       "told after today"},
  };
  for (const Row& row : rows) {
    EXPECT_EQ(Refusals(CheckSubjectAccessExtension(England(), D("2025-01-31"), row.extension,
                                                   D(row.today))),
              row.refused)
        << row.why;
  }
}

TEST(SubjectAccess, OverdueOnlyWhenUnansweredPastItsDueDate) {
  EXPECT_FALSE(IsSubjectAccessOverdue(D("2025-02-28"), std::nullopt, D("2025-02-28")));
  EXPECT_TRUE(IsSubjectAccessOverdue(D("2025-02-28"), std::nullopt, D("2025-03-01")));
  EXPECT_FALSE(IsSubjectAccessOverdue(D("2025-02-28"), D("2025-03-03"), D("2025-03-10")));
}

}  // namespace
}  // namespace redress::core
