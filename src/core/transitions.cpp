#include "core/transitions.hpp"

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <span>
#include <string_view>
#include <utility>

#include "core/case_actions.hpp"
#include "core/procedure_transitions.hpp"
#include "core/time_limit.hpp"
#include "core/transition_support.hpp"
#include "core/validation.hpp"

namespace redress::core {
namespace {

using internal::CalendarOf;
using internal::CheckDate;
using internal::CurrentRule;
using internal::DateText;
using internal::Earliest;
using internal::FinishTransition;
using internal::IndexedField;
using internal::RecordChange;
using internal::RefreshCaseDeadlines;
using internal::RequireCaseStatus;
using internal::RequireText;
using internal::StageClockDate;
using internal::StageLabel;
using internal::StatusSince;
using internal::ValidateActions;
using internal::ValidateRemedies;
using internal::ValidateRootCauses;

// The longest single extension accepted: about six months of working days. Anything longer is a
// typing error, not a decision.
constexpr int kMaxExtensionWorkingDays = 130;

// How the regime is named in messages to staff.
std::string_view RegimeDescription(Regime regime) {
  switch (regime) {
    case Regime::kHousing:
      return "housing";
    case Regime::kCorporate:
      return "corporate";
    case Regime::kChildren:
      return "children's social care";
    case Regime::kAdults:
      return "adult social care";
  }
  return {};
}

// Code 6.13: whoever handled or answered an earlier stage may not handle a later one. Applied to
// every regime: a later stage is always a fresh look at the complaint.
Status RequireIndependent(const Complaint& complaint, int stage_number, std::string_view person) {
  if (!HandledEarlierStage(complaint, stage_number, person)) return {};
  for (const Stage& earlier : complaint.stages) {
    if (HandledEarlierStage(complaint, earlier.number + 1, person)) {
      return Fail(ErrorCode::kTransitionNotAllowed,
                  std::string(person) + " handled or answered " + StageLabel(earlier.number) +
                      " and so cannot handle " + StageLabel(stage_number) +
                      ": a later stage must be handled by someone else (Code 6.13)");
    }
  }
  return {};
}

Date AddPeriod(Date from, const Period& period, const WorkingCalendar& calendar) {
  switch (period.unit) {
    case PeriodUnit::kWorkingDays:
      return calendar.AddWorkingDays(from, period.amount);
    case PeriodUnit::kCalendarMonths:
      return from.AddMonths(period.amount);
  }
  assert(false && "unknown period unit");
  return from;
}

// Extensions made since the stage's clock last (re)started: a reopening starts afresh.
bool CountsTowardsClock(const Stage& stage, const Extension& extension) {
  return !stage.reopened_on || extension.decided_on >= *stage.reopened_on;
}

int ExtendedWorkingDays(const Stage& stage) {
  int total = 0;
  for (const Extension& extension : stage.extensions) {
    if (CountsTowardsClock(stage, extension)) total += extension.working_days;
  }
  return total;
}

// Why an extension goes outside the Code, or "" when it stays within: the total extension at the
// stage (since any reopening) beyond the rule's limit, or an extension decided after the due date.
// Precondition: the stage's respond clock has started (respond_by is set).
std::string WhyOutsideCode(const Stage& stage, const StageRule& rule, const ExtendInput& input) {
  const std::optional<int> limit = rule.extension_limit_working_days;
  const int total = ExtendedWorkingDays(stage) + input.working_days;
  if (limit && total > *limit) {
    return "extensions at this stage would total " + std::to_string(total) +
           " working days, beyond the limit of " + std::to_string(*limit);
  }
  // The notice of an extension must go out within the original timescale (rules 1.3, HO Code
  // 6.4): one decided after the original due date is outside the Code even when an earlier
  // extension had moved the due date on.
  const Date original = stage.respond_by_original.value_or(*stage.respond_by);
  if (input.on > original) {
    return "the extension is decided after the original due date (" + original.ToIso() + ")";
  }
  return {};
}

// ---- Log ----------------------------------------------------------------------------------------

// The date the matter arose: a real date, not in the future, not after the complaint's receipt.
// False when it is given and wrong (the error is added).
bool CheckMatterArose(FieldErrors& errors, std::optional<Date> matter_arose_on, Date received_on,
                      Date today) {
  if (!matter_arose_on) return true;
  if (!InCalendarRange(*matter_arose_on) || *matter_arose_on > today) {
    CheckDate(errors, "matter_arose_on", *matter_arose_on, today, std::nullopt);
    return false;
  }
  if (*matter_arose_on > received_on) {
    errors.Add("matter_arose_on",
               "must not be after the complaint was received (" + received_on.ToIso() + ")",
               FieldErrorCode::kDateTooLate);
    return false;
  }
  return true;
}

void ValidateLog(const LogInput& input, const CaseContext& context, FieldErrors& errors) {
  CheckDate(errors, "received_on", input.received_on, context.today, std::nullopt);
  CheckMatterArose(errors, input.matter_arose_on, input.received_on, context.today);
  ValidateSummary(input.summary, errors);
  RequireText(errors, "description", input.description, "a description is required");
  RequireText(errors, "service_area", input.service_area, "a service area is required");
  RequireText(errors, "category", input.category, "a category is required");
  RequireText(errors, "team", input.team, "a team is required");
  ValidatePerson(input.complainant, "complainant", errors);
}

// ---- Respond ------------------------------------------------------------------------------------

}  // namespace

// ---- deadlines ----------------------------------------------------------------------------------

Stage WithDeadlines(Stage stage, const StageRule& rule, const WorkingCalendar& calendar) {
  // A stage reopened before anyone acknowledged it (withdrawn or refused first) is acknowledged
  // afresh: both clocks count from the reopening, as for a new stage.
  const bool acknowledged_afresh =
      stage.reopened_on && (!stage.acknowledged_on || *stage.acknowledged_on >= *stage.reopened_on);
  const Date acknowledge_from = acknowledged_afresh ? *stage.reopened_on : stage.started_on;
  stage.acknowledge_by = calendar.AddWorkingDays(acknowledge_from, rule.acknowledge_working_days);

  std::optional<Date> clock_start;
  if (acknowledged_afresh && rule.respond_clock == ClockStart::kAcknowledgement) {
    clock_start = stage.acknowledged_on;
  } else if (stage.reopened_on) {
    clock_start = stage.reopened_on;
  } else if (rule.respond_clock == ClockStart::kAcknowledgement) {
    clock_start = stage.acknowledged_on;
  } else {
    clock_start = stage.started_on;
  }
  if (!clock_start) {  // waiting for the acknowledgement that starts the clock
    stage.respond_by_original.reset();
    stage.respond_by.reset();
    return stage;
  }

  Date due = ProcedureRespondBy(stage, rule, *clock_start, calendar)
                 .value_or(AddPeriod(*clock_start, rule.respond, calendar));
  stage.respond_by_original = due;
  for (const Extension& extension : stage.extensions) {
    if (CountsTowardsClock(stage, extension)) {
      due = calendar.AddWorkingDays(due, extension.working_days);
    }
  }
  stage.respond_by = due;
  return stage;
}

// ---- transitions --------------------------------------------------------------------------------

Result<Transition> Log(const LogInput& input, const CaseContext& context) {
  FieldErrors errors;
  ValidateLog(input, context, errors);
  if (!errors.empty()) return errors.ToError();

  Complaint complaint;
  complaint.regime = input.regime;
  complaint.channel = input.channel;
  complaint.service_area = input.service_area;
  complaint.category = input.category;
  complaint.summary = input.summary;
  complaint.description = input.description;
  complaint.desired_outcome = input.desired_outcome;
  complaint.complainant = input.complainant;
  complaint.representative = input.representative;
  complaint.received_on = input.received_on;
  complaint.matter_arose_on = input.matter_arose_on;
  complaint.status = CaseStatus::kAwaitingAcknowledgement;
  complaint.service_request_reference = input.service_request_reference;
  complaint.possible_repeat_of = input.possible_repeat_of;
  // Statutory children's complaints are seen only by their team.
  complaint.restricted = input.regime == Regime::kChildren;

  Stage first;
  first.number = 1;
  first.started_on = input.received_on;
  first.team = input.team;
  first.handler = input.handler;
  complaint.stages.push_back(WithDeadlines(std::move(first),
                                           RulesFor(input.regime, input.received_on).stage(1),
                                           CalendarOf(context, input.regime)));

  const Stage& stage = complaint.current_stage();
  std::vector<Change> changes;
  RecordChange(changes, "regime", "", std::string(ToString(complaint.regime)));
  RecordChange(changes, "received_on", "", complaint.received_on.ToIso());
  RecordChange(changes, "matter_arose_on", "", DateText(complaint.matter_arose_on));
  RecordChange(changes, "code_version", "",
               std::string(CodeVersionFor(complaint.regime, complaint.received_on).id));
  RecordChange(changes, "status", "", std::string(ToString(complaint.status)));
  RecordChange(changes, "stage", "", std::to_string(stage.number));
  RecordChange(changes, "team", "", stage.team);
  RecordChange(changes, "handler", "", stage.handler);
  RecordChange(changes, "acknowledge_by", "", stage.acknowledge_by.ToIso());
  RecordChange(changes, "respond_by", "", DateText(stage.respond_by));
  std::string summary = "Logged a " + std::string(RegimeDescription(complaint.regime)) +
                        " complaint received on " + complaint.received_on.ToIso() +
                        "; acknowledge by " + stage.acknowledge_by.ToIso() + ".";
  CaseEvent event{EventType::kLogged, input.received_on,  context.actor,
                  stage.number,       std::move(summary), std::move(changes)};
  return Transition{std::move(complaint), std::move(event)};
}

Result<Transition> Acknowledge(const Complaint& complaint, const AcknowledgeInput& input,
                               const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "acknowledge", CaseActionKind::kAcknowledge);
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today, StageClockDate(complaint.current_stage()));
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  next.status = CaseStatus::kInProgress;
  next.current_stage().acknowledged_on = input.on;
  RefreshCaseDeadlines(next, context);

  const Stage& stage = next.current_stage();
  std::string summary = StageLabel(stage.number) + " acknowledged on " + input.on.ToIso();
  if (stage.respond_by) summary += "; respond by " + stage.respond_by->ToIso();
  return FinishTransition(complaint, std::move(next), EventType::kAcknowledged, input.on, context,
                          summary + ".");
}

Result<Transition> Extend(const Complaint& complaint, const ExtendInput& input,
                          const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "extend", CaseActionKind::kExtend); !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  FieldErrors errors;
  if (input.working_days < 1 || input.working_days > kMaxExtensionWorkingDays) {
    errors.Add("working_days", "must be between 1 and " + std::to_string(kMaxExtensionWorkingDays),
               FieldErrorCode::kOutOfRange);
  }
  RequireText(errors, "reason", input.reason,
              "a reason is required: it is told to the complainant");
  CheckDate(errors, "on", input.on, context.today, StageClockDate(stage));
  if (!errors.empty()) return errors.ToError();

  // In progress means acknowledged, so the clock has started.
  assert(stage.respond_by.has_value());
  const Date due = *stage.respond_by;
  const std::string outside_code = WhyOutsideCode(stage, CurrentRule(complaint), input);
  if (!outside_code.empty() && IsBlank(input.good_reason)) {
    return FailField("good_reason", outside_code + ": record a good reason",
                     FieldErrorCode::kRequired);
  }

  const bool within_code = outside_code.empty();
  Complaint next = complaint;
  Stage& extended = next.current_stage();
  extended.extensions.push_back(Extension{
      input.on, input.working_days, input.reason, input.good_reason, due,
      CalendarOf(context, complaint.regime).AddWorkingDays(due, input.working_days), within_code});
  if (!within_code) extended.outside_code = true;
  RefreshCaseDeadlines(next, context);
  assert(next.current_stage().respond_by == next.current_stage().extensions.back().new_due);

  std::vector<Change> changes;
  RecordChange(changes, "extension_working_days", "", std::to_string(input.working_days));
  RecordChange(changes, "extension_reason", "", input.reason);
  RecordChange(changes, "good_reason", "", input.good_reason);
  RecordChange(changes, "within_code", "", within_code ? "true" : "false");
  std::string summary = StageLabel(stage.number) + " response extended by " +
                        std::to_string(input.working_days) + " working days to " +
                        next.current_stage().respond_by->ToIso() +
                        (within_code ? "." : ", outside the Code.");
  return FinishTransition(complaint, std::move(next), EventType::kExtended, input.on, context,
                          std::move(summary), std::move(changes));
}

Result<Transition> Respond(const Complaint& complaint, const RespondInput& input,
                           const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "respond to", CaseActionKind::kRespond);
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  const std::string& handler = stage.handler.empty() ? context.actor : stage.handler;
  for (std::string_view person : {std::string_view(handler), std::string_view(context.actor)}) {
    if (Status independent = RequireIndependent(complaint, stage.number, person); !independent) {
      return tl::unexpected(independent.error());
    }
  }

  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today, StageClockDate(stage));
  if (!input.outcome) errors.Add("outcome", "an outcome is required", FieldErrorCode::kRequired);
  ValidateRootCauses(input.root_causes, context, errors);
  ValidateRemedies(input, errors);
  ValidateActions(input.actions, errors);
  if (!errors.empty()) return errors.ToError();

  const bool final_stage = IsFinalStage(complaint.regime, stage.number);
  Complaint next = complaint;
  Stage& answered = next.current_stage();
  answered.handler = handler;
  // Answering before acknowledging acknowledges on the response date.
  if (!answered.acknowledged_on) answered.acknowledged_on = input.on;
  answered.response = Response{input.on,      *input.outcome, input.root_causes, input.remedies,
                               input.actions, input.learning, context.actor};
  if (!answered.first_responded_on) answered.first_responded_on = input.on;
  next.status = final_stage ? CaseStatus::kClosed : CaseStatus::kResponded;
  if (final_stage) next.closed_on = input.on;
  RefreshCaseDeadlines(next, context);

  std::vector<Change> changes;
  RecordChange(changes, "responded_on", "", input.on.ToIso());
  RecordChange(changes, "outcome", "", std::string(ToString(*input.outcome)));
  const std::int64_t compensation = CompensationPence(*answered.response);
  if (compensation > 0)
    RecordChange(changes, "compensation_pence", "", std::to_string(compensation));
  // A re-answer names the answer it supersedes, which stays on record (Stage::earlier_responses).
  std::string supersedes;
  if (!stage.earlier_responses.empty()) {
    supersedes = DescribeResponse(stage.earlier_responses.back());
    RecordChange(changes, "supersedes_response", "", supersedes);
  }
  std::string summary =
      StageLabel(stage.number) + " answered on " + input.on.ToIso() + ": " +
      std::string(ToString(*input.outcome)) +
      (supersedes.empty() ? std::string() : " (supersedes the response of " + supersedes + ")") +
      (final_stage ? "; the complaint is closed." : ".");
  return FinishTransition(complaint, std::move(next), EventType::kResponded, input.on, context,
                          std::move(summary), std::move(changes));
}

Result<Transition> Escalate(const Complaint& complaint, const EscalateInput& input,
                            const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "escalate", CaseActionKind::kEscalate);
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const RegimeRules rules = RulesFor(complaint.regime, complaint.received_on);
  const Stage& stage = complaint.current_stage();
  if (IsFinalStage(complaint.regime, stage.number)) {
    const std::string regime(RegimeDescription(complaint.regime));
    return Fail(ErrorCode::kTransitionNotAllowed,
                rules.stage_count() == 1
                    ? "cannot escalate: " + regime + " complaints have one stage"
                    : "cannot escalate: " + StageLabel(stage.number) + " is the final stage of a " +
                          regime + " complaint");
  }
  const int next_number = stage.number + 1;
  if (Status independent = RequireIndependent(complaint, next_number, input.handler);
      !independent) {
    return tl::unexpected(independent.error());
  }
  FieldErrors errors;
  assert(stage.response.has_value() && "responded and closed stages have a response");
  CheckDate(errors, "requested_on", input.requested_on, context.today,
            Earliest{stage.response->responded_on, "the response"});
  RequireText(errors, "team", input.team, "the team for the next stage is required");
  if (!errors.empty()) return errors.ToError();

  // A request after the window the regime allows for asking (children's: 20 working days after
  // the response) is accepted, not refused, but flagged, with the reason it is accepted recorded.
  const StageRule& next_rule = rules.stage(next_number);
  std::optional<Date> window_end;
  if (next_rule.escalation_window_working_days) {
    window_end = CalendarOf(context, complaint.regime)
                     .AddWorkingDays(stage.response->responded_on,
                                     *next_rule.escalation_window_working_days);
  }
  const bool late_request = window_end && input.requested_on > *window_end;
  if (late_request && IsBlank(input.reason)) {
    return FailField("reason",
                     "requested after the " +
                         std::to_string(*next_rule.escalation_window_working_days) +
                         " working days allowed (until " + window_end->ToIso() +
                         "): record why the late request is accepted",
                     FieldErrorCode::kNotAllowedInState);
  }

  Stage escalated;
  escalated.number = next_number;
  escalated.started_on = input.requested_on;
  escalated.escalation_reason = input.reason;
  escalated.team = input.team;
  escalated.handler = input.handler;
  Complaint next = complaint;
  next.stages.push_back(WithDeadlines(std::move(escalated), rules.stage(next_number),
                                      CalendarOf(context, complaint.regime)));
  next.status = CaseStatus::kAwaitingAcknowledgement;
  next.closed_on.reset();

  std::vector<Change> changes;
  RecordChange(changes, "escalation_requested_on", "", input.requested_on.ToIso());
  RecordChange(changes, "escalation_reason", "", input.reason);
  if (late_request) RecordChange(changes, "requested_late", "", "true");
  std::string summary =
      "Escalated to " + StageLabel(next_number) + " on " + input.requested_on.ToIso() +
      (late_request ? ", after the window for asking closed on " + window_end->ToIso() +
                          " (accepted: " + input.reason + ")"
                    : std::string()) +
      "; acknowledge by " + next.current_stage().acknowledge_by.ToIso() + ".";
  return FinishTransition(complaint, std::move(next), EventType::kEscalated, input.requested_on,
                          context, std::move(summary), std::move(changes));
}

Result<Transition> Refuse(const Complaint& complaint, const RefuseInput& input,
                          const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "refuse", CaseActionKind::kRefuse); !allowed) {
    return tl::unexpected(allowed.error());
  }
  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today,
            Earliest{complaint.current_stage().started_on, "the stage start"});
  if (!input.reason) {
    errors.Add("reason", "a reason from the Code's exclusions is required",
               FieldErrorCode::kRequired);
  }
  RequireText(errors, "explanation", input.explanation,
              "an explanation is required: it is given to the complainant in writing");
  const bool arose_valid =
      CheckMatterArose(errors, input.matter_arose_on, complaint.received_on, context.today);
  const std::optional<Date> arose =
      input.matter_arose_on ? input.matter_arose_on : complaint.matter_arose_on;
  std::optional<TimeLimitEvidence> evidence;
  if (input.reason == RefusalReason::kOlderThan12Months && arose_valid) {
    evidence = TimeLimitEvidenceFor(complaint.regime, arose, complaint.received_on);
    if (!evidence) {
      errors.Add("matter_arose_on",
                 "is required to refuse a complaint as older than the time limit: the date the "
                 "matter happened or came to the complainant's notice",
                 FieldErrorCode::kRequired);
    } else if (!evidence->outside_limit()) {
      const std::string why = "the complaint was received on " + complaint.received_on.ToIso() +
                              ", within the " + std::to_string(evidence->limit_months) +
                              "-month limit that ends on " + evidence->limit_ends_on.ToIso() +
                              " for a matter that arose on " + evidence->matter_arose_on.ToIso();
      errors.Add("matter_arose_on", why, FieldErrorCode::kWithinTimeLimit);
      errors.Add(
          "reason",
          "a complaint made within the time limit cannot be refused as older than it: " + why,
          FieldErrorCode::kWithinTimeLimit);
    }
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  next.status = CaseStatus::kNotAccepted;
  next.refusal = Refusal{input.on, *input.reason, input.explanation};
  next.matter_arose_on = arose;

  std::vector<Change> changes;
  RecordChange(changes, "refusal_reason", "", std::string(ToString(*input.reason)));
  RecordChange(changes, "refusal_explanation", "", input.explanation);
  RecordChange(changes, "matter_arose_on", DateText(complaint.matter_arose_on), DateText(arose));
  std::string summary =
      "Not accepted on " + input.on.ToIso() + ": " + std::string(ToString(*input.reason)) + ".";
  if (evidence) {
    RecordChange(changes, "time_limit_months", "", std::to_string(evidence->limit_months));
    RecordChange(changes, "time_limit_ended_on", "", evidence->limit_ends_on.ToIso());
    RecordChange(changes, "days_beyond_time_limit", "",
                 std::to_string(evidence->days_beyond_limit));
    summary += " The matter arose on " + evidence->matter_arose_on.ToIso() + "; the " +
               std::to_string(evidence->limit_months) + "-month limit ended on " +
               evidence->limit_ends_on.ToIso() + " and the complaint was received on " +
               evidence->received_on.ToIso() + ", " + std::to_string(evidence->days_beyond_limit) +
               " days beyond it.";
  }
  return FinishTransition(complaint, std::move(next), EventType::kRefused, input.on, context,
                          std::move(summary), std::move(changes));
}

Result<Transition> Withdraw(const Complaint& complaint, const WithdrawInput& input,
                            const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "withdraw", CaseActionKind::kWithdraw);
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today,
            Earliest{complaint.current_stage().started_on, "the stage start"});
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  next.status = CaseStatus::kWithdrawn;
  next.withdrawal = Withdrawal{input.on, input.reason, complaint.status};

  std::vector<Change> changes;
  RecordChange(changes, "withdrawal_reason", "", input.reason);
  return FinishTransition(complaint, std::move(next), EventType::kWithdrawn, input.on, context,
                          "Withdrawn by the complainant on " + input.on.ToIso() + ".",
                          std::move(changes));
}

Result<Transition> Close(const Complaint& complaint, const CloseInput& input,
                         const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "close", CaseActionKind::kClose); !allowed) {
    return tl::unexpected(allowed.error());
  }
  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today, StatusSince(complaint));
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  next.status = CaseStatus::kClosed;
  next.closed_on = input.on;
  return FinishTransition(complaint, std::move(next), EventType::kClosed, input.on, context,
                          "Closed on " + input.on.ToIso() + ".");
}

Result<Transition> Reopen(const Complaint& complaint, const ReopenInput& input,
                          const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "reopen", CaseActionKind::kReopen); !allowed) {
    return tl::unexpected(allowed.error());
  }
  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today, StatusSince(complaint));
  RequireText(errors, "reason", input.reason, "a reason for reopening is required");
  if (!errors.empty()) return errors.ToError();

  const Stage& stage = complaint.current_stage();
  std::vector<Change> changes;
  if (stage.response) {
    RecordChange(changes, "outcome", std::string(ToString(stage.response->outcome)), "");
    RecordChange(changes, "responded_on", stage.response->responded_on.ToIso(), "");
    const std::int64_t compensation = CompensationPence(*stage.response);
    if (compensation > 0) {
      RecordChange(changes, "compensation_pence", std::to_string(compensation), "");
    }
    RecordChange(changes, "earlier_response", "", DescribeResponse(*stage.response));
  }
  if (complaint.refusal) {
    RecordChange(changes, "refusal_reason", std::string(ToString(complaint.refusal->reason)), "");
  }
  if (complaint.withdrawal)
    RecordChange(changes, "withdrawn_on", DateText(complaint.withdrawal->withdrawn_on), "");
  RecordChange(changes, "reopened_on", DateText(stage.reopened_on), input.on.ToIso());
  RecordChange(changes, "reopen_reason", "", input.reason);

  Complaint next = complaint;
  Stage& reopened = next.current_stage();
  // Nothing recorded is lost: the answer, refusal or withdrawal the reopening undoes is kept in
  // the case's history, where the report counts it in the year it was made.
  if (reopened.response) {
    reopened.earlier_responses.push_back(std::move(*reopened.response));
    reopened.response.reset();
  }
  if (next.refusal) next.earlier_refusals.push_back(std::move(*next.refusal));
  if (next.withdrawal) next.earlier_withdrawals.push_back(std::move(*next.withdrawal));
  reopened.reopened_on = input.on;  // the respond clock restarts here
  reopened.reopenings.push_back(input.on);
  // A stage never acknowledged (withdrawn or refused before it was) is not acknowledged by its
  // reopening: it awaits an acknowledgement again, due counting from the reopening.
  next.status =
      reopened.acknowledged_on ? CaseStatus::kInProgress : CaseStatus::kAwaitingAcknowledgement;
  next.refusal.reset();
  next.withdrawal.reset();
  next.closed_on.reset();
  next.reopen_count += 1;
  RefreshCaseDeadlines(next, context);

  const Stage& after = next.current_stage();
  std::string kept;
  if (stage.response) kept = "; the response of " + DescribeResponse(*stage.response);
  if (complaint.refusal) kept = "; the refusal of " + complaint.refusal->decided_on.ToIso();
  if (complaint.withdrawal) {
    kept = "; the withdrawal of " + complaint.withdrawal->withdrawn_on.ToIso();
  }
  if (!kept.empty()) kept += " stays on record";
  std::string summary = StageLabel(stage.number) + " reopened on " + input.on.ToIso() +
                        (after.respond_by ? "; respond by " + after.respond_by->ToIso()
                                          : "; acknowledge by " + after.acknowledge_by.ToIso()) +
                        kept + ".";
  return FinishTransition(complaint, std::move(next), EventType::kReopened, input.on, context,
                          std::move(summary), std::move(changes));
}

std::optional<Transition> RecalculateDeadlines(const Complaint& complaint,
                                               const CaseContext& context, std::string_view why) {
  if (complaint.status != CaseStatus::kAwaitingAcknowledgement &&
      complaint.status != CaseStatus::kInProgress) {
    return std::nullopt;
  }
  Complaint next = complaint;
  RefreshCaseDeadlines(next, context);
  const Stage& before = complaint.current_stage();
  const Stage& after = next.current_stage();
  if (before.acknowledge_by == after.acknowledge_by &&
      before.respond_by_original == after.respond_by_original &&
      before.respond_by == after.respond_by &&
      before.procedure.panel_meet_by == after.procedure.panel_meet_by &&
      before.procedure.panel_report_by == after.procedure.panel_report_by) {
    return std::nullopt;
  }
  std::string summary = StageLabel(after.number) + " deadlines recalculated (" + std::string(why) +
                        "): acknowledge by " + after.acknowledge_by.ToIso() +
                        (after.respond_by ? ", respond by " + after.respond_by->ToIso() : "") + ".";
  return FinishTransition(complaint, std::move(next), EventType::kDeadlinesRecalculated,
                          context.today, context, std::move(summary));
}

Result<Transition> Reassign(const Complaint& complaint, const ReassignInput& input,
                            const CaseContext& context) {
  if (Status allowed = RequireCaseStatus(complaint, "reassign", CaseActionKind::kReassign);
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  const bool new_team = !IsBlank(input.team) && input.team != stage.team;
  const bool new_handler = !IsBlank(input.handler) && input.handler != stage.handler;
  if (!new_team && !new_handler) {
    FieldErrors errors;
    errors.Add("team", "give a team or handler different from the current one",
               FieldErrorCode::kRequired);
    errors.Add("handler", "give a team or handler different from the current one",
               FieldErrorCode::kRequired);
    return errors.ToError();
  }
  if (new_handler) {
    if (Status independent = RequireIndependent(complaint, stage.number, input.handler);
        !independent) {
      return tl::unexpected(independent.error());
    }
  }

  Complaint next = complaint;
  if (new_team) next.current_stage().team = input.team;
  if (new_handler) next.current_stage().handler = input.handler;
  const Stage& assigned = next.current_stage();
  std::string summary = StageLabel(stage.number) + " reassigned to team " + assigned.team +
                        (assigned.handler.empty() ? "" : ", handler " + assigned.handler) + ".";
  // Reassignment has no business date of its own: it happens today.
  return FinishTransition(complaint, std::move(next), EventType::kReassigned, context.today,
                          context, std::move(summary));
}

}  // namespace redress::core
