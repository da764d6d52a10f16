#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"
#include "core/transitions.hpp"
#include "core/transitions_test_support.hpp"

// Every expected date below was counted by hand on the England and Wales calendar (bank holidays
// 25-26 Dec 2024, 1 Jan 2025, 18 and 21 Apr 2025, 5 and 26 May 2025, 25 Aug 2025, 25-26 Dec 2025,
// 1 Jan 2026, 3 and 6 Apr 2026). "+N" in a comment means the N-th working day strictly after.

// Inside test_support, so that the shared fixtures (transitions_test_support.hpp) are found
// without a using-declaration each.
namespace redress::core::test_support {
namespace {

// ---- deadlines through whole journeys -----------------------------------------------------------

struct Journey {
  Regime regime;
  std::string_view received_on;
  std::string_view acknowledge_by;
  std::string_view respond_by_at_log;  // "none" while the clock waits for the acknowledgement
  std::string_view acknowledged_on;
  std::string_view respond_by;
  std::string_view extended_on;
  int extension_working_days;
  std::string_view extended_respond_by;
  std::string_view responded_on;
  std::string_view escalation_requested_on;
  std::string_view stage2_acknowledge_by;
  std::string_view stage2_respond_by_at_escalation;
  std::string_view stage2_acknowledged_on;
  std::string_view stage2_respond_by;
  std::string_view stage2_responded_on;
  CaseStatus status_after_stage2;
};

const Journey kJourneys[] = {
    // Housing: received Fri 20 Dec; +5 skips Christmas and Boxing Day = Tue 31 Dec. Acknowledged
    // Thu 2 Jan; +10 = Thu 16 Jan; extended 10 (the limit) = Thu 30 Jan. Stage 2 requested Mon 3
    // Feb; +5 = Mon 10 Feb; acknowledged Wed 5 Feb; +20 = Wed 5 Mar.
    {Regime::kHousing, "2024-12-20", "2024-12-31", "none", "2025-01-02", "2025-01-16", "2025-01-10",
     10, "2025-01-30", "2025-01-29", "2025-02-03", "2025-02-10", "none", "2025-02-05", "2025-03-05",
     "2025-03-04", CaseStatus::kClosed},
    // Corporate: received Thu 17 Apr; Good Friday and Easter Monday skipped, +5 = Mon 28 Apr.
    // Acknowledged Wed 23 Apr; +10 skips 5 May = Thu 8 May; extended 4 = Wed 14 May. Stage 2
    // requested Fri 16 May; +5 = Fri 23 May; acknowledged Tue 20 May; +20 skips 26 May = Wed 18
    // Jun.
    {Regime::kCorporate, "2025-04-17", "2025-04-28", "none", "2025-04-23", "2025-05-08",
     "2025-05-01", 4, "2025-05-14", "2025-05-13", "2025-05-16", "2025-05-23", "none", "2025-05-20",
     "2025-06-18", "2025-06-16", CaseStatus::kClosed},
    // Children: the clock runs from the stage start. Received Mon 18 Aug; +3 = Thu 21 Aug; +10
    // skips 25 Aug = Tue 2 Sep, unchanged by the acknowledgement; extended 10 = Tue 16 Sep.
    // Investigation requested Mon 22 Sep; +3 = Thu 25 Sep; +25 = Mon 27 Oct.
    {Regime::kChildren, "2025-08-18", "2025-08-21", "2025-09-02", "2025-08-20", "2025-09-02",
     "2025-08-29", 10, "2025-09-16", "2025-09-15", "2025-09-22", "2025-09-25", "2025-10-27",
     "2025-09-24", "2025-10-27", "2025-10-24", CaseStatus::kResponded},
};

// Names the row in failure messages instead of dumping its bytes.
void PrintTo(const Journey& journey, std::ostream* os) { *os << ToString(journey.regime); }

class JourneyTest : public ::testing::TestWithParam<Journey> {};

TEST_P(JourneyTest, DeadlinesFollowEveryStep) {
  const Journey& j = GetParam();
  Complaint c = Must(Log(NewComplaint(j.regime, j.received_on), Ctx()));
  EXPECT_EQ(Name(c.status), "awaiting_acknowledgement");
  EXPECT_EQ(c.current_stage().acknowledge_by.ToIso(), j.acknowledge_by);
  EXPECT_EQ(Iso(c.current_stage().respond_by), j.respond_by_at_log);

  c = Must(Acknowledge(c, {D(j.acknowledged_on)}, Ctx()));
  EXPECT_EQ(Name(c.status), "in_progress");
  EXPECT_EQ(Iso(c.current_stage().respond_by_original), j.respond_by);
  EXPECT_EQ(Iso(c.current_stage().respond_by), j.respond_by);

  c = Must(Extend(
      c, ExtendBy(j.extended_on, j.extension_working_days, "Waiting for the contractor's survey"),
      Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by_original), j.respond_by);
  EXPECT_EQ(Iso(c.current_stage().respond_by), j.extended_respond_by);
  ASSERT_EQ(c.current_stage().extensions.size(), 1u);
  EXPECT_TRUE(c.current_stage().extensions[0].within_code);
  EXPECT_FALSE(c.current_stage().outside_code);

  c = Must(Respond(c, Answer(j.responded_on), Ctx()));
  EXPECT_EQ(Name(c.status), "responded");
  EXPECT_EQ(Iso(c.current_stage().first_responded_on), j.responded_on);

  c = Must(Escalate(c, EscalationOn(j.escalation_requested_on, "carol"), Ctx()));
  ASSERT_EQ(c.stages.size(), 2u);
  EXPECT_EQ(Name(c.status), "awaiting_acknowledgement");
  EXPECT_EQ(c.current_stage().number, 2);
  EXPECT_EQ(c.current_stage().started_on.ToIso(), j.escalation_requested_on);
  EXPECT_EQ(c.current_stage().acknowledge_by.ToIso(), j.stage2_acknowledge_by);
  EXPECT_EQ(Iso(c.current_stage().respond_by), j.stage2_respond_by_at_escalation);
  // Stage 1 is history now: its deadlines stay as they were.
  EXPECT_EQ(Iso(c.stages[0].respond_by), j.extended_respond_by);

  c = Must(Acknowledge(c, {D(j.stage2_acknowledged_on)}, Ctx("carol")));
  EXPECT_EQ(Iso(c.current_stage().respond_by_original), j.stage2_respond_by);
  EXPECT_EQ(Iso(c.current_stage().respond_by), j.stage2_respond_by);

  c = Must(Respond(c, Answer(j.stage2_responded_on), Ctx("carol")));
  EXPECT_EQ(Name(c.status), Name(j.status_after_stage2));
  const bool closed = j.status_after_stage2 == CaseStatus::kClosed;
  EXPECT_EQ(Iso(c.closed_on), closed ? std::string(j.stage2_responded_on) : "none");
}

INSTANTIATE_TEST_SUITE_P(Regimes, JourneyTest, ::testing::ValuesIn(kJourneys),
                         [](const ::testing::TestParamInfo<Journey>& param_info) {
                           return std::string(ToString(param_info.param.regime));
                         });

TEST(Deadlines, HousingStage2ExtensionLimitIs20WorkingDays) {
  Complaint c = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-01-02")}, Ctx()));
  c = Must(Respond(c, Answer("2025-01-15"), Ctx()));
  c = Must(Escalate(c, EscalationOn("2025-02-03", "carol"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-02-05")}, Ctx("carol")));
  const ExtendInput twenty = ExtendBy("2025-02-20", 20, "Survey");
  // Wed 5 Mar +20 = Wed 2 Apr.
  Complaint extended = Must(Extend(c, twenty, Ctx("carol")));
  EXPECT_EQ(Iso(extended.current_stage().respond_by), "2025-04-02");
  EXPECT_TRUE(LastExtension(extended.current_stage()).within_code);
  ExpectFieldErrors(Extend(c, ExtendBy("2025-02-20", 21, "Survey"), Ctx("carol")), {"good_reason"});
}

// Each regime on its own working day (rules 3 and 7): with the office shut 29-31 December 2025
// and the organisation in Scotland, a Code complaint's clock skips the closure days and Scotland's
// 2 January, while the regulations' clocks count neither.
TEST(Deadlines, StatutoryRegimesIgnoreTheOrganisationsClosureDaysAndDivision) {
  const std::vector<Date> closure_days = {D("2025-12-29"), D("2025-12-30"), D("2025-12-31")};
  const WorkingCalendar office(Division::kScotland, closure_days);
  const CaseContext context{&office, D(kToday), "alice", &RootCauses()};
  struct Row {
    Regime regime;
    std::string_view acknowledge_by;
    std::string_view respond_by;  // stage 1, before acknowledgement where it counts from receipt
  };
  const Row rows[] = {
      // 22, 23, 24 Dec; 25-26 Dec, 29-31 Dec closed; 1-2 Jan Scottish holidays; 5 Jan.
      {Regime::kHousing, "2026-01-06", "none"},
      {Regime::kCorporate, "2026-01-06", "none"},
      // 10 WD from receipt: 22-24, 29-31 Dec, 2, 5, 6, 7 Jan = Wed 7 Jan (not Mon 12 Jan).
      {Regime::kChildren, "2025-12-24", "2026-01-07"},
      {Regime::kAdults, "2025-12-24", "2026-06-19"},
  };
  for (const Row& row : rows) {
    Complaint c = Must(Log(NewComplaint(row.regime, "2025-12-19"), context));
    EXPECT_EQ(c.current_stage().acknowledge_by.ToIso(), row.acknowledge_by) << ToString(row.regime);
    EXPECT_EQ(Iso(c.current_stage().respond_by), row.respond_by) << ToString(row.regime);
  }
}

TEST(Deadlines, RecalculationMovesOnlyARunningClockThatChanged) {
  Complaint c = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-01-02")}, Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-01-16");
  EXPECT_FALSE(RecalculateDeadlines(c, Ctx(), "nothing changed").has_value());

  const std::vector<Date> closure_days = {D("2025-01-10")};
  const WorkingCalendar office(Division::kEnglandAndWales, closure_days);
  const CaseContext context{&office, D(kToday), "system", &RootCauses()};
  const std::optional<Transition> moved = RecalculateDeadlines(c, context, "closure day added");
  ASSERT_TRUE(moved.has_value());
  EXPECT_EQ(Iso(moved->complaint.current_stage().respond_by), "2025-01-17");
  EXPECT_EQ(moved->event.type, EventType::kDeadlinesRecalculated);
  EXPECT_EQ(moved->event.occurred_on, D(kToday));
  ExpectChange(moved->event, "respond_by", "2025-01-16", "2025-01-17");

  // An answered stage keeps the deadline it was judged by.
  const Complaint answered = Must(Respond(c, Answer("2025-01-15"), Ctx()));
  EXPECT_FALSE(RecalculateDeadlines(answered, context, "closure day added").has_value());
}

// Children's complaints ask for stage 2 and the review panel within 20 working days of the
// response: a later request is accepted, flagged, with the reason it is accepted.
TEST(Escalate, AChildrensRequestAfterTheWindowNeedsTheReasonItIsAccepted) {
  Complaint c = Must(Log(NewComplaint(Regime::kChildren, "2025-08-18"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-08-20")}, Ctx()));
  c = Must(Respond(c, Answer("2025-09-01"), Ctx()));
  // 20 working days after Mon 1 Sep 2025 = Mon 29 Sep.
  const Complaint on_time = Must(Escalate(c, EscalationOn("2025-09-29", "carol"), Ctx()));
  EXPECT_EQ(on_time.current_stage().number, 2);

  EscalateInput late = EscalationOn("2025-09-30", "carol");
  late.reason = "";
  ExpectFieldErrors(Escalate(c, late, Ctx()), {"reason"});
  late.reason = "The family were abroad; the Independent Person agreed to go on.";
  const Result<Transition> accepted = Escalate(c, late, Ctx());
  ASSERT_TRUE(accepted.has_value()) << accepted.error().message;
  ExpectChange(accepted->event, "requested_late", "", "true");
  EXPECT_NE(accepted->event.summary.find("after the window for asking closed on 2025-09-29"),
            std::string::npos);

  // The Codes set no window: a housing request months later needs no reason (Code 6.12).
  Complaint housing = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  housing = Must(Acknowledge(housing, {D("2025-01-02")}, Ctx()));
  housing = Must(Respond(housing, Answer("2025-01-10"), Ctx()));
  EscalateInput months_later = EscalationOn("2025-06-02", "carol");
  months_later.reason = "";
  ASSERT_TRUE(Escalate(housing, months_later, Ctx()).has_value());
}

TEST(Deadlines, ChildrenThreeStages) {
  Complaint c = Must(Log(NewComplaint(Regime::kChildren, "2025-08-18"), Ctx()));
  EXPECT_TRUE(c.restricted);
  c = Must(Acknowledge(c, {D("2025-08-20")}, Ctx()));
  c = Must(Respond(c, Answer("2025-09-01"), Ctx()));
  EXPECT_EQ(Name(c.status), "responded");

  // Investigation: requested Mon 22 Sep, +25 = Mon 27 Oct; extended by the full 40 (65 in all)
  // = Mon 22 Dec.
  c = Must(Escalate(c, EscalationOn("2025-09-22", "carol"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-09-24")}, Ctx("carol")));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-10-27");
  c = Must(Extend(c, ExtendBy("2025-10-20", 40, "Independent Person"), Ctx("carol")));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-12-22");
  EXPECT_TRUE(LastExtension(c.current_stage()).within_code);
  c = Must(Respond(c, Answer("2025-12-01"), Ctx("carol")));
  EXPECT_EQ(Name(c.status), "responded");

  // Review panel: requested Wed 10 Dec; +3 = Mon 15 Dec; +50 skips 25-26 Dec and 1 Jan = Mon 23
  // Feb 2026.
  c = Must(Escalate(c, EscalationOn("2025-12-10", "dave"), Ctx()));
  EXPECT_EQ(c.current_stage().number, 3);
  EXPECT_EQ(c.current_stage().acknowledge_by.ToIso(), "2025-12-15");
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2026-02-23");
  c = Must(Acknowledge(c, {D("2025-12-12")}, Ctx("dave")));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2026-02-23");

  // The panel has no extension within the regulations.
  ExpectFieldErrors(Extend(c, ExtendBy("2026-01-05", 1, "Panel"), Ctx("dave")), {"good_reason"});

  c = Must(Respond(c, Answer("2026-02-20"), Ctx("dave")));
  EXPECT_EQ(Name(c.status), "closed");
  EXPECT_EQ(Iso(c.closed_on), "2026-02-20");
  ExpectNotAllowed(Escalate(c, EscalationOn("2026-02-25"), Ctx()), "final stage");
}

TEST(Deadlines, AdultsSingleStageOfSixMonths) {
  // Received Sun 31 Aug 2025 (web form): +3 = Wed 3 Sep; six months = 28 Feb 2026 (clamped).
  Complaint c = Must(Log(NewComplaint(Regime::kAdults, "2025-08-31"), Ctx()));
  EXPECT_FALSE(c.restricted);
  EXPECT_EQ(c.current_stage().acknowledge_by.ToIso(), "2025-09-03");
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2026-02-28");
  c = Must(Acknowledge(c, {D("2025-09-02")}, Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2026-02-28");

  // Agreed before the six months expire; no limit in the regulations. Sat 28 Feb +30 skips Good
  // Friday 3 Apr and Easter Monday 6 Apr = Tue 14 Apr.
  c = Must(Extend(c, ExtendBy("2026-02-20", 30, "Agreed with Ms E"), Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2026-04-14");
  EXPECT_TRUE(LastExtension(c.current_stage()).within_code);

  c = Must(Respond(c, Answer("2026-04-10"), Ctx()));
  EXPECT_EQ(Name(c.status), "closed");
  EXPECT_EQ(Iso(c.closed_on), "2026-04-10");
  ExpectNotAllowed(Escalate(c, EscalationOn("2026-04-20"), Ctx()),
                   "adult social care complaints have one stage");
}

TEST(Deadlines, CalendarMonthsClampToTheMonthEnd) {
  struct Row {
    std::string_view received_on;
    std::string_view respond_by;
  };
  const Row rows[] = {
      {"2025-08-31", "2026-02-28"},  // no 31 Feb, no 29 Feb in 2026
      {"2023-08-31", "2024-02-29"},  // leap year
      {"2025-03-31", "2025-09-30"}, {"2024-12-31", "2025-06-30"},
      {"2025-01-15", "2025-07-15"},  // a Tuesday: month periods ignore working days
  };
  const StageRule& rule = RulesFor(Regime::kAdults).stage(1);
  for (const Row& row : rows) {
    Stage stage;
    stage.started_on = D(row.received_on);
    const Stage dated = WithDeadlines(stage, rule, Calendar());
    EXPECT_EQ(Iso(dated.respond_by_original), row.respond_by) << row.received_on;
    EXPECT_EQ(Iso(dated.respond_by), row.respond_by) << row.received_on;
  }
}

TEST(Deadlines, WithDeadlinesDerivesEverythingFromTheFacts) {
  const StageRule& rule = RulesFor(Regime::kHousing).stage(1);
  Stage stage;
  stage.started_on = D("2024-12-20");
  stage.respond_by = D("2030-01-01");  // a hand edit: must be overwritten
  Stage dated = WithDeadlines(stage, rule, Calendar());
  EXPECT_EQ(dated.acknowledge_by.ToIso(), "2024-12-31");
  EXPECT_EQ(Iso(dated.respond_by_original), "none");  // the clock waits for the acknowledgement
  EXPECT_EQ(Iso(dated.respond_by), "none");

  // Thu 2 Jan +10 = Thu 16 Jan; +4 = Wed 22 Jan; +6 = Thu 30 Jan.
  stage.acknowledged_on = D("2025-01-02");
  stage.extensions = {
      Decided("2025-01-10", 4),
      Decided("2025-01-13", 6),
  };
  dated = WithDeadlines(stage, rule, Calendar());
  EXPECT_EQ(Iso(dated.respond_by_original), "2025-01-16");
  EXPECT_EQ(Iso(dated.respond_by), "2025-01-30");

  // Reopened Mon 3 Feb: the clock restarts (+10 = Mon 17 Feb) and the earlier extensions no
  // longer count; one decided on the reopening day does (+2 = Wed 19 Feb).
  stage.reopened_on = D("2025-02-03");
  dated = WithDeadlines(stage, rule, Calendar());
  EXPECT_EQ(Iso(dated.respond_by_original), "2025-02-17");
  EXPECT_EQ(Iso(dated.respond_by), "2025-02-17");
  stage.extensions.push_back(Decided("2025-02-03", 2));
  dated = WithDeadlines(stage, rule, Calendar());
  EXPECT_EQ(Iso(dated.respond_by), "2025-02-19");
}

// ---- the extension limit ------------------------------------------------------------------------

struct ExtensionRow {
  std::string_view name;
  std::vector<ExtendInput> earlier;  // accepted first
  ExtendInput attempt;
  bool accepted;
  bool within_code;
  std::string_view respond_by;
};

std::vector<ExtensionRow> ExtensionRows() {
  // Housing stage 1 acknowledged Thu 2 Jan 2025: due Thu 16 Jan; the limit is 10 working days.
  const std::string reason = "Waiting for the contractor";
  const std::string good = "The contractor's report is delayed by the ice";
  auto on = [&](std::string_view date, int days, std::string good_reason = "") {
    return ExtendBy(date, days, reason, std::move(good_reason));
  };
  return {
      {"within", {}, on("2025-01-10", 5), true, true, "2025-01-23"},
      {"exactly_at_limit", {}, on("2025-01-10", 10), true, true, "2025-01-30"},
      {"two_reaching_limit", {on("2025-01-10", 4)}, on("2025-01-13", 6), true, true, "2025-01-30"},
      {"beyond_without_good_reason", {}, on("2025-01-10", 11), false, false, ""},
      {"beyond_with_good_reason", {}, on("2025-01-10", 11, good), true, false, "2025-01-31"},
      {"second_beyond_without_good_reason",
       {on("2025-01-10", 6)},
       on("2025-01-14", 5),
       false,
       false,
       ""},
      {"on_the_due_date", {}, on("2025-01-16", 2), true, true, "2025-01-20"},
      {"after_due_date_without_good_reason", {}, on("2025-01-17", 2), false, false, ""},
      {"after_due_date_with_good_reason", {}, on("2025-01-17", 2, good), true, false, "2025-01-20"},
      // After the original due date (16 Jan) though before the extended one (22 Jan): the notice
      // must go out within the original timescale.
      {"second_after_original_due_date",
       {on("2025-01-10", 4)},
       on("2025-01-20", 2),
       false,
       false,
       ""},
      {"second_after_original_due_date_with_good_reason",
       {on("2025-01-10", 4)},
       on("2025-01-20", 2, good),
       true,
       false,
       "2025-01-24"},
  };
}

TEST(Extend, LimitAndLateness) {
  Complaint start = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  start = Must(Acknowledge(start, {D("2025-01-02")}, Ctx()));
  for (const ExtensionRow& row : ExtensionRows()) {
    SCOPED_TRACE(row.name);
    Complaint c = start;
    for (const ExtendInput& earlier : row.earlier) c = Must(Extend(c, earlier, Ctx()));
    const Result<Transition> result = Extend(c, row.attempt, Ctx());
    if (!row.accepted) {
      ExpectFieldErrors(result, {"good_reason"});
      continue;
    }
    ASSERT_TRUE(result.has_value()) << result.error().message;
    const Stage& stage = result->complaint.current_stage();
    EXPECT_EQ(Iso(stage.respond_by), row.respond_by);
    EXPECT_EQ(Iso(stage.respond_by_original), "2025-01-16");
    EXPECT_EQ(LastExtension(stage).within_code, row.within_code);
    EXPECT_EQ(LastExtension(stage).new_due.ToIso(), row.respond_by);
    EXPECT_EQ(stage.outside_code, !row.within_code);
    EXPECT_EQ(result->event.type, EventType::kExtended);
    ExpectChange(result->event, "respond_by", Iso(c.current_stage().respond_by), row.respond_by);
  }
}

TEST(Extend, AdultsHaveNoLimitButLateExtensionsStillNeedAGoodReason) {
  Complaint c = Must(Log(NewComplaint(Regime::kAdults, "2025-08-31"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-09-02")}, Ctx()));
  // Sat 28 Feb 2026 + 130 = Fri 4 Sep 2026.
  const Complaint longest = Must(Extend(c, ExtendBy("2026-02-20", 130, "Agreed"), Ctx()));
  EXPECT_EQ(Iso(longest.current_stage().respond_by), "2026-09-04");
  EXPECT_TRUE(LastExtension(longest.current_stage()).within_code);
  // A longer period must be agreed before the six months expire.
  ExpectFieldErrors(Extend(c, ExtendBy("2026-03-02", 5, "Agreed"), Ctx()), {"good_reason"});
}

TEST(Extend, ValidatesAllFieldsAtOnce) {
  Complaint c = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-01-02")}, Ctx()));
  ExpectFieldErrors(Extend(c, ExtendBy("2025-02-01", 0, " "), Ctx("alice", "2025-01-20")),
                    {"working_days", "reason", "on"});
  ExpectFieldErrors(Extend(c, ExtendBy("2025-01-10", 131, "x"), Ctx()), {"working_days"});
  ExpectFieldErrors(Extend(c, ExtendBy("2025-01-01", 1, "x"), Ctx()),
                    {"on"});  // before the acknowledgement
}

}  // namespace
}  // namespace redress::core::test_support
