#include "core/transitions.hpp"

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
#include "core/transitions_test_support.hpp"

// Every expected date below was counted by hand on the England and Wales calendar (bank holidays
// 25-26 Dec 2024, 1 Jan 2025, 18 and 21 Apr 2025, 5 and 26 May 2025, 25 Aug 2025, 25-26 Dec 2025,
// 1 Jan 2026, 3 and 6 Apr 2026). "+N" in a comment means the N-th working day strictly after.

// Inside test_support, so that the shared fixtures (transitions_test_support.hpp) are found
// without a using-declaration each.
namespace redress::core::test_support {
namespace {

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
      // Within the limit, the reason and the date are named for that one cause; a date refused on
      // its own (after receipt, in the future) has its own code.
      const bool within = std::ranges::find(row.fields, "reason") != row.fields.end();
      for (const FieldError& field : result.error().fields) {
        EXPECT_EQ(field.code == FieldErrorCode::kWithinTimeLimit, within) << field.field;
      }
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
}  // namespace redress::core::test_support
