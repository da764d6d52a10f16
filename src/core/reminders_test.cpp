#include "core/reminders.hpp"

#include <gtest/gtest.h>

#include <vector>

namespace redress::core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }
constexpr int H(int hour, int minute = 0) { return hour * 60 + minute; }

// England and Wales; 2026-12-24 a closure day of the organisation. 2026-12-25 (Friday) and
// 2026-12-28 (Monday, substitute for Boxing Day) are bank holidays.
const std::vector<Date> kClosures{D("2026-12-24")};
const WorkingCalendar kCalendar(Division::kEnglandAndWales, kClosures);
const OfficeHours kHours{H(9), H(17)};

struct SendingCase {
  const char* name;
  LocalTime now;
  bool in_hours;
  LocalTime next;
};

class SendingTimeTest : public ::testing::TestWithParam<SendingCase> {};

TEST_P(SendingTimeTest, OnlyInOfficeHoursOnWorkingDays) {
  const SendingCase& c = GetParam();
  EXPECT_EQ(InOfficeHours(kCalendar, kHours, c.now), c.in_hours);
  EXPECT_EQ(NextSendingTime(kCalendar, kHours, c.now), c.next);
}

INSTANTIATE_TEST_SUITE_P(
    Reminders, SendingTimeTest,
    ::testing::Values(
        // Tuesday 1 December 2026.
        SendingCase{"six_in_the_morning", {D("2026-12-01"), H(6)}, false, {D("2026-12-01"), H(9)}},
        SendingCase{"at_nine", {D("2026-12-01"), H(9)}, true, {D("2026-12-01"), H(9)}},
        SendingCase{
            "mid_afternoon", {D("2026-12-01"), H(15, 30)}, true, {D("2026-12-01"), H(15, 30)}},
        SendingCase{"at_five", {D("2026-12-01"), H(17)}, false, {D("2026-12-02"), H(9)}},
        SendingCase{"midnight", {D("2026-12-01"), H(0)}, false, {D("2026-12-01"), H(9)}},
        // Friday evening and Saturday: Monday morning.
        SendingCase{"friday_night", {D("2026-12-04"), H(22)}, false, {D("2026-12-07"), H(9)}},
        SendingCase{"saturday_noon", {D("2026-12-05"), H(12)}, false, {D("2026-12-07"), H(9)}},
        // Christmas: the closure day, the bank holidays and the weekend between: Tuesday 29th.
        SendingCase{"closure_day", {D("2026-12-24"), H(10)}, false, {D("2026-12-29"), H(9)}},
        SendingCase{"christmas_day", {D("2026-12-25"), H(10)}, false, {D("2026-12-29"), H(9)}},
        SendingCase{
            "boxing_day_substitute", {D("2026-12-28"), H(11)}, false, {D("2026-12-29"), H(9)}}),
    [](const auto& test_case) { return std::string(test_case.param.name); });

TEST(DigestTest, OneDigestAtTheStartOfOfficeHoursOnTheNextWorkingDay) {
  // Checked every 15 minutes from Saturday 05:00 to Monday 12:00: the digest is due first at
  // Monday 09:00, and once sent that day, not again.
  std::optional<Date> last_sent;
  std::vector<LocalTime> sent;
  for (Date day : {D("2026-12-05"), D("2026-12-06"), D("2026-12-07")}) {
    for (int minute = H(5); minute <= H(12); minute += 15) {
      LocalTime now{day, minute};
      if (DigestDue(kCalendar, kHours, now, last_sent)) {
        sent.push_back(now);
        last_sent = day;
      }
    }
  }
  EXPECT_EQ(sent, (std::vector<LocalTime>{{D("2026-12-07"), H(9)}}));
}

struct ReminderCase {
  const char* today;
  const char* due;
  int lead;
  std::optional<ReminderKind> kind;
};

class ReminderForTest : public ::testing::TestWithParam<ReminderCase> {};

TEST_P(ReminderForTest, BeforeOnTheDayAndOverdue) {
  const ReminderCase& c = GetParam();
  EXPECT_EQ(ReminderFor(kCalendar, D(c.due), D(c.today), c.lead), c.kind) << c.today;
}

INSTANTIATE_TEST_SUITE_P(
    Reminders, ReminderForTest,
    ::testing::Values(
        // Due Friday 4 December; an acknowledgement's lead of 2 working days starts Wednesday.
        ReminderCase{"2026-12-01", "2026-12-04", 2, std::nullopt},
        ReminderCase{"2026-12-02", "2026-12-04", 2, ReminderKind::kDueSoon},
        ReminderCase{"2026-12-04", "2026-12-04", 2, ReminderKind::kDueToday},
        ReminderCase{"2026-12-07", "2026-12-04", 2, ReminderKind::kOverdue},
        // A response's lead of 3 over a weekend: due Tuesday 8th, from Thursday 3rd.
        ReminderCase{"2026-12-02", "2026-12-08", 3, std::nullopt},
        ReminderCase{"2026-12-03", "2026-12-08", 3, ReminderKind::kDueSoon}));

}  // namespace
}  // namespace redress::core
