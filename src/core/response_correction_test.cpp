// CorrectResponse (transitions.hpp): a response recorded in error corrected in place, the one
// recorded kept in the event, before and after.

#include <gtest/gtest.h>

#include "core/case_actions.hpp"
#include "core/transitions.hpp"
#include "core/transitions_test_support.hpp"

namespace redress::core {
namespace {

using namespace test_support;  // NOLINT(google-build-using-namespace): the fixtures of the suite

// Stage 1 of a housing complaint answered by bob on 14 January 2025, not upheld.
Complaint Answered() {
  Complaint c = HousingCaseIn(CaseStatus::kInProgress);
  return Must(Respond(c, Answer("2025-01-14", Outcome::kNotUpheld), Ctx("bob")));
}

CorrectResponseInput Correction(std::string_view on, Outcome outcome, std::string reason) {
  CorrectResponseInput input;
  input.on = D(on);
  input.corrected = Answer("2026-06-30", outcome);  // its date is not the response's
  input.reason = std::move(reason);
  return input;
}

TEST(CorrectResponse, ReplacesWhatWasRecordedAndKeepsItInTheEvent) {
  const Complaint c = Answered();
  const Result<Transition> result = CorrectResponse(
      c, Correction("2025-02-03", Outcome::kUpheld, "the wrong outcome was chosen"), Ctx("carol"));
  ASSERT_TRUE(result.has_value()) << result.error().message;
  const Stage& stage = result->complaint.current_stage();
  ASSERT_TRUE(stage.response.has_value());
  EXPECT_EQ(stage.response->outcome, Outcome::kUpheld);
  // The complainant was answered on the 14th, by bob: the correction moves neither.
  EXPECT_EQ(stage.response->responded_on.ToIso(), "2025-01-14");
  EXPECT_EQ(stage.response->responded_by, "bob");
  EXPECT_EQ(Iso(stage.first_responded_on), "2025-01-14");
  EXPECT_EQ(Name(result->complaint.status), "responded");
  EXPECT_TRUE(stage.earlier_responses.empty()) << "a correction supersedes no answer";
  EXPECT_EQ(result->event.type, EventType::kResponseCorrected);
  EXPECT_EQ(result->event.occurred_on.ToIso(), "2025-02-03");
  EXPECT_EQ(result->event.actor, "carol");
  ExpectChange(result->event, "outcome", "not_upheld", "upheld");
  ExpectChange(result->event, "correction_reason", "", "the wrong outcome was chosen");
}

TEST(CorrectResponse, NeedsAnAnswerToCorrectAndSomeoneWhoMayAnswer) {
  ExpectNotAllowed(CorrectResponse(HousingCaseIn(CaseStatus::kInProgress),
                                   Correction("2025-02-03", Outcome::kUpheld, "why"), Ctx()),
                   "cannot correct the response of a complaint that is in_progress");
  // At stage 2, stage 1's handler (alice) or responder (bob) may not correct stage 2's answer.
  Complaint c = Answered();
  c = Must(Escalate(c, EscalationOn("2025-01-20"), Ctx()));
  c = Must(Acknowledge(c, {D("2025-01-21")}, Ctx("carol")));
  c = Must(Respond(c, Answer("2025-01-28"), Ctx("carol")));
  ExpectNotAllowed(
      CorrectResponse(c, Correction("2025-02-03", Outcome::kNotUpheld, "why"), Ctx("bob")),
      "Code 6.13");
  EXPECT_TRUE(
      CorrectResponse(c, Correction("2025-02-03", Outcome::kPartlyUpheld, "why"), Ctx("carol"))
          .has_value());
}

TEST(CorrectResponse, ReportsEveryFieldErrorAtOnce) {
  CorrectResponseInput input = Correction("2027-01-01", Outcome::kUpheld, " ");
  input.corrected.outcome.reset();
  input.corrected.root_causes = {};
  ExpectFieldErrors(CorrectResponse(Answered(), input, Ctx()),
                    {"on", "outcome", "root_causes", "reason"},
                    {FieldErrorCode::kDateInFuture, FieldErrorCode::kRequired,
                     FieldErrorCode::kRequired, FieldErrorCode::kRequired});
  ExpectFieldErrors(
      CorrectResponse(Answered(), Correction("2025-01-13", Outcome::kUpheld, "why"), Ctx()), {"on"},
      {FieldErrorCode::kDateTooEarly});
}

TEST(CorrectResponse, ThatChangesNothingIsRefused) {
  const Complaint c = Answered();
  ExpectFieldErrors(
      CorrectResponse(c, Correction("2025-02-03", Outcome::kNotUpheld, "no change"), Ctx()),
      {"outcome"}, {FieldErrorCode::kInvalid});
}

TEST(CorrectResponse, IsOfferedOnlyWhereAResponseStands) {
  EXPECT_TRUE(StateAllows(Answered(), CaseActionKind::kCorrectResponse));
  EXPECT_FALSE(
      StateAllows(HousingCaseIn(CaseStatus::kInProgress), CaseActionKind::kCorrectResponse));
}

}  // namespace
}  // namespace redress::core
