#include "core/procedure_transitions.hpp"

#include <gtest/gtest.h>

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"

// Expected dates counted by hand on the England and Wales calendar (bank holidays 25-26 Dec 2025,
// 1 Jan 2026). "+N" means the N-th working day strictly after.

namespace redress::core {
namespace {

using test_support::CaseName;
using test_support::D;
using test_support::ExpectFieldErrors;
using test_support::FieldNames;

constexpr std::string_view kToday = "2026-06-30";

std::string Iso(const std::optional<Date>& date) { return date ? date->ToIso() : "none"; }

const WorkingCalendar& Calendar() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

const std::set<std::string, std::less<>>& RootCauses() {
  static const std::set<std::string, std::less<>> codes{"communication"};
  return codes;
}

CaseContext Ctx(std::string actor = "alice", std::string_view today = kToday) {
  return CaseContext{&Calendar(), D(today), std::move(actor), &RootCauses()};
}

Complaint Must(const Result<Transition>& result) {
  if (!result) {
    ADD_FAILURE() << "transition failed: " << result.error().message;
    Complaint placeholder;
    placeholder.stages.emplace_back();
    return placeholder;
  }
  return result->complaint;
}

Complaint Logged(Regime regime, std::string_view received_on) {
  LogInput input;
  input.regime = regime;
  input.received_on = D(received_on);
  input.service_area = "children";
  input.category = "care";
  input.summary = "Contact arrangements";
  input.description = "Contact was cancelled three times.";
  input.complainant = Person{"Ann Example", "ann@example.org", "", "", ""};
  input.team = "childrens_complaints";
  input.handler = "alice";
  return Must(Log(input, Ctx()));
}

RespondInput Answer(std::string_view on) {
  RespondInput input;
  input.on = D(on);
  input.outcome = Outcome::kNotUpheld;
  input.root_causes = {"communication"};
  return input;
}

EscalateInput EscalationOn(std::string_view on, std::string handler) {
  return EscalateInput{.requested_on = D(on),
                       .reason = "",
                       .team = "childrens_complaints",
                       .handler = std::move(handler)};
}

// A children's complaint at stage 2, requested Mon 22 Sep 2025 and acknowledged.
Complaint AtInvestigation() {
  Complaint c = Logged(Regime::kChildren, "2025-08-18");
  c = Must(Respond(c, Answer("2025-09-01"), Ctx()));
  c = Must(Escalate(c, EscalationOn("2025-09-22", "carol"), Ctx()));
  return Must(Acknowledge(c, {D("2025-09-24")}, Ctx("carol")));
}

// The same complaint at stage 3, requested Wed 10 Dec 2025, with the stage 2 investigators.
Complaint AtReviewPanel() {
  Complaint c = AtInvestigation();
  c = Must(RecordInvestigation(c, {D("2025-09-26"), "Ian Officer", "Ida Independent"}, Ctx()));
  c = Must(Respond(c, Answer("2025-12-01"), Ctx("carol")));
  return Must(Escalate(c, EscalationOn("2025-12-10", "dave"), Ctx()));
}

// An adults' complaint received Mon 3 Mar 2025: due six months later, 3 Sep 2025, by default.
Complaint AtAdults() { return Logged(Regime::kAdults, "2025-03-03"); }

// ---- children's stage 2 -------------------------------------------------------------------------

TEST(Investigation, RecordsTheAgreedRecordAndTheInvestigatorsWithoutMovingThe25Days) {
  const Complaint c = AtInvestigation();
  const Result<Transition> recorded =
      RecordInvestigation(c, {D("2025-09-29"), "Ian Officer", "Ida Independent"}, Ctx());
  ASSERT_TRUE(recorded) << recorded.error().message;
  const Stage& stage = recorded->complaint.current_stage();
  ASSERT_TRUE(stage.procedure.investigation);
  EXPECT_EQ(stage.procedure.investigation->independent_person, "Ida Independent");
  // The rules file counts the 25 WD from the request (Mon 22 Sep +25 = Mon 27 Oct).
  EXPECT_EQ(Iso(stage.respond_by), "2025-10-27");
  EXPECT_EQ(recorded->event.type, EventType::kProcedureRecorded);
  EXPECT_EQ(recorded->event.occurred_on, D("2025-09-29"));
}

struct InvestigationCase {
  std::string_view name;
  std::string_view record_agreed_on;
  std::string investigating_officer;
  std::string independent_person;
  std::vector<std::string> fields;  // empty = accepted
  // The code of each offending field (none: the test checks only the names).
  std::vector<FieldErrorCode> codes = {};
};

const InvestigationCase kInvestigationCases[] = {
    {"Valid", "2025-09-29", "Ian Officer", "Ida Independent", {}},
    {"BeforeTheRequest", "2025-09-19", "Ian Officer", "Ida Independent", {"record_agreed_on"}},
    {"InTheFuture", "2026-07-01", "Ian Officer", "Ida Independent", {"record_agreed_on"}},
    {"NoOfficer",
     "2025-09-29",
     " ",
     "Ida Independent",
     {"investigating_officer"},
     {FieldErrorCode::kRequired}},
    {"NoIndependentPerson", "2025-09-29", "Ian Officer", "", {"independent_person"}},
    {"IndependentPersonIsTheOfficer",
     "2025-09-29",
     "Ian Officer",
     " ian officer ",
     {"independent_person"},
     {FieldErrorCode::kDuplicate}},
    {"EverythingWrong",
     "2025-01-01",
     "",
     "",
     {"record_agreed_on", "investigating_officer", "independent_person"}},
};

class InvestigationValidation : public testing::TestWithParam<InvestigationCase> {};

TEST_P(InvestigationValidation, NamesEveryBadField) {
  const InvestigationCase& t = GetParam();
  const Result<Transition> result = RecordInvestigation(
      AtInvestigation(), {D(t.record_agreed_on), t.investigating_officer, t.independent_person},
      Ctx());
  ExpectFieldErrors(result.has_value() ? Status() : Status(tl::unexpected(result.error())),
                    t.fields, t.codes);
}

INSTANTIATE_TEST_SUITE_P(Rules, InvestigationValidation, testing::ValuesIn(kInvestigationCases),
                         CaseName());

TEST(Adjudication, IsNeitherInvestigatorAndNotBeforeTheAgreedRecord) {
  Complaint c = AtInvestigation();
  c = Must(RecordInvestigation(c, {D("2025-09-29"), "Ian Officer", "Ida Independent"}, Ctx()));
  ExpectFieldErrors(
      Status(tl::unexpected(
          RecordAdjudication(c, {D("2025-09-26"), "Ida Independent"}, Ctx()).error())),
      {"on", "adjudicating_officer"});
  const Result<Transition> done = RecordAdjudication(c, {D("2025-10-20"), "Sam Senior"}, Ctx());
  ASSERT_TRUE(done) << done.error().message;
  ASSERT_TRUE(done->complaint.current_stage().procedure.adjudication);
  EXPECT_EQ(done->complaint.current_stage().procedure.adjudication->adjudicated_on,
            D("2025-10-20"));
}

struct WrongPlaceCase {
  std::string_view name;
  Regime regime;
};

TEST(ProcedureSteps, AreRefusedAtAStageWhoseRuleDoesNotNameThem) {
  const Complaint housing = Logged(Regime::kHousing, "2025-08-18");
  const Complaint children_stage1 = Logged(Regime::kChildren, "2025-08-18");
  for (const Complaint* c : {&housing, &children_stage1}) {
    const auto investigation =
        RecordInvestigation(*c, {D("2025-08-20"), "Ian Officer", "Ida Independent"}, Ctx());
    ASSERT_FALSE(investigation);
    EXPECT_EQ(investigation.error().code, ErrorCode::kTransitionNotAllowed);
    EXPECT_FALSE(RecordReviewPanel(*c, {D("2025-08-20"), {"A", "B", "C"}}, Ctx()));
    EXPECT_FALSE(AgreeResponsePeriod(*c, {D("2025-08-20"), D("2025-12-01")}, Ctx()));
  }
  EXPECT_FALSE(RecordInvestigation(AtAdults(), {D("2025-03-05"), "I", "P"}, Ctx()));
  EXPECT_FALSE(RecordReviewPanel(AtInvestigation(), {D("2025-09-30"), {"A", "B", "C"}}, Ctx()));
}

// ---- children's stage 3: three clocks -----------------------------------------------------------

struct PanelClockCase {
  std::string_view name;
  std::optional<std::string_view> met_on;
  std::optional<std::string_view> report_on;
  std::optional<std::string_view> responded_on;
  std::string_view meet_by;
  std::string_view report_by;
  std::string_view respond_by;
  StepTiming meeting;
  StepTiming report;
  StepTiming response;
};

using enum StepTiming;

// Requested Wed 10 Dec 2025: meet by +30 = Mon 26 Jan 2026; report +5 after the meeting; respond
// +15 after the report.
const PanelClockCase kPanelClockCases[] = {
    // Nothing recorded: 30 + 5 + 15 = 50 working days, as the single deadline was.
    {"NothingYet",
     {},
     {},
     {},
     "2026-01-26",
     "2026-02-02",
     "2026-02-23",
     kPending,
     kPending,
     kPending},
    // Met early (Wed 14 Jan): the report is due +5 = Wed 21 Jan and the response +15 after that
    // = Wed 11 Feb, twelve days before the single deadline.
    {"EarlyPanelBringsTheResponseForward",
     "2026-01-14",
     {},
     {},
     "2026-01-26",
     "2026-01-21",
     "2026-02-11",
     kOnTime,
     kPending,
     kPending},
    // Report received Tue 20 Jan: response +15 = Tue 10 Feb.
    {"ResponseCountsFromTheActualReport",
     "2026-01-14",
     "2026-01-20",
     {},
     "2026-01-26",
     "2026-01-21",
     "2026-02-10",
     kOnTime,
     kOnTime,
     kPending},
    // Answered 20 Feb after an early panel: on time by the 50 days, late by its own 15.
    {"LateResponseAfterAnEarlyPanel", "2026-01-14", "2026-01-20", "2026-02-20", "2026-01-26",
     "2026-01-21", "2026-02-10", kOnTime, kOnTime, kLate},
    // Met late (Tue 3 Feb): the meeting is late; report +5 = Tue 10 Feb; response +15 = Tue 3 Mar.
    {"LatePanelIsLateOnItsOwnClock",
     "2026-02-03",
     {},
     {},
     "2026-01-26",
     "2026-02-10",
     "2026-03-03",
     kLate,
     kPending,
     kPending},
    // Met on the day, report late (Fri 6 Feb, due Mon 2 Feb), response +15 = Fri 27 Feb, answered
    // on it: only the report is late.
    {"LateReportOnly", "2026-01-26", "2026-02-06", "2026-02-27", "2026-01-26", "2026-02-02",
     "2026-02-27", kOnTime, kLate, kOnTime},
};

class PanelClocks : public testing::TestWithParam<PanelClockCase> {};

TEST_P(PanelClocks, EachStepRunsFromTheActualStepBefore) {
  const PanelClockCase& t = GetParam();
  Complaint c = AtReviewPanel();
  c = Must(Acknowledge(c, {D("2025-12-12")}, Ctx("dave")));
  if (t.met_on) {
    c = Must(RecordReviewPanel(c, {D(*t.met_on), {"Pat Panel", "Quinn Panel", "Rae Panel"}},
                               Ctx("dave")));
  }
  if (t.report_on) c = Must(RecordPanelReport(c, {D(*t.report_on)}, Ctx("dave")));
  if (t.responded_on) c = Must(Respond(c, Answer(*t.responded_on), Ctx("dave")));
  const Stage& stage = c.current_stage();
  EXPECT_EQ(Iso(stage.procedure.panel_meet_by), t.meet_by);
  EXPECT_EQ(Iso(stage.procedure.panel_report_by), t.report_by);
  EXPECT_EQ(Iso(stage.respond_by), t.respond_by);
  const PanelTiming timing = JudgePanel(stage);
  EXPECT_EQ(timing.meeting, t.meeting);
  EXPECT_EQ(timing.report, t.report);
  EXPECT_EQ(timing.response, t.response);
}

INSTANTIATE_TEST_SUITE_P(Rules, PanelClocks, testing::ValuesIn(kPanelClockCases), CaseName());

TEST(PanelClocks, TheNextStepDueIsThePendingOne) {
  Complaint c = Must(Acknowledge(AtReviewPanel(), {D("2025-12-12")}, Ctx("dave")));
  EXPECT_EQ(Iso(NextStepDue(c.current_stage())), "2026-01-26");
  c = Must(RecordReviewPanel(c, {D("2026-01-14"), {"Pat", "Quinn", "Rae"}}, Ctx("dave")));
  EXPECT_EQ(Iso(NextStepDue(c.current_stage())), "2026-01-21");
  c = Must(RecordPanelReport(c, {D("2026-01-20")}, Ctx("dave")));
  EXPECT_EQ(Iso(NextStepDue(c.current_stage())), "2026-02-10");
}

TEST(PanelClocks, TheEventNamesTheMovedDeadlines) {
  const Complaint c = Must(Acknowledge(AtReviewPanel(), {D("2025-12-12")}, Ctx("dave")));
  const Result<Transition> met =
      RecordReviewPanel(c, {D("2026-01-14"), {"Pat", "Quinn", "Rae"}}, Ctx("dave"));
  ASSERT_TRUE(met) << met.error().message;
  std::vector<std::string> fields;
  for (const Change& change : met->event.changes) fields.push_back(change.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"respond_by_original", "respond_by", "panel_met_on",
                                              "panel_members", "panel_report_by"}));
}

struct PanelCase {
  std::string_view name;
  std::string_view met_on;
  std::vector<std::string> members;
  std::vector<std::string> fields;
};

const PanelCase kPanelCases[] = {
    {"Valid", "2026-01-14", {"Pat", "Quinn", "Rae"}, {}},
    {"TwoMembers", "2026-01-14", {"Pat", "Quinn"}, {"members"}},
    {"FourMembers", "2026-01-14", {"Pat", "Quinn", "Rae", "Sol"}, {"members"}},
    {"BlankMember", "2026-01-14", {"Pat", "", "Rae"}, {"members[1]"}},
    {"SamePersonTwice", "2026-01-14", {"Pat", "Quinn", "pat"}, {"members[2]"}},
    {"StageTwoIndependentPerson", "2026-01-14", {"Pat", "Ida Independent", "Rae"}, {"members[1]"}},
    {"StageTwoInvestigatingOfficer", "2026-01-14", {"Ian Officer", "Quinn", "Rae"}, {"members[0]"}},
    {"BeforeTheRequest", "2025-12-09", {"Pat", "Quinn", "Rae"}, {"met_on"}},
    {"EverythingWrong", "2027-01-01", {"Pat", "Pat"}, {"met_on", "members", "members[1]"}},
};

class PanelValidation : public testing::TestWithParam<PanelCase> {};

TEST_P(PanelValidation, NamesEveryBadField) {
  const PanelCase& t = GetParam();
  const Result<Transition> result =
      RecordReviewPanel(AtReviewPanel(), {D(t.met_on), t.members}, Ctx("dave"));
  ExpectFieldErrors(result.has_value() ? Status() : Status(tl::unexpected(result.error())),
                    t.fields);
}

INSTANTIATE_TEST_SUITE_P(Rules, PanelValidation, testing::ValuesIn(kPanelCases), CaseName());

TEST(PanelReport, NeedsThePanelFirstAndNotBeforeItMet) {
  Complaint c = AtReviewPanel();
  const auto first = RecordPanelReport(c, {D("2026-01-20")}, Ctx());
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kTransitionNotAllowed);
  c = Must(RecordReviewPanel(c, {D("2026-01-14"), {"Pat", "Quinn", "Rae"}}, Ctx()));
  ExpectFieldErrors(Status(tl::unexpected(RecordPanelReport(c, {D("2026-01-13")}, Ctx()).error())),
                    {"on"});
}

// ---- adults
// ---------------------------------------------------------------------------------------

TEST(AdultsPeriod, DefaultsToSixMonthsAndFollowsTheAgreedPeriod) {
  Complaint c = AtAdults();
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-09-03");
  c = Must(AgreeResponsePeriod(c, {D("2025-04-01"), D("2025-10-31")}, Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by_original), "2025-10-31");
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-10-31");
  // A shorter period may be agreed too; a second agreement replaces the first.
  c = Must(AgreeResponsePeriod(c, {D("2025-05-01"), D("2025-07-31")}, Ctx()));
  EXPECT_EQ(Iso(c.current_stage().respond_by), "2025-07-31");
}

struct PeriodCase {
  std::string_view name;
  std::string_view agreed_on;
  std::string_view respond_by;
  std::vector<std::string> fields;
  // The code of each offending field (none: the test checks only the names).
  std::vector<FieldErrorCode> codes = {};
};

const PeriodCase kPeriodCases[] = {
    {"Valid", "2025-04-01", "2025-12-31", {}},
    {"OnTheLastDayOfTheDefault", "2025-09-03", "2025-12-31", {}},
    {"AfterTheDefaultExpired",
     "2025-09-04",
     "2025-12-31",
     {"agreed_on"},
     {FieldErrorCode::kDateTooLate}},
    {"BeforeReceipt", "2025-03-02", "2025-12-31", {"agreed_on"}},
    {"DueBeforeItIsAgreed",
     "2025-04-01",
     "2025-04-01",
     {"respond_by"},
     {FieldErrorCode::kDateTooEarly}},
    {"DueOutsideTheCalendar",
     "2025-04-01",
     "2101-01-01",
     {"respond_by"},
     {FieldErrorCode::kInvalidDate}},
};

class PeriodValidation : public testing::TestWithParam<PeriodCase> {};

TEST_P(PeriodValidation, NamesEveryBadField) {
  const PeriodCase& t = GetParam();
  const Result<Transition> result =
      AgreeResponsePeriod(AtAdults(), {D(t.agreed_on), D(t.respond_by)}, Ctx());
  ExpectFieldErrors(result.has_value() ? Status() : Status(tl::unexpected(result.error())),
                    t.fields, t.codes);
}

INSTANTIATE_TEST_SUITE_P(Rules, PeriodValidation, testing::ValuesIn(kPeriodCases), CaseName());

struct LateNoticeCase {
  std::string_view name;
  std::string_view on;
  std::string reason;
  std::optional<std::string_view> expected_by;
  std::vector<std::string> fields;
};

// Due Wed 3 Sep 2025 (six months from Mon 3 Mar).
const LateNoticeCase kLateNoticeCases[] = {
    {"AfterTheDueDate", "2025-09-04", "Awaiting the care provider's records", {}, {}},
    {"BeforeWithALaterExpectedDate", "2025-08-20", "Awaiting records", "2025-09-30", {}},
    {"NotLate", "2025-08-20", "Awaiting records", {}, {"expected_by"}},
    {"ExpectedOnTime", "2025-08-20", "Awaiting records", "2025-09-03", {"expected_by"}},
    {"ExpectedBeforeTheNotice", "2025-09-10", "Awaiting records", "2025-09-09", {"expected_by"}},
    {"NoReason", "2025-09-04", " ", {}, {"reason"}},
    {"BeforeReceipt", "2025-03-01", "", {}, {"on", "reason", "expected_by"}},
};

class LateNoticeValidation : public testing::TestWithParam<LateNoticeCase> {};

TEST_P(LateNoticeValidation, IsAllowedOnlyWhenTheResponseWillBeLate) {
  const LateNoticeCase& t = GetParam();
  LateNoticeInput input{D(t.on), t.reason, std::nullopt};
  if (t.expected_by) input.expected_by = D(*t.expected_by);
  const Result<Transition> result = NotifyLateResponse(AtAdults(), input, Ctx());
  ExpectFieldErrors(result.has_value() ? Status() : Status(tl::unexpected(result.error())),
                    t.fields);
}

INSTANTIATE_TEST_SUITE_P(Rules, LateNoticeValidation, testing::ValuesIn(kLateNoticeCases),
                         CaseName());

TEST(LateNotice, CountsAgainstTheAgreedPeriod) {
  Complaint c = Must(AgreeResponsePeriod(AtAdults(), {D("2025-04-01"), D("2025-10-31")}, Ctx()));
  // 4 Sep is after the default but within the agreed period: not late.
  EXPECT_FALSE(NotifyLateResponse(c, {D("2025-09-04"), "Awaiting records", std::nullopt}, Ctx()));
  EXPECT_TRUE(NotifyLateResponse(c, {D("2025-11-03"), "Awaiting records", std::nullopt}, Ctx()));
}

struct OfferCase {
  std::string_view name;
  std::string_view on;
  std::optional<DiscussionTakeUp> take_up;
  std::vector<std::string> fields;
};

const OfferCase kOfferCases[] = {
    {"Valid", "2025-03-04", DiscussionTakeUp::kTakenUp, {}},
    {"NoTakeUp", "2025-03-04", std::nullopt, {"take_up"}},
    {"BeforeReceipt", "2025-02-28", DiscussionTakeUp::kDeclined, {"on"}},
};

class OfferValidation : public testing::TestWithParam<OfferCase> {};

TEST_P(OfferValidation, NamesEveryBadField) {
  const OfferCase& t = GetParam();
  const Result<Transition> result = RecordDiscussionOffer(
      AtAdults(), {D(t.on), t.take_up, "Phoned; agreed weekly updates"}, Ctx());
  ExpectFieldErrors(result.has_value() ? Status() : Status(tl::unexpected(result.error())),
                    t.fields);
}

INSTANTIATE_TEST_SUITE_P(Rules, OfferValidation, testing::ValuesIn(kOfferCases), CaseName());

TEST(DiscussionTakeUp, NamesRoundTrip) {
  for (DiscussionTakeUp value :
       {DiscussionTakeUp::kTakenUp, DiscussionTakeUp::kDeclined, DiscussionTakeUp::kNoReply}) {
    EXPECT_EQ(ParseDiscussionTakeUp(ToString(value)), value);
  }
  EXPECT_FALSE(ParseDiscussionTakeUp("maybe"));
}

}  // namespace
}  // namespace redress::core
