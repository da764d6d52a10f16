#pragma once

// The case transitions' tests' shared fixtures: a calendar, a context, a complaint of each regime,
// inputs for each transition and checks of their results. Test code only (transitions_test.cpp,
// transition_deadlines_test.cpp, transition_status_test.cpp).
//
// Every expected date below was counted by hand on the England and Wales calendar (bank holidays
// 25-26 Dec 2024, 1 Jan 2025, 18 and 21 Apr 2025, 5 and 26 May 2025, 25 Aug 2025, 25-26 Dec 2025,
// 1 Jan 2026, 3 and 6 Apr 2026). "+N" in a comment means the N-th working day strictly after.

#include <gtest/gtest.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/test_support.hpp"
#include "core/transitions.hpp"

namespace redress::core::test_support {

// Late enough for every journey below; tests about the future pass their own "today".
inline constexpr std::string_view kToday = "2026-06-30";

// Dates are compared as ISO text so failures read as dates.
inline std::string Iso(const std::optional<Date>& date) { return date ? date->ToIso() : "none"; }
inline std::string Name(CaseStatus status) { return std::string(ToString(status)); }

inline const WorkingCalendar& Calendar() {
  static const WorkingCalendar calendar(Division::kEnglandAndWales);
  return calendar;
}

inline const std::set<std::string, std::less<>>& RootCauses() {
  static const std::set<std::string, std::less<>> codes{"communication", "repairs_delay",
                                                        "staff_conduct"};
  return codes;
}

inline CaseContext Ctx(std::string actor = "alice", std::string_view today = kToday) {
  return CaseContext{&Calendar(), D(today), std::move(actor), &RootCauses()};
}

inline LogInput NewComplaint(Regime regime, std::string_view received_on) {
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

inline ExtendInput ExtendBy(std::string_view on, int working_days, std::string reason,
                            std::string good_reason = "") {
  return ExtendInput{D(on), working_days, std::move(reason), std::move(good_reason)};
}

inline Remedy MakeRemedy(RemedyType type, std::int64_t amount_pence = 0,
                         std::string description = "") {
  return Remedy{type, amount_pence, std::move(description)};
}

inline Action MakeAction(std::string description, std::optional<Date> due_on = std::nullopt) {
  Action action;
  action.description = std::move(description);
  action.due_on = due_on;
  return action;
}

// An extension as WithDeadlines sees it: only the decision date and the length matter.
inline Extension Decided(std::string_view on, int working_days) {
  Extension extension{};
  extension.decided_on = D(on);
  extension.working_days = working_days;
  return extension;
}

inline RespondInput Answer(std::string_view on, Outcome outcome = Outcome::kUpheld) {
  RespondInput input;
  input.on = D(on);
  input.outcome = outcome;
  input.root_causes = {"repairs_delay"};
  input.remedies = {MakeRemedy(RemedyType::kApology, 0, "Apology for the delay")};
  input.learning = "Repairs reported three times are inspected within a week.";
  return input;
}

inline EscalateInput EscalationOn(std::string_view requested_on, std::string handler = "") {
  return EscalateInput{.requested_on = D(requested_on),
                       .reason = "",
                       .team = "complaints",
                       .handler = std::move(handler)};
}

// The case a successful transition produced; a failure is reported and yields a one-stage
// placeholder so that the test fails without undefined behaviour.
inline Complaint Must(const Result<Transition>& result) {
  if (!result) {
    ADD_FAILURE() << "transition failed: " << result.error().message;
    Complaint placeholder;
    placeholder.stages.emplace_back();
    return placeholder;
  }
  return result->complaint;
}

// The stage's latest extension; a missing one is a test failure, not a crash.
inline Extension LastExtension(const Stage& stage) {
  if (stage.extensions.empty()) {
    ADD_FAILURE() << "the stage has no extension";
    return Extension{};
  }
  return stage.extensions.back();
}

inline void ExpectNotAllowed(const Result<Transition>& result, std::string_view mentions) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kTransitionNotAllowed);
  EXPECT_NE(result.error().message.find(mentions), std::string::npos) << result.error().message;
}

inline void ExpectFieldErrors(const Result<Transition>& result,
                              const std::vector<std::string>& fields) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().code, ErrorCode::kInvalidInput) << result.error().message;
  EXPECT_EQ(FieldNames(result.error()), fields) << result.error().message;
}

// As above, and each offending field has its code (none given: only the names are checked).
inline void ExpectFieldErrors(const Result<Transition>& result,
                              const std::vector<std::string>& fields,
                              const std::vector<FieldErrorCode>& codes) {
  ExpectFieldErrors(result, fields);
  if (result.has_value() || codes.empty()) return;
  std::vector<std::string> expected;
  for (FieldErrorCode code : codes) expected.emplace_back(ToString(code));
  EXPECT_EQ(test_support::FieldCodes(result.error()), expected);
}

inline const Change* FindChange(const CaseEvent& event, std::string_view field) {
  for (const Change& change : event.changes) {
    if (change.field == field) return &change;
  }
  return nullptr;
}

inline void ExpectChange(const CaseEvent& event, std::string_view field, std::string_view before,
                         std::string_view after) {
  const Change* change = FindChange(event, field);
  ASSERT_NE(change, nullptr) << "no change of " << field;
  EXPECT_EQ(change->before, before) << field;
  EXPECT_EQ(change->after, after) << field;
}

// A housing stage 1 case in each status: logged Mon 6 Jan 2025, acknowledged 7 Jan, answered 14
// Jan, closed 20 Jan; refused from awaiting acknowledgement, withdrawn from in progress.
inline Complaint HousingCaseIn(CaseStatus status) {
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

inline constexpr CaseStatus kAllStatuses[] = {CaseStatus::kAwaitingAcknowledgement,
                                              CaseStatus::kInProgress,
                                              CaseStatus::kResponded,
                                              CaseStatus::kClosed,
                                              CaseStatus::kNotAccepted,
                                              CaseStatus::kWithdrawn};

}  // namespace redress::core::test_support
