#pragma once

// The case state machine. Each transition is a pure function: the case as it is, the input, and
// the context (calendar, taxonomy, who, today) in; the new case and the event out, or an error
// naming what is wrong. On error nothing has changed (the input case is const).
//
// Allowed transitions (status at the current stage):
//
//   action       from                                         to
//   Acknowledge  awaiting_acknowledgement                     in_progress
//   Extend       in_progress                                  in_progress (respond_by moved)
//   Respond      awaiting_acknowledgement (acknowledges       responded, or closed at the final
//                implicitly), in_progress                      stage
//   Escalate     responded, closed (not at the final stage)   awaiting_acknowledgement, stage + 1
//   Refuse       awaiting_acknowledgement, in_progress        not_accepted
//   Withdraw     awaiting_acknowledgement, in_progress        withdrawn
//   Close        responded                                    closed
//   Reopen       responded, closed, withdrawn, not_accepted   in_progress at the current stage
//                                                             (awaiting_acknowledgement if the
//                                                             stage was never acknowledged)
//                                                             (respond clock restarts)
//   Reassign     awaiting_acknowledgement, in_progress,       unchanged (team/handler changed)
//                responded
//   CorrectResponse responded, closed (the current stage's   unchanged (the response that
//                response)                                    stands corrected)
//
// Everything else is refused with ErrorCode::kTransitionNotAllowed. The "from" column is written
// once, as core::StatusesAllowing (case_actions.hpp), which also gives the actions open on a case.

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/regime_calendars.hpp"
#include "core/result.hpp"

namespace redress::core {

// What every transition needs besides the case and the input.
struct CaseContext {
  // The organisation's calendar, never null; each regime's clocks count on the calendar
  // CalendarFor gives for it (the statutory regimes ignore this one).
  const WorkingCalendar* calendar = nullptr;
  Date today;         // dates in the future are refused
  std::string actor;  // username of who acts
  // Codes of the organisation's active root causes; Respond refuses any other.
  const std::set<std::string, std::less<>>* root_causes = nullptr;
};

struct Transition {
  Complaint complaint;
  CaseEvent event;
};

// A new complaint as logged. The team comes from routing (routing.hpp).
struct LogInput {
  Regime regime = Regime::kCorporate;
  Channel channel = Channel::kEmail;
  Date received_on;
  std::optional<Date> matter_arose_on;  // optional; not after received_on
  std::string service_area;
  std::string category;
  std::string summary;
  std::string description;
  std::string desired_outcome;
  Person complainant;
  std::optional<Person> representative;
  std::string team;
  std::string handler;
  std::string service_request_reference;
  std::vector<std::string> possible_repeat_of;
};

// Builds the stage 1 case; reference, id and version are the store's. Validates the input
// (summary, complainant name and a way to reach them, received_on not in the future and within
// the calendar range, matter_arose_on not after received_on). Its deadlines follow the Code
// version in force on received_on (CodeVersionFor).
Result<Transition> Log(const LogInput& input, const CaseContext& context);

struct AcknowledgeInput {
  Date on;
};
Result<Transition> Acknowledge(const Complaint& complaint, const AcknowledgeInput& input,
                               const CaseContext& context);

struct ExtendInput {
  Date on;  // when the extension was decided and told to the complainant
  int working_days = 0;
  std::string reason;       // required: told to the complainant
  std::string good_reason;  // required when the total extension exceeds the Code's limit
};
Result<Transition> Extend(const Complaint& complaint, const ExtendInput& input,
                          const CaseContext& context);

struct RespondInput {
  Date on;
  std::optional<Outcome> outcome;  // required
  std::vector<std::string> root_causes;
  std::vector<Remedy> remedies;  // at least one unless not upheld
  std::vector<Action> actions;
  std::string learning;
};
Result<Transition> Respond(const Complaint& complaint, const RespondInput& input,
                           const CaseContext& context);

// A response recorded in error, corrected: what the stage's answer says (outcome, root causes,
// remedies, actions, learning) replaced by `corrected`, whose checks are Respond's. The response's
// date and author stay, as the complainant was answered on that date; the correction is dated
// `on` (not before the response, not in the future) and needs a `reason`. The event
// (kResponseCorrected) keeps every corrected field before and after, so the audit trail and the
// timeline keep the version recorded in error. Refused (kTransitionNotAllowed) to whoever may
// not answer the stage (MayHandleStage); kInvalidInput when the correction changes nothing.
// Distinct from Reopen, which says the answer itself was inadequate and restarts the clock.
struct CorrectResponseInput {
  Date on;
  RespondInput corrected;  // its `on` is ignored: the response's date stays
  std::string reason;      // required: why the record was wrong
};
Result<Transition> CorrectResponse(const Complaint& complaint, const CorrectResponseInput& input,
                                   const CaseContext& context);

struct EscalateInput {
  Date requested_on;
  std::string reason;   // optional: the complainant need not give one (Code 6.12)
  std::string team;     // from routing for the next stage
  std::string handler;  // optional; must not have handled an earlier stage
};
Result<Transition> Escalate(const Complaint& complaint, const EscalateInput& input,
                            const CaseContext& context);

struct RefuseInput {
  Date on;
  std::optional<RefusalReason> reason;  // required
  std::string explanation;              // required
  // Records (or corrects) when the matter arose; not after received_on. A refusal as older than
  // the time limit needs this date, here or already on the complaint, and is accepted only when
  // the complaint was received beyond the limit (time_limit.hpp); the refusal is always a choice.
  std::optional<Date> matter_arose_on;
};
Result<Transition> Refuse(const Complaint& complaint, const RefuseInput& input,
                          const CaseContext& context);

struct WithdrawInput {
  Date on;
  std::string reason;
};
Result<Transition> Withdraw(const Complaint& complaint, const WithdrawInput& input,
                            const CaseContext& context);

struct CloseInput {
  Date on;
};
Result<Transition> Close(const Complaint& complaint, const CloseInput& input,
                         const CaseContext& context);

struct ReopenInput {
  Date on;
  std::string reason;  // required
};
Result<Transition> Reopen(const Complaint& complaint, const ReopenInput& input,
                          const CaseContext& context);

// The running clock of an open complaint (awaiting acknowledgement or in progress) derived again
// from the stage's recorded facts on `context`'s calendars, after the calendar its regime counts
// on changed (a closure day added or removed, the division changed): a transition whose event
// names why and the deadlines that moved, dated today; nullopt when nothing moved or the clock is
// not running. Answered stages keep the deadlines they were judged by.
std::optional<Transition> RecalculateDeadlines(const Complaint& complaint,
                                               const CaseContext& context, std::string_view why);

struct ReassignInput {
  std::string team;     // empty = unchanged
  std::string handler;  // empty = unchanged; must not have handled an earlier stage
};
Result<Transition> Reassign(const Complaint& complaint, const ReassignInput& input,
                            const CaseContext& context);

// Recomputes a stage's acknowledge_by, respond_by_original and respond_by from its recorded facts
// (start, acknowledgement, extensions) on `calendar`: deadlines are never edited by hand.
Stage WithDeadlines(Stage stage, const StageRule& rule, const WorkingCalendar& calendar);

}  // namespace redress::core
