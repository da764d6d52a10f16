#include "core/transitions.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"

// Every expected date below was counted by hand on the England and Wales calendar (bank holidays
// 25-26 Dec 2024, 1 Jan 2025, 18 and 21 Apr 2025, 5 and 26 May 2025, 25 Aug 2025, 25-26 Dec 2025,
// 1 Jan 2026, 3 and 6 Apr 2026). "+N" in a comment means the N-th working day strictly after.

namespace redress::core {
namespace {

using test_support::D;
using test_support::FieldNames;

// Late enough for every journey below; tests about the future pass their own "today".
constexpr std::string_view kToday = "2026-06-30";

// Dates are compared as ISO text so failures read as dates.
std::string Iso(const std::optional<Date>& date) { return date ? date->ToIso() : "none"; }
std::string Name(CaseStatus status) { return std::string(ToString(status)); }

const WorkingCalendar& Calendar() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

const std::set<std::string, std::less<>>& RootCauses() {
  static const std::set<std::string, std::less<>> codes{"communication", "repairs_delay",
                                                        "staff_conduct"};
  return codes;
}

CaseContext Ctx(std::string actor = "alice", std::string_view today = kToday) {
  return CaseContext{&Calendar(), D(today), std::move(actor), &RootCauses()};
}

LogInput NewComplaint(Regime regime, std::string_view received_on) {
  LogInput input;
  input.regime = regime;
  input.channel = Channel::kEmail;
  input.received_on = D(received_on);
  input.service_area = "housing_repairs";
  input.category = "repairs";
  input.summary = "Leaking roof not repaired";
  input.description = "Reported the leak three times since October; nobody came.";
  input.complainant = Person{"Ann Example", "ann@example.org", "", "", ""};
  input.team = "repairs";
  input.handler = "alice";
  return input;
}

ExtendInput ExtendBy(std::string_view on, int working_days, std::string reason,
                     std::string good_reason = "") {
  return ExtendInput{D(on), working_days, std::move(reason), std::move(good_reason)};
}

Remedy MakeRemedy(RemedyType type, std::int64_t amount_pence = 0, std::string description = "") {
  return Remedy{type, amount_pence, std::move(description)};
}

Action MakeAction(std::string description, std::optional<Date> due_on = std::nullopt) {
  Action action;
  action.description = std::move(description);
  action.due_on = due_on;
  return action;
}

// An extension as WithDeadlines sees it: only the decision date and the length matter.
Extension Decided(std::string_view on, int working_days) {
  Extension extension{};
  extension.decided_on = D(on);
  extension.working_days = working_days;
  return extension;
}

RespondInput Answer(std::string_view on, Outcome outcome = Outcome::kUpheld) {
  RespondInput input;
  input.on = D(on);
  input.outcome = outcome;
  input.root_causes = {"repairs_delay"};
  input.remedies = {MakeRemedy(RemedyType::kApology, 0, "Apology for the delay")};
  input.learning = "Repairs reported three times are inspected within a week.";
  return input;
}

EscalateInput EscalationOn(std::string_view requested_on, std::string handler = "") {
  return EscalateInput{.requested_on = D(requested_on),
                       .reason = "",
                       .team = "complaints",
                       .handler = std::move(handler)};
}

// The case a successful transition produced; a failure is reported and yields a one-stage
// placeholder so that the test fails without undefined behaviour.
Complaint Must(const Result<Transition>& result) {
  if (!result) {
    ADD_FAILURE() << "transition failed: " << result.error().message;
    Complaint placeholder;
    placeholder.stages.emplace_back();
    return placeholder;
  }
  return result->complaint;
}

// The stage's latest extension; a missing one is a test failure, not a crash.
Extension LastExtension(const Stage& stage) {
  if (stage.extensions.empty()) {
    ADD_FAILURE() << "the stage has no extension";
    return Extension{};
  }
  return stage.extensions.back();
}

void ExpectNotAllowed(const Result<Transition>& result, std::string_view mentions) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kTransitionNotAllowed);
  EXPECT_NE(result.error().message.find(mentions), std::string::npos) << result.error().message;
}

void ExpectFieldErrors(const Result<Transition>& result, const std::vector<std::string>& fields) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput) << result.error().message;
  EXPECT_EQ(FieldNames(result.error()), fields) << result.error().message;
}

// As above, and each offending field has its code (none given: only the names are checked).
void ExpectFieldErrors(const Result<Transition>& result, const std::vector<std::string>& fields,
                       const std::vector<FieldErrorCode>& codes) {
  ExpectFieldErrors(result, fields);
  if (result.has_value() || codes.empty()) return;
  std::vector<std::string> expected;
  for (FieldErrorCode code : codes) expected.emplace_back(ToString(code));
  EXPECT_EQ(test_support::FieldCodes(result.error()), expected);
}

const Change* FindChange(const CaseEvent& event, std::string_view field) {
  for (const Change& change : event.changes) {
    if (change.field == field) return &change;
  }
  return nullptr;
}

void ExpectChange(const CaseEvent& event, std::string_view field, std::string_view before,
                  std::string_view after) {
  const Change* change = FindChange(event, field);
  ASSERT_NE(change, nullptr) << "no change of " << field;
  EXPECT_EQ(change->before, before) << field;
  EXPECT_EQ(change->after, after) << field;
}

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

// ---- which status allows which action -----------------------------------------------------------

// A housing stage 1 case in each status: logged Mon 6 Jan 2025, acknowledged 7 Jan, answered 14
// Jan, closed 20 Jan; refused from awaiting acknowledgement, withdrawn from in progress.
Complaint HousingCaseIn(CaseStatus status) {
  Complaint c = Must(Log(NewComplaint(Regime::kHousing, "2025-01-06"), Ctx()));
  if (status == CaseStatus::kAwaitingAcknowledgement) return c;
  if (status == CaseStatus::kNotAccepted) {
    return Must(Refuse(c,
                       {.on = D("2025-01-07"),
                        .reason = RefusalReason::kOlderThan12Months,
                        .explanation = "The repair was in 2022; you may ask the Ombudsman.",
                        .matter_arose_on = D("2022-11-01")},
                       Ctx()));
  }
  c = Must(Acknowledge(c, {D("2025-01-07")}, Ctx()));
  if (status == CaseStatus::kInProgress) return c;
  if (status == CaseStatus::kWithdrawn) {
    return Must(Withdraw(c, {.on = D("2025-01-08"), .reason = "Repaired"}, Ctx()));
  }
  c = Must(Respond(c, Answer("2025-01-14"), Ctx()));
  if (status == CaseStatus::kResponded) return c;
  return Must(Close(c, {D("2025-01-20")}, Ctx()));
}

constexpr CaseStatus kAllStatuses[] = {CaseStatus::kAwaitingAcknowledgement,
                                       CaseStatus::kInProgress,
                                       CaseStatus::kResponded,
                                       CaseStatus::kClosed,
                                       CaseStatus::kNotAccepted,
                                       CaseStatus::kWithdrawn};

struct ActionRow {
  std::string_view verb;  // as the refusal message names it
  std::function<Result<Transition>(const Complaint&)> apply;
  std::set<CaseStatus> allowed;
};

// Every action of the table is attempted on this date, after all the facts of HousingCaseIn.
constexpr std::string_view kOn = "2025-02-03";

std::vector<ActionRow> ActionTable() {
  using S = CaseStatus;
  return {
      {"acknowledge",
       [](const Complaint& c) { return Acknowledge(c, {D(kOn)}, Ctx()); },
       {S::kAwaitingAcknowledgement}},
      {"extend",
       [](const Complaint& c) {
         return Extend(c, ExtendBy(kOn, 5, "Survey", "Late: the surveyor was ill"), Ctx());
       },
       {S::kInProgress}},
      {"respond to",
       [](const Complaint& c) { return Respond(c, Answer(kOn), Ctx()); },
       {S::kAwaitingAcknowledgement, S::kInProgress}},
      {"escalate",
       [](const Complaint& c) { return Escalate(c, EscalationOn(kOn), Ctx()); },
       {S::kResponded, S::kClosed}},
      {"refuse",
       [](const Complaint& c) {
         return Refuse(c,
                       {.on = D(kOn),
                        .reason = RefusalReason::kLegalProceedings,
                        .explanation = "A claim has been filed; you may ask the Ombudsman.",
                        .matter_arose_on = std::nullopt},
                       Ctx());
       },
       {S::kAwaitingAcknowledgement, S::kInProgress}},
      {"withdraw",
       [](const Complaint& c) { return Withdraw(c, {.on = D(kOn), .reason = "Sorted"}, Ctx()); },
       {S::kAwaitingAcknowledgement, S::kInProgress}},
      {"close", [](const Complaint& c) { return Close(c, {D(kOn)}, Ctx()); }, {S::kResponded}},
      {"reopen",
       [](const Complaint& c) {
         return Reopen(c, {.on = D(kOn), .reason = "The leak is back"}, Ctx());
       },
       {S::kResponded, S::kClosed, S::kWithdrawn, S::kNotAccepted}},
      {"reassign",
       [](const Complaint& c) {
         return Reassign(c, {"", "bob"}, Ctx());
       },
       {S::kAwaitingAcknowledgement, S::kInProgress, S::kResponded}},
  };
}

TEST(StatusTable, EveryActionInEveryStatus) {
  for (CaseStatus status : kAllStatuses) {
    const Complaint c = HousingCaseIn(status);
    ASSERT_EQ(Name(c.status), Name(status));
    for (const ActionRow& row : ActionTable()) {
      SCOPED_TRACE(std::string(row.verb) + " from " + Name(status));
      const Result<Transition> result = row.apply(c);
      if (row.allowed.contains(status)) {
        EXPECT_TRUE(result.has_value()) << result.error().message;
      } else {
        ASSERT_FALSE(result.has_value());
        EXPECT_EQ(result.error().code, ErrorCode::kTransitionNotAllowed);
        EXPECT_EQ(result.error().message,
                  "cannot " + std::string(row.verb) + " a complaint that is " + Name(status));
      }
    }
  }
}

TEST(StatusTable, ARefusedComplaintCannotBeEscalated) {
  const Result<Transition> result =
      Escalate(HousingCaseIn(CaseStatus::kNotAccepted), EscalationOn("2025-02-03"), Ctx());
  ExpectNotAllowed(result, "cannot escalate a complaint that is not_accepted");
}

// ---- Log ----------------------------------------------------------------------------------------

TEST(Log, BuildsStageOneWithItsDeadlines) {
  LogInput input = NewComplaint(Regime::kHousing, "2024-12-20");
  input.service_request_reference = "SR-2024-000042";
  const Result<Transition> result = Log(input, Ctx("logger"));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const Complaint& c = result->complaint;
  EXPECT_EQ(Name(c.status), "awaiting_acknowledgement");
  ASSERT_EQ(c.stages.size(), 1u);
  EXPECT_EQ(c.current_stage().number, 1);
  EXPECT_EQ(c.current_stage().started_on.ToIso(), "2024-12-20");
  EXPECT_EQ(c.current_stage().team, "repairs");
  EXPECT_EQ(c.current_stage().handler, "alice");
  EXPECT_EQ(c.received_on.ToIso(), "2024-12-20");
  EXPECT_EQ(c.service_request_reference, "SR-2024-000042");
  EXPECT_EQ(c.complainant, input.complainant);
  EXPECT_FALSE(c.restricted);

  const CaseEvent& event = result->event;
  EXPECT_EQ(event.type, EventType::kLogged);
  EXPECT_EQ(event.occurred_on.ToIso(), "2024-12-20");
  EXPECT_EQ(event.actor, "logger");
  EXPECT_EQ(event.stage, 1);
  EXPECT_FALSE(event.summary.empty());
  ExpectChange(event, "status", "", "awaiting_acknowledgement");
  ExpectChange(event, "acknowledge_by", "", "2024-12-31");
}

TEST(Log, OnlyChildrensComplaintsAreRestricted) {
  for (Regime regime : kAllRegimes) {
    const Complaint c = Must(Log(NewComplaint(regime, "2025-01-06"), Ctx()));
    EXPECT_EQ(c.restricted, regime == Regime::kChildren) << ToString(regime);
  }
}

TEST(Log, CollectsEveryFieldErrorAtOnce) {
  LogInput input = NewComplaint(Regime::kCorporate, "2025-03-01");
  input.summary = "   ";
  input.description = "";
  input.service_area = "";
  input.category = "";
  input.team = "";
  input.complainant = Person{};
  ExpectFieldErrors(Log(input, Ctx("alice", "2025-02-28")),
                    {"received_on", "summary", "description", "service_area", "category", "team",
                     "complainant.name", "complainant"});
}

TEST(Log, ValidatesSummaryLengthInCharacters) {
  constexpr int kLimit = 200;
  LogInput input = NewComplaint(Regime::kCorporate, "2025-01-06");
  input.summary = std::string(kLimit, 'x');
  EXPECT_TRUE(Log(input, Ctx()).has_value());
  std::string accented;
  for (int i = 0; i < kLimit; ++i) accented += "\xC3\xA9";  // e acute: 2 bytes, 1 character
  input.summary = accented;
  EXPECT_TRUE(Log(input, Ctx()).has_value());
  input.summary = std::string(kLimit + 1, 'x');
  ExpectFieldErrors(Log(input, Ctx()), {"summary"});
}

TEST(Log, ReceivedOnMustBeWithinTheCalendar) {
  ExpectFieldErrors(Log(NewComplaint(Regime::kCorporate, "1999-12-31"), Ctx()), {"received_on"});
}

TEST(Log, ChecksTheEmailAndAWayToReachTheComplainant) {
  struct Row {
    std::string_view email;
    bool valid;
  };
  const Row rows[] = {
      {"ann@example.org", true},   {"a.b+c@mail.example.co.uk", true},
      {"ann.example.org", false},  {"ann@@example.org", false},
      {"ann@example", false},      {"ann @example.org", false},
      {"@example.org", false},     {"ann@.org", false},
      {"ann@example.org.", false}, {"a@b@example.org", false},
  };
  for (const Row& row : rows) {
    LogInput input = NewComplaint(Regime::kHousing, "2025-01-06");
    input.complainant.email = std::string(row.email);
    const Result<Transition> result = Log(input, Ctx());
    if (row.valid) {
      EXPECT_TRUE(result.has_value()) << row.email;
    } else {
      ExpectFieldErrors(result, {"complainant.email"});
    }
  }
  // A phone number alone is enough.
  LogInput phone_only = NewComplaint(Regime::kHousing, "2025-01-06");
  phone_only.complainant.email.clear();
  phone_only.complainant.phone = "01632 960000";
  EXPECT_TRUE(Log(phone_only, Ctx()).has_value());
}

// ---- Acknowledge --------------------------------------------------------------------------------

TEST(Acknowledge, RefusesDatesOutsideTheStage) {
  const Complaint c = HousingCaseIn(CaseStatus::kAwaitingAcknowledgement);  // logged 6 Jan 2025
  ExpectFieldErrors(Acknowledge(c, {D("2025-01-05")}, Ctx()), {"on"});
  const Result<Transition> future = Acknowledge(c, {D("2025-01-08")}, Ctx("alice", "2025-01-07"));
  ExpectFieldErrors(future, {"on"});
  ASSERT_FALSE(future.has_value());
  EXPECT_NE(future.error().fields.at(0).message.find("future"), std::string::npos);
  // The day of receipt itself is fine.
  EXPECT_TRUE(Acknowledge(c, {D("2025-01-06")}, Ctx()).has_value());
}

TEST(Acknowledge, RecordsTheEvent) {
  const Complaint c = HousingCaseIn(CaseStatus::kAwaitingAcknowledgement);
  const Result<Transition> result = Acknowledge(c, {D("2025-01-07")}, Ctx("bob"));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->event.type, EventType::kAcknowledged);
  EXPECT_EQ(result->event.occurred_on.ToIso(), "2025-01-07");
  EXPECT_EQ(result->event.actor, "bob");
  EXPECT_EQ(result->event.stage, 1);
  ExpectChange(result->event, "status", "awaiting_acknowledgement", "in_progress");
  ExpectChange(result->event, "acknowledged_on", "", "2025-01-07");
  ExpectChange(result->event, "respond_by", "", "2025-01-21");  // Tue 7 Jan +10
}

// ---- Respond ------------------------------------------------------------------------------------

TEST(Respond, RecordsTheResponse) {
  const Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  RespondInput input = Answer("2025-01-14");
  input.remedies.push_back(MakeRemedy(RemedyType::kFinancial, 5000));
  input.actions = {MakeAction("Replace the roof tiles", D("2025-02-28"))};
  const Result<Transition> result = Respond(c, input, Ctx("alice"));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const Stage& stage = result->complaint.current_stage();
  ASSERT_TRUE(stage.response.has_value());
  EXPECT_EQ(stage.response->outcome, Outcome::kUpheld);
  EXPECT_EQ(stage.response->responded_by, "alice");
  EXPECT_EQ(stage.response->remedies, input.remedies);
  EXPECT_EQ(stage.response->actions, input.actions);
  EXPECT_EQ(Iso(stage.first_responded_on), "2025-01-14");
  EXPECT_EQ(Name(result->complaint.status), "responded");
  EXPECT_EQ(Iso(result->complaint.closed_on), "none");
  EXPECT_EQ(result->event.type, EventType::kResponded);
  ExpectChange(result->event, "outcome", "", "upheld");
}

TEST(Respond, BeforeAcknowledgingAcknowledgesOnTheResponseDate) {
  const Complaint c = HousingCaseIn(CaseStatus::kAwaitingAcknowledgement);
  const Result<Transition> result = Respond(c, Answer("2025-01-09"), Ctx());
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const Stage& stage = result->complaint.current_stage();
  EXPECT_EQ(Iso(stage.acknowledged_on), "2025-01-09");
  EXPECT_EQ(Iso(stage.respond_by), "2025-01-23");  // Thu 9 Jan +10
  EXPECT_EQ(Name(result->complaint.status), "responded");
  ExpectChange(result->event, "acknowledged_on", "", "2025-01-09");
}

struct RespondRow {
  std::string_view name;
  std::function<void(RespondInput&)> spoil;
  std::vector<std::string> fields;
  // The code of each offending field (none: the test checks only the names).
  std::vector<FieldErrorCode> codes = {};
};

TEST(Respond, ValidatesTheResponse) {
  const RespondRow rows[] = {
      {"no_root_cause", [](RespondInput& in) { in.root_causes.clear(); }, {"root_causes"}},
      {"unknown_root_cause",
       [](RespondInput& in) { in.root_causes.push_back("bad_weather"); },
       {"root_causes[1]"}},
      {"duplicate_root_cause",
       [](RespondInput& in) { in.root_causes.push_back("repairs_delay"); },
       {"root_causes[1]"},
       {FieldErrorCode::kDuplicate}},
      {"financial_without_amount",
       [](RespondInput& in) { in.remedies.push_back(MakeRemedy(RemedyType::kFinancial)); },
       {"remedies[1].amount_pence"},
       {FieldErrorCode::kOutOfRange}},
      {"apology_with_amount",
       [](RespondInput& in) { in.remedies[0].amount_pence = 100; },
       {"remedies[0].amount_pence"},
       {FieldErrorCode::kNotAllowedInState}},
      {"upheld_without_remedy",
       [](RespondInput& in) { in.remedies.clear(); },
       {"remedies"},
       {FieldErrorCode::kRequired}},
      {"no_outcome", [](RespondInput& in) { in.outcome.reset(); }, {"outcome"}},
      {"action_without_description",
       [](RespondInput& in) { in.actions.push_back(MakeAction(" ")); },
       {"actions[0].description"}},
      {"before_acknowledgement", [](RespondInput& in) { in.on = D("2025-01-06"); }, {"on"}},
      {"in_the_future", [](RespondInput& in) { in.on = D("2026-07-01"); }, {"on"}},
      {"several_at_once",
       [](RespondInput& in) {
         in.outcome.reset();
         in.root_causes = {"bad_weather"};
         in.remedies = {MakeRemedy(RemedyType::kFinancial, -1)};
       },
       {"outcome", "root_causes[0]", "remedies[0].amount_pence"}},
  };
  const Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  for (const RespondRow& row : rows) {
    SCOPED_TRACE(row.name);
    RespondInput input = Answer("2025-01-14");
    row.spoil(input);
    ExpectFieldErrors(Respond(c, input, Ctx()), row.fields, row.codes);
  }
}

TEST(Respond, RootCauseMessageIsExplicit) {
  RespondInput input = Answer("2025-01-14");
  input.root_causes.clear();
  const Result<Transition> result = Respond(HousingCaseIn(CaseStatus::kInProgress), input, Ctx());
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().fields.at(0).message, "at least one root cause is required");
}

TEST(Respond, NotUpheldNeedsNoRemedy) {
  RespondInput input = Answer("2025-01-14", Outcome::kNotUpheld);
  input.remedies.clear();
  EXPECT_TRUE(Respond(HousingCaseIn(CaseStatus::kInProgress), input, Ctx()).has_value());
}

// ---- stage 2 independence (Code 6.13) -----------------------------------------------------------

// Stage 1 handled by alice and answered by bob, escalated without a handler.
Complaint HousingAtStage2() {
  Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  c = Must(Respond(c, Answer("2025-01-14"), Ctx("bob")));
  return Must(Escalate(c, EscalationOn("2025-01-20"), Ctx()));
}

TEST(Independence, EscalateRefusesAnEarlierHandlerOrResponder) {
  Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  c = Must(Respond(c, Answer("2025-01-14"), Ctx("bob")));
  ExpectNotAllowed(Escalate(c, EscalationOn("2025-01-20", "alice"), Ctx()), "alice");
  ExpectNotAllowed(Escalate(c, EscalationOn("2025-01-20", "bob"), Ctx()), "bob");
  const Complaint escalated = Must(Escalate(c, EscalationOn("2025-01-20", "carol"), Ctx()));
  EXPECT_EQ(escalated.current_stage().handler, "carol");
}

TEST(Independence, ReassignRefusesAnEarlierHandlerOrResponder) {
  const Complaint c = HousingAtStage2();
  ExpectNotAllowed(Reassign(c, {"", "alice"}, Ctx()), "cannot handle Stage 2");
  ExpectNotAllowed(Reassign(c, {"", "bob"}, Ctx()), "cannot handle Stage 2");
  const Result<Transition> result = Reassign(c, {"", "carol"}, Ctx("manager"));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->complaint.current_stage().handler, "carol");
  EXPECT_EQ(result->event.type, EventType::kReassigned);
  EXPECT_EQ(result->event.occurred_on.ToIso(), kToday);
  ExpectChange(result->event, "handler", "", "carol");
}

TEST(Independence, RespondRefusesAnEarlierHandlerOrResponder) {
  Complaint c = HousingAtStage2();
  c = Must(Acknowledge(c, {D("2025-01-21")}, Ctx()));
  // The stage has no handler: whoever answers becomes its handler, and must be independent.
  ExpectNotAllowed(Respond(c, Answer("2025-01-28"), Ctx("alice")), "Code 6.13");
  ExpectNotAllowed(Respond(c, Answer("2025-01-28"), Ctx("bob")), "Code 6.13");
  const Complaint answered = Must(Respond(c, Answer("2025-01-28"), Ctx("carol")));
  EXPECT_EQ(answered.current_stage().handler, "carol");
  ASSERT_TRUE(answered.current_stage().response.has_value());
  EXPECT_EQ(answered.current_stage().response->responded_by, "carol");
  EXPECT_EQ(Name(answered.status), "closed");

  // With an independent handler, the person answering must be independent too.
  const Complaint assigned = Must(Reassign(c, {"", "carol"}, Ctx()));
  ExpectNotAllowed(Respond(assigned, Answer("2025-01-28"), Ctx("alice")), "Code 6.13");
}

// ---- Escalate -----------------------------------------------------------------------------------

TEST(Escalate, ValidatesTheRequest) {
  const Complaint c = HousingCaseIn(CaseStatus::kResponded);  // answered 14 Jan 2025
  EscalateInput input = EscalationOn("2025-01-13");
  input.team = "";
  ExpectFieldErrors(Escalate(c, input, Ctx()), {"requested_on", "team"});
  ExpectFieldErrors(Escalate(c, EscalationOn("2025-01-20"), Ctx("alice", "2025-01-17")),
                    {"requested_on"});
}

TEST(Escalate, FromAClosedStageReopensTheCase) {
  const Complaint c = HousingCaseIn(CaseStatus::kClosed);
  EscalateInput input = EscalationOn("2025-02-03", "carol");
  input.reason = "The roof still leaks";
  const Result<Transition> result = Escalate(c, input, Ctx());
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const Complaint& next = result->complaint;
  EXPECT_EQ(Name(next.status), "awaiting_acknowledgement");
  EXPECT_EQ(Iso(next.closed_on), "none");
  EXPECT_EQ(next.current_stage().escalation_reason, "The roof still leaks");
  EXPECT_EQ(next.current_stage().team, "complaints");
  EXPECT_EQ(result->event.type, EventType::kEscalated);
  EXPECT_EQ(result->event.stage, 2);
  ExpectChange(result->event, "stage", "1", "2");
}

TEST(Escalate, RefusedAtTheFinalStage) {
  Complaint c = HousingAtStage2();
  c = Must(Respond(c, Answer("2025-01-28"), Ctx("carol")));
  ASSERT_EQ(Name(c.status), "closed");
  ExpectNotAllowed(Escalate(c, EscalationOn("2025-02-03"), Ctx()), "final stage");
}

// ---- Refuse, Withdraw, Close, Reassign ----------------------------------------------------------

// A refusal as older than the time limit: accepted only when the recorded date (given with the
// refusal or logged with the complaint) is more than 12 months before receipt; otherwise 422
// naming the fields. The evidence is on the event.
TEST(Refuse, OlderThanTheTimeLimitNeedsTheEvidence) {
  struct Row {
    std::string_view label;
    std::optional<std::string_view> logged_arose;   // on the complaint when logged
    std::optional<std::string_view> refusal_arose;  // given with the refusal
    std::vector<std::string> fields;                // empty: accepted
    int days_beyond;
  };
  // Received Mon 6 Jan 2025: the limit for a matter of 6 Jan 2024 ends on 6 Jan 2025.
  const std::vector<Row> rows = {
      {"no date anywhere", std::nullopt, std::nullopt, {"matter_arose_on"}, 0},
      {"exactly 12 months", std::nullopt, "2024-01-06", {"matter_arose_on", "reason"}, 0},
      {"logged within", "2024-06-01", std::nullopt, {"matter_arose_on", "reason"}, 0},
      {"one day beyond", std::nullopt, "2024-01-05", {}, 1},
      {"logged beyond", "2023-10-06", std::nullopt, {}, 92},
      {"corrected at refusal", "2024-06-01", "2023-12-06", {}, 31},
      {"after receipt", std::nullopt, "2025-01-07", {"matter_arose_on"}, 0},
      {"in the future", std::nullopt, "2027-01-01", {"matter_arose_on"}, 0},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(std::string(row.label));
    LogInput input = NewComplaint(Regime::kHousing, "2025-01-06");
    if (row.logged_arose) input.matter_arose_on = D(*row.logged_arose);
    const Complaint c = Must(Log(input, Ctx()));
    std::optional<Date> given;
    if (row.refusal_arose) given = D(*row.refusal_arose);
    const Result<Transition> result = Refuse(c,
                                             {.on = D("2025-01-08"),
                                              .reason = RefusalReason::kOlderThan12Months,
                                              .explanation = "Too old; you may ask the Ombudsman.",
                                              .matter_arose_on = given},
                                             Ctx());
    if (!row.fields.empty()) {
      ExpectFieldErrors(result, row.fields);
      continue;
    }
    ASSERT_TRUE(result.has_value()) << result.error().message;
    EXPECT_EQ(result->complaint.matter_arose_on, given ? given : c.matter_arose_on);
    const auto& changes = result->event.changes;
    auto after = [&](std::string_view field) -> std::string {
      for (const Change& change : changes) {
        if (change.field == field) return change.after;
      }
      return "";
    };
    EXPECT_EQ(after("time_limit_months"), "12");
    EXPECT_EQ(after("days_beyond_time_limit"), std::to_string(row.days_beyond));
    EXPECT_NE(result->event.summary.find("days beyond it"), std::string::npos);
  }
}

// Other reasons need no date: the Code lets a landlord refuse or accept an old complaint, so the
// date is evidence for one reason only, and a complaint outside the limit is never refused by
// itself.
TEST(Refuse, OtherReasonsIgnoreTheTimeLimit) {
  LogInput input = NewComplaint(Regime::kHousing, "2025-01-06");
  input.matter_arose_on = D("2024-12-01");
  const Complaint c = Must(Log(input, Ctx()));
  EXPECT_EQ(c.status, CaseStatus::kAwaitingAcknowledgement);
  EXPECT_TRUE(Refuse(c,
                     {.on = D("2025-01-08"),
                      .reason = RefusalReason::kLegalProceedings,
                      .explanation = "A claim is filed; you may ask the Ombudsman.",
                      .matter_arose_on = std::nullopt},
                     Ctx())
                  .has_value());
}

TEST(Log, MatterAroseOnIsNotAfterReceipt) {
  LogInput input = NewComplaint(Regime::kHousing, "2025-01-06");
  input.matter_arose_on = D("2025-01-07");
  ExpectFieldErrors(Log(input, Ctx()), {"matter_arose_on"});
  input.matter_arose_on = D("2025-01-06");
  EXPECT_EQ(Must(Log(input, Ctx())).matter_arose_on, D("2025-01-06"));
}

// A housing complaint is judged on the Code in force when it was received; the event says which.
TEST(Log, RecordsTheCodeVersion) {
  for (auto [received, version] :
       {std::pair{"2024-03-28", "hoc-2022"}, std::pair{"2024-04-02", "hoc-2024"}}) {
    const Transition logged =
        *Log(NewComplaint(Regime::kHousing, received), Ctx("alice", "2025-01-20"));
    bool found = false;
    for (const Change& change : logged.event.changes) {
      if (change.field == "code_version") found = change.after == version;
    }
    EXPECT_TRUE(found) << received;
  }
}

TEST(Refuse, NeedsAReasonAndAnExplanation) {
  const Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  ExpectFieldErrors(Refuse(c, {D("2025-01-08"), std::nullopt, "", std::nullopt}, Ctx()),
                    {"reason", "explanation"});
  ExpectFieldErrors(Refuse(c,
                           {.on = D("2025-01-05"),
                            .reason = RefusalReason::kOther,
                            .explanation = "x",
                            .matter_arose_on = std::nullopt},
                           Ctx()),
                    {"on"});
  const Result<Transition> result =
      Refuse(c,
             {.on = D("2025-01-08"),
              .reason = RefusalReason::kPreviouslyConsidered,
              .explanation = "Considered in 2024 (CMP-2024-000001); you may ask the Ombudsman.",
              .matter_arose_on = std::nullopt},
             Ctx());
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(Name(result->complaint.status), "not_accepted");
  ASSERT_TRUE(result->complaint.refusal.has_value());
  EXPECT_EQ(result->complaint.refusal->reason, RefusalReason::kPreviouslyConsidered);
  EXPECT_EQ(result->event.type, EventType::kRefused);
}

TEST(Withdraw, RemembersTheStatusBefore) {
  const Result<Transition> result = Withdraw(HousingCaseIn(CaseStatus::kAwaitingAcknowledgement),
                                             {.on = D("2025-01-07"), .reason = "Fixed"}, Ctx());
  ASSERT_TRUE(result.has_value());
  ASSERT_TRUE(result->complaint.withdrawal.has_value());
  EXPECT_EQ(result->complaint.withdrawal->status_before, CaseStatus::kAwaitingAcknowledgement);
  EXPECT_EQ(result->complaint.withdrawal->withdrawn_on.ToIso(), "2025-01-07");
  EXPECT_EQ(result->event.type, EventType::kWithdrawn);
}

TEST(Close, NotBeforeTheResponse) {
  const Complaint c = HousingCaseIn(CaseStatus::kResponded);  // answered 14 Jan
  ExpectFieldErrors(Close(c, {D("2025-01-13")}, Ctx()), {"on"});
  const Complaint closed = Must(Close(c, {D("2025-01-14")}, Ctx()));
  EXPECT_EQ(Iso(closed.closed_on), "2025-01-14");
}

TEST(Reassign, NeedsSomethingToChange) {
  const Complaint c = HousingCaseIn(CaseStatus::kInProgress);  // team repairs, handler alice
  ExpectFieldErrors(Reassign(c, {}, Ctx()), {"team", "handler"});
  ExpectFieldErrors(Reassign(c, {"repairs", "alice"}, Ctx()), {"team", "handler"});
  const Complaint moved = Must(Reassign(c, {"estates", ""}, Ctx()));
  EXPECT_EQ(moved.current_stage().team, "estates");
  EXPECT_EQ(moved.current_stage().handler, "alice");
}

// ---- Reopen -------------------------------------------------------------------------------------

struct ReopenRow {
  CaseStatus from;
  std::string_view acknowledged_on;     // after reopening
  std::string_view first_responded_on;  // kept from the first answer
  std::string_view status;              // after reopening
  std::string_view respond_by;          // after reopening
};

TEST(Reopen, FromEveryStatusThatAllowsIt) {
  // Reopened Mon 3 Feb 2025: the clock restarts there, +10 = Mon 17 Feb. A stage never
  // acknowledged is not acknowledged by its reopening: it awaits an acknowledgement again, and its
  // response clock starts with it.
  const ReopenRow rows[] = {
      {CaseStatus::kResponded, "2025-01-07", "2025-01-14", "in_progress", "2025-02-17"},
      {CaseStatus::kClosed, "2025-01-07", "2025-01-14", "in_progress", "2025-02-17"},
      {CaseStatus::kWithdrawn, "2025-01-07", "none", "in_progress", "2025-02-17"},
      {CaseStatus::kNotAccepted, "none", "none", "awaiting_acknowledgement", "none"},
  };
  for (const ReopenRow& row : rows) {
    SCOPED_TRACE(Name(row.from));
    const Complaint before = HousingCaseIn(row.from);
    const Result<Transition> result =
        Reopen(before, {.on = D("2025-02-03"), .reason = "The leak is back"}, Ctx());
    ASSERT_TRUE(result.has_value()) << result.error().message;
    const Complaint& c = result->complaint;
    const Stage& stage = c.current_stage();
    EXPECT_EQ(Name(c.status), row.status);
    EXPECT_EQ(stage.number, 1);
    EXPECT_FALSE(stage.response.has_value());
    EXPECT_EQ(Iso(stage.first_responded_on), row.first_responded_on);
    EXPECT_EQ(Iso(stage.acknowledged_on), row.acknowledged_on);
    EXPECT_EQ(Iso(stage.reopened_on), "2025-02-03");
    EXPECT_EQ(Iso(stage.respond_by_original), row.respond_by);
    EXPECT_EQ(Iso(stage.respond_by), row.respond_by);
    EXPECT_FALSE(c.refusal.has_value());
    EXPECT_FALSE(c.withdrawal.has_value());
    EXPECT_EQ(Iso(c.closed_on), "none");
    EXPECT_EQ(c.reopen_count, 1);
    EXPECT_EQ(result->event.type, EventType::kReopened);
    if (before.current_stage().response) {
      ExpectChange(result->event, "outcome", "upheld", "");
      ExpectChange(result->event, "responded_on", "2025-01-14", "");
    }
  }
}

TEST(Reopen, ValidatesReasonAndDate) {
  const Complaint c = HousingCaseIn(CaseStatus::kClosed);  // answered 14 Jan, closed 20 Jan
  ExpectFieldErrors(Reopen(c, {.on = D("2025-01-17"), .reason = ""}, Ctx()), {"on", "reason"});
}

TEST(Reopen, RestartsTheExtensionAllowance) {
  Complaint c = HousingCaseIn(CaseStatus::kInProgress);  // due Tue 21 Jan
  // The full 10 before the response: Tue 21 Jan +10 = Tue 4 Feb.
  c = Must(Extend(c, ExtendBy("2025-01-10", 10, "Survey"), Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-02-04");
  c = Must(Respond(c, Answer("2025-01-31"), Ctx()));
  c = Must(Reopen(c, {.on = D("2025-02-03"), .reason = "The leak is back"}, Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-02-17");
  // Another 10 within the Code: Mon 17 Feb +10 = Mon 3 Mar.
  c = Must(Extend(c, ExtendBy("2025-02-05", 10, "Survey"), Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-03-03");
  EXPECT_TRUE(LastExtension(c.current_stage()).within_code);
  EXPECT_EQ(c.current_stage().extensions.size(), 2u);

  // Answered again: the response is the new one, the first response date is kept for reporting.
  c = Must(Respond(c, Answer("2025-02-20"), Ctx()));
  ASSERT_TRUE(c.current_stage().response.has_value());
  EXPECT_EQ(c.current_stage().response->responded_on.ToIso(), "2025-02-20");
  EXPECT_EQ(Iso(c.current_stage().first_responded_on), "2025-01-31");
}

// A stage withdrawn before anyone acknowledged it is not acknowledged by its reopening: it awaits
// an acknowledgement again, due 5 working days after the reopening, and the response clock starts
// at that acknowledgement.
TEST(Reopen, AStageNeverAcknowledgedAwaitsAnAcknowledgementAgain) {
  Complaint c = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  c = Must(Withdraw(c, {.on = D("2024-12-23"), .reason = "Sorted"}, Ctx()));
  c = Must(Reopen(c, {.on = D("2025-01-06"), .reason = "Not sorted after all"}, Ctx()));
  EXPECT_EQ(Name(c.status), "awaiting_acknowledgement");
  EXPECT_EQ(Iso(c.current_stage().acknowledged_on), "none");
  EXPECT_EQ(c.current_stage().acknowledge_by.ToIso(), "2025-01-13");
  EXPECT_EQ(Iso(c.current_stage().respond_by), "none");
  ExpectFieldErrors(Acknowledge(c, {D("2025-01-03")}, Ctx()), {"on"});  // before the reopening

  c = Must(Acknowledge(c, {D("2025-01-08")}, Ctx()));
  EXPECT_EQ(Name(c.status), "in_progress");
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-01-22");

  // Acknowledged before it was answered and reopened: the response clock restarts at once.
  Complaint answered = Must(Log(NewComplaint(Regime::kHousing, "2024-12-20"), Ctx()));
  answered = Must(Acknowledge(answered, {D("2025-01-02")}, Ctx()));
  answered = Must(Respond(answered, Answer("2025-01-10"), Ctx()));
  answered = Must(Reopen(answered, {.on = D("2025-01-20"), .reason = "Missed a point"}, Ctx()));
  EXPECT_EQ(Name(answered.status), "in_progress");
  EXPECT_EQ(Iso(answered.current_stage().acknowledged_on), "2025-01-02");
  EXPECT_EQ(Iso(answered.current_stage().respond_by), "2025-02-03");
}

// ---- history that stays put ---------------------------------------------------------------------

RespondInput AnswerWithCompensation(std::string_view on, Outcome outcome, std::int64_t pence) {
  RespondInput input = Answer(on, outcome);
  input.remedies.push_back(MakeRemedy(RemedyType::kFinancial, pence, "For the damage"));
  return input;
}

struct HistoryRow {
  std::string_view journey;
  std::function<Complaint()> run;
  std::vector<std::string> earlier_responses;  // DescribeResponse of each, oldest first
  std::string_view standing;                   // DescribeResponse of the response, or "none"
  std::vector<std::string> reopenings;
  std::size_t earlier_refusals;
  std::size_t earlier_withdrawals;
};

// Reopening never destroys an answer, a refusal or a withdrawal: each is kept, whole, in the case's
// history, beside every reopening date.
TEST(Reopen, KeepsEveryResponseRefusalAndWithdrawal) {
  const HistoryRow rows[] = {
      {"answered £100, reopened, answered £300",
       [] {
         Complaint c = HousingCaseIn(CaseStatus::kInProgress);
         c = Must(Respond(c, AnswerWithCompensation("2025-01-14", Outcome::kUpheld, 10000), Ctx()));
         c = Must(Reopen(c, {.on = D("2025-02-03"), .reason = "The leak is back"}, Ctx()));
         return Must(
             Respond(c, AnswerWithCompensation("2025-02-10", Outcome::kUpheld, 30000), Ctx()));
       },
       {"2025-01-14: upheld, \u00a3100.00 compensation"},
       "2025-02-10: upheld, \u00a3300.00 compensation",
       {"2025-02-03"},
       0,
       0},
      {"answered, reopened twice, awaiting the third answer",
       [] {
         Complaint c = HousingCaseIn(CaseStatus::kResponded);
         c = Must(Reopen(c, {.on = D("2025-02-03"), .reason = "The leak is back"}, Ctx()));
         c = Must(Respond(c, Answer("2025-02-05", Outcome::kNotUpheld), Ctx()));
         return Must(Reopen(c, {.on = D("2025-02-06"), .reason = "Again"}, Ctx()));
       },
       {"2025-01-14: upheld", "2025-02-05: not_upheld"},
       "none",
       {"2025-02-03", "2025-02-06"},
       0,
       0},
      {"refused, reopened, refused again, reopened",
       [] {
         Complaint c = HousingCaseIn(CaseStatus::kNotAccepted);
         c = Must(Reopen(c, {.on = D("2025-01-09"), .reason = "It is recent"}, Ctx()));
         c = Must(Refuse(c,
                         {.on = D("2025-01-10"),
                          .reason = RefusalReason::kLegalProceedings,
                          .explanation = "In court; you may ask the Ombudsman."},
                         Ctx()));
         return Must(Reopen(c, {.on = D("2025-01-13"), .reason = "Case dropped"}, Ctx()));
       },
       {},
       "none",
       {"2025-01-09", "2025-01-13"},
       2,
       0},
      {"withdrawn, reopened",
       [] {
         Complaint c = HousingCaseIn(CaseStatus::kWithdrawn);
         return Must(Reopen(c, {.on = D("2025-01-09"), .reason = "Not sorted"}, Ctx()));
       },
       {},
       "none",
       {"2025-01-09"},
       0,
       1},
  };
  for (const HistoryRow& row : rows) {
    SCOPED_TRACE(row.journey);
    const Complaint c = row.run();
    const Stage& stage = c.current_stage();
    std::vector<std::string> earlier;
    for (const Response& response : stage.earlier_responses) {
      earlier.push_back(DescribeResponse(response));
    }
    EXPECT_EQ(earlier, row.earlier_responses);
    EXPECT_EQ(stage.response ? DescribeResponse(*stage.response) : "none", row.standing);
    std::vector<std::string> reopenings;
    for (Date on : stage.reopenings) reopenings.push_back(on.ToIso());
    EXPECT_EQ(reopenings, row.reopenings);
    EXPECT_EQ(c.earlier_refusals.size(), row.earlier_refusals);
    EXPECT_EQ(c.earlier_withdrawals.size(), row.earlier_withdrawals);
    EXPECT_FALSE(c.refusal.has_value());
    EXPECT_FALSE(c.withdrawal.has_value());
  }
}

// The timeline says what a re-answer superseded, and a reopening what it keeps on record.
TEST(Respond, AReAnswerNamesTheResponseItSupersedes) {
  Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  c = Must(Respond(c, AnswerWithCompensation("2025-01-14", Outcome::kUpheld, 10000), Ctx()));
  const Result<Transition> reopened =
      Reopen(c, {.on = D("2025-02-03"), .reason = "The leak is back"}, Ctx());
  ASSERT_TRUE(reopened.has_value());
  ExpectChange(reopened->event, "compensation_pence", "10000", "");
  EXPECT_NE(reopened->event.summary.find("2025-01-14: upheld, \u00a3100.00 compensation"),
            std::string::npos)
      << reopened->event.summary;
  const Result<Transition> answered =
      Respond(reopened->complaint,
              AnswerWithCompensation("2025-02-10", Outcome::kPartlyUpheld, 30000), Ctx());
  ASSERT_TRUE(answered.has_value());
  ExpectChange(answered->event, "supersedes_response", "",
               "2025-01-14: upheld, \u00a3100.00 compensation");
  ExpectChange(answered->event, "compensation_pence", "", "30000");
  EXPECT_NE(answered->event.summary.find("supersedes the response of 2025-01-14"),
            std::string::npos)
      << answered->event.summary;
}

// ---- failures change nothing --------------------------------------------------------------------

TEST(Purity, TheInputCaseIsUnchangedOnError) {
  for (CaseStatus status : kAllStatuses) {
    SCOPED_TRACE(Name(status));
    const Complaint original = HousingCaseIn(status);
    const Complaint copy = original;
    const CaseContext past = Ctx("alice", "2024-01-01");  // every date is now in the future
    EXPECT_FALSE(Acknowledge(original, {D("2025-02-03")}, past).has_value());
    EXPECT_FALSE(Extend(original, ExtendBy("2025-02-03", 0, ""), past).has_value());
    EXPECT_FALSE(Respond(original, RespondInput{}, past).has_value());
    EXPECT_FALSE(Escalate(original, EscalationOn("2025-02-03"), past).has_value());
    EXPECT_FALSE(
        Refuse(original, {D("2025-02-03"), std::nullopt, "", std::nullopt}, past).has_value());
    EXPECT_FALSE(Withdraw(original, {D("2025-02-03"), ""}, past).has_value());
    EXPECT_FALSE(Close(original, {D("2025-02-03")}, past).has_value());
    EXPECT_FALSE(Reopen(original, {D("2025-02-03"), ""}, past).has_value());
    EXPECT_FALSE(Reassign(original, {}, past).has_value());
    EXPECT_EQ(original, copy);
  }
}

}  // namespace
}  // namespace redress::core
