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

// Who is reminded of what: handlers of their own cases, managers of their team's overdue ones.
RemindedCase Reminded(const char* reference, const char* team, const char* handler,
                      ReminderKind reminder, const char* due) {
  return {reference, "summary", team, handler, DeadlineKind::kRespond, D(due), reminder, ""};
}

struct DigestCase {
  const char* name;
  std::vector<RemindedCase> cases;
  std::vector<DigestRecipient> recipients;
  // Per digest: the recipient, then the references in the digest's order.
  std::vector<std::vector<std::string>> expected;
};

class PlanDigestsTest : public ::testing::TestWithParam<DigestCase> {};

TEST_P(PlanDigestsTest, EachPersonTheirOwnCasesAndManagersTheTeamsOverdue) {
  const DigestCase& c = GetParam();
  std::vector<std::vector<std::string>> actual;
  for (const Digest& digest : PlanDigests(c.cases, c.recipients)) {
    std::vector<std::string> row{digest.username};
    for (const RemindedCase& reminded : digest.cases) row.push_back(reminded.reference);
    actual.push_back(row);
  }
  EXPECT_EQ(actual, c.expected);
}

const DigestRecipient kHandler{"hana", "housing", Role::kCaseHandler};
const DigestRecipient kManager{"max", "housing", Role::kManager};
const DigestRecipient kOtherManager{"mo", "repairs", Role::kManager};
const DigestRecipient kOfficer{"olu", "complaints", Role::kComplaintsOfficer};

RemindedCase Deadline(const char* reference, const char* team, const char* handler,
                      ReminderKind reminder, DeadlineKind deadline, const char* detail = "") {
  RemindedCase item = Reminded(reference, team, handler, reminder, "2026-12-01");
  item.deadline = deadline;
  item.detail = detail;
  return item;
}

INSTANTIATE_TEST_SUITE_P(
    Reminders, PlanDigestsTest,
    ::testing::Values(
        DigestCase{"nothing_due_no_digest", {}, {kHandler, kManager}, {}},
        DigestCase{"handler_gets_own_cases_overdue_first",
                   {Reminded("A", "housing", "hana", ReminderKind::kDueSoon, "2026-12-03"),
                    Reminded("B", "housing", "hana", ReminderKind::kOverdue, "2026-11-30"),
                    Reminded("C", "housing", "hana", ReminderKind::kDueToday, "2026-12-01"),
                    Reminded("D", "housing", "other", ReminderKind::kDueSoon, "2026-12-02")},
                   {kHandler},
                   {{"hana", "B", "C", "A"}}},
        DigestCase{"manager_gets_only_the_teams_overdue",
                   {Reminded("A", "housing", "hana", ReminderKind::kDueSoon, "2026-12-03"),
                    Reminded("B", "housing", "hana", ReminderKind::kOverdue, "2026-11-30"),
                    Reminded("E", "repairs", "rui", ReminderKind::kOverdue, "2026-11-27")},
                   {kHandler, kManager, kOtherManager},
                   {{"hana", "B", "A"}, {"max", "B"}, {"mo", "E"}}},
        DigestCase{"unassigned_overdue_goes_to_the_manager",
                   {Reminded("F", "housing", "", ReminderKind::kOverdue, "2026-11-30"),
                    Reminded("G", "housing", "", ReminderKind::kDueToday, "2026-12-01")},
                   {kHandler, kManager},
                   {{"max", "F"}}},
        DigestCase{"a_manager_handling_a_case_is_reminded_of_it_once",
                   {Reminded("H", "housing", "max", ReminderKind::kOverdue, "2026-11-30"),
                    Reminded("I", "housing", "max", ReminderKind::kDueSoon, "2026-12-02")},
                   {kManager},
                   {{"max", "H", "I"}}},
        // Items nobody holds (an Ombudsman case about no complaint of ours): the complaints
        // officers from the lead on, every manager once overdue; never a handler.
        DigestCase{
            "unheld_items_go_to_officers_and_overdue_to_every_manager",
            {Deadline("OMB-1", "", "", ReminderKind::kDueSoon, DeadlineKind::kOmbudsmanInformation),
             Deadline("CHFO-1", "", "", ReminderKind::kOverdue, DeadlineKind::kFailureOrder)},
            {kHandler, kManager, kOtherManager, kOfficer},
            {{"max", "CHFO-1"}, {"mo", "CHFO-1"}, {"olu", "CHFO-1", "OMB-1"}}},
        // An Ombudsman case about two complaints of one team: one item per holder, once per
        // digest; two remedies of the case stay two items.
        DigestCase{"one_deadline_held_twice_is_listed_once",
                   {Deadline("OMB-2", "housing", "hana", ReminderKind::kOverdue,
                             DeadlineKind::kOmbudsmanRemedy, "Apologise"),
                    Deadline("OMB-2", "housing", "hugo", ReminderKind::kOverdue,
                             DeadlineKind::kOmbudsmanRemedy, "Apologise"),
                    Deadline("OMB-2", "housing", "hana", ReminderKind::kOverdue,
                             DeadlineKind::kOmbudsmanRemedy, "Pay £100")},
                   {kHandler, kManager},
                   {{"hana", "OMB-2", "OMB-2"}, {"max", "OMB-2", "OMB-2"}}}),
    [](const ::testing::TestParamInfo<DigestCase>& info) { return info.param.name; });

TEST(OfficeHoursTest, ParsesHoursAndMinutesAndRefusesTheRest) {
  EXPECT_EQ(ParseOfficeHours("09:00-17:00").value().start_minute, H(9));
  EXPECT_EQ(ParseOfficeHours("08:30-16:45").value().end_minute, H(16, 45));
  for (const char* bad : {"", "9:00-17:00", "09:00", "17:00-09:00", "09:00-09:00", "24:00-25:00",
                          "09:60-17:00", "0a:00-17:00", "09:00-17:00x"}) {
    EXPECT_FALSE(ParseOfficeHours(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace redress::core
