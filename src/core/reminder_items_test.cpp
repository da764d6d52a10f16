#include "core/reminder_items.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace redress::core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

const WorkingCalendar kCalendar(Division::kEnglandAndWales, {});
const ReminderLeads kLeads;  // the defaults: information 5, remedy 10, CHFO 5, learning 5
// Monday 7 December 2026.
const Date kToday = D("2026-12-07");

// An item as "reference kind holder/team reminder due", for tables.
std::string Row(const RemindedCase& item) {
  static const char* kKinds[] = {"ack", "respond", "information", "remedy", "chfo", "learning"};
  static const char* kReminders[] = {"soon", "today", "overdue"};
  return item.reference + " " + kKinds[static_cast<int>(item.deadline)] + " " + item.handler + "/" +
         item.team + " " + kReminders[static_cast<int>(item.reminder)] + " " + item.due.ToIso() +
         (item.detail.empty() ? "" : " " + item.detail);
}

OmbudsmanCase Case(const char* reference, std::vector<std::string> complaints) {
  OmbudsmanCase c;
  c.reference = reference;
  c.summary = "An enquiry";
  c.complaints = std::move(complaints);
  return c;
}

const ComplaintHolders kHolders{{"C-1", {"housing", "hana"}}, {"C-2", {"repairs", "rui"}}};

struct OmbudsmanTable {
  const char* name;
  std::vector<OmbudsmanCase> cases;
  std::vector<FailureOrder> orders;
  std::vector<std::string> expected;
};

class OmbudsmanRemindersTest : public ::testing::TestWithParam<OmbudsmanTable> {};

TEST_P(OmbudsmanRemindersTest, DeadlinesAndTheirHolders) {
  const OmbudsmanTable& t = GetParam();
  std::vector<std::string> rows;
  for (const RemindedCase& item :
       OmbudsmanReminders(kCalendar, kLeads, kToday, t.cases, t.orders, kHolders)) {
    rows.push_back(Row(item));
  }
  EXPECT_EQ(rows, t.expected);
}

OmbudsmanCase Information(const char* due, std::optional<Date> sent = std::nullopt,
                          std::vector<std::string> complaints = {"C-1"}) {
  OmbudsmanCase c = Case("OMB-1", std::move(complaints));
  c.information_due_on = D(due);
  c.information_sent_on = sent;
  return c;
}

OmbudsmanCase Decided(std::vector<OmbudsmanRemedy> remedies) {
  OmbudsmanCase c = Case("OMB-2", {"C-1", "C-2"});
  c.final_decision_on = D("2026-11-02");
  c.remedies = std::move(remedies);
  return c;
}

OmbudsmanRemedy Remedy(const char* description, const char* due,
                       std::optional<Date> completed = std::nullopt) {
  OmbudsmanRemedy remedy;
  remedy.description = description;
  remedy.due_on = D(due);
  remedy.completed_on = completed;
  return remedy;
}

FailureOrder Order(const char* about, const char* due,
                   ChfoOutcome outcome = ChfoOutcome::kPending) {
  FailureOrder order;
  order.reference = "CHFO-1";
  order.ombudsman_case = about;
  order.description = "Send the file";
  order.issued_on = D("2026-11-20");
  order.due_on = D(due);
  order.outcome = outcome;
  return order;
}

INSTANTIATE_TEST_SUITE_P(
    Reminders, OmbudsmanRemindersTest,
    ::testing::Values(
        // Information due Monday 14th: five working days ahead, the lead's first day.
        OmbudsmanTable{"information_from_five_working_days",
                       {Information("2026-12-14")},
                       {},
                       {"OMB-1 information hana/housing soon 2026-12-14"}},
        OmbudsmanTable{"information_not_before_the_lead", {Information("2026-12-15")}, {}, {}},
        OmbudsmanTable{"information_due_today",
                       {Information("2026-12-07")},
                       {},
                       {"OMB-1 information hana/housing today 2026-12-07"}},
        OmbudsmanTable{"information_overdue",
                       {Information("2026-12-01")},
                       {},
                       {"OMB-1 information hana/housing overdue 2026-12-01"}},
        OmbudsmanTable{"information_sent_is_not_reminded",
                       {Information("2026-12-01", D("2026-11-30"))},
                       {},
                       {}},
        OmbudsmanTable{"a_case_about_no_complaint_is_nobodys",
                       {Information("2026-12-01", std::nullopt, {})},
                       {},
                       {"OMB-1 information / overdue 2026-12-01"}},
        OmbudsmanTable{"a_complaint_not_known_is_nobodys",
                       {Information("2026-12-01", std::nullopt, {"C-9"})},
                       {},
                       {"OMB-1 information / overdue 2026-12-01"}},
        // Remedies: ten working days' lead; each holder of the case's complaints; completed ones
        // never; the information of a decided case never.
        OmbudsmanTable{"remedies_to_every_holder",
                       {[] {
                         OmbudsmanCase c = Decided(
                             {Remedy("Apologise", "2026-12-21"), Remedy("Pay", "2026-12-22"),
                              Remedy("Review", "2026-12-01", D("2026-11-30"))});
                         c.information_due_on = D("2026-10-01");
                         return c;
                       }()},
                       {},
                       {"OMB-2 remedy hana/housing soon 2026-12-21 Apologise",
                        "OMB-2 remedy rui/repairs soon 2026-12-21 Apologise"}},
        OmbudsmanTable{"remedy_overdue",
                       {Decided({Remedy("Apologise", "2026-12-04")})},
                       {},
                       {"OMB-2 remedy hana/housing overdue 2026-12-04 Apologise",
                        "OMB-2 remedy rui/repairs overdue 2026-12-04 Apologise"}},
        // Failure orders: five working days' lead; held as their case; systemic ones nobody's.
        OmbudsmanTable{"failure_order_of_a_case",
                       {Case("OMB-3", {"C-2"})},
                       {Order("OMB-3", "2026-12-14")},
                       {"CHFO-1 chfo rui/repairs soon 2026-12-14"}},
        OmbudsmanTable{"systemic_failure_order",
                       {},
                       {Order("", "2026-12-04")},
                       {"CHFO-1 chfo / overdue 2026-12-04"}},
        OmbudsmanTable{"failure_order_complied_is_not_reminded",
                       {},
                       {Order("", "2026-12-04", ChfoOutcome::kComplied)},
                       {}},
        OmbudsmanTable{"failure_order_not_before_the_lead", {}, {Order("", "2026-12-15")}, {}}),
    [](const ::testing::TestParamInfo<OmbudsmanTable>& param_info) {
      return param_info.param.name;
    });

struct LearningTable {
  const char* name;
  LearningStatus status;
  const char* due;
  const char* owner;
  std::vector<std::string> expected;
};

class LearningRemindersTest : public ::testing::TestWithParam<LearningTable> {};

TEST_P(LearningRemindersTest, TheOwnerAndTheirTeam) {
  const LearningTable& t = GetParam();
  LearningAction action;
  action.reference = "LRN-1";
  action.action = "Train the team";
  action.owner = t.owner;
  action.raised_on = D("2026-10-01");
  action.due_on = D(t.due);
  action.status = t.status;
  std::vector<std::string> rows;
  for (const RemindedCase& item :
       LearningReminders(kCalendar, kLeads, kToday, {action}, {{"hana", "housing"}})) {
    rows.push_back(Row(item));
  }
  EXPECT_EQ(rows, t.expected);
}

INSTANTIATE_TEST_SUITE_P(
    Reminders, LearningRemindersTest,
    ::testing::Values(
        LearningTable{"open_from_five_working_days",
                      LearningStatus::kOpen,
                      "2026-12-14",
                      "hana",
                      {"LRN-1 learning hana/housing soon 2026-12-14"}},
        LearningTable{"not_before_the_lead", LearningStatus::kOpen, "2026-12-15", "hana", {}},
        LearningTable{"in_progress_overdue",
                      LearningStatus::kInProgress,
                      "2026-12-04",
                      "hana",
                      {"LRN-1 learning hana/housing overdue 2026-12-04"}},
        LearningTable{"completed_never", LearningStatus::kCompleted, "2026-12-04", "hana", {}},
        LearningTable{"cancelled_never", LearningStatus::kCancelled, "2026-12-04", "hana", {}},
        LearningTable{"an_owner_in_no_team_alone",
                      LearningStatus::kOpen,
                      "2026-12-07",
                      "gone",
                      {"LRN-1 learning gone/ today 2026-12-07"}}),
    [](const ::testing::TestParamInfo<LearningTable>& param_info) {
      return param_info.param.name;
    });

// The lead times are named and these are their values (documented in core/reminders.hpp).
TEST(ReminderLeadsTest, Defaults) {
  EXPECT_EQ(kLeads.acknowledge, 2);
  EXPECT_EQ(kLeads.respond, 3);
  EXPECT_EQ(kLeads.ombudsman_information, 5);
  EXPECT_EQ(kLeads.ombudsman_remedy, 10);
  EXPECT_EQ(kLeads.failure_order, 5);
  EXPECT_EQ(kLeads.learning_action, 5);
}

}  // namespace
}  // namespace redress::core
