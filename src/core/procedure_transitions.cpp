#include "core/procedure_transitions.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>
#include <string_view>
#include <utility>

#include "core/regime_calendars.hpp"
#include "core/transition_support.hpp"
#include "core/validation.hpp"

namespace redress::core {
namespace {

using internal::CheckActionDate;
using internal::DateText;
using internal::FinishTransition;
using internal::RecordChange;
using internal::RefreshCaseDeadlines;
using internal::RequireCaseStatus;

// Names compare as people are named: case and surrounding spaces aside.
std::string NameKey(std::string_view name) {
  const auto first = name.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = name.find_last_not_of(" \t\r\n");
  std::string key(name.substr(first, last - first + 1));
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return key;
}

bool SamePerson(std::string_view a, std::string_view b) {
  return !NameKey(a).empty() && NameKey(a) == NameKey(b);
}

std::string_view StepsDescription(StatutorySteps steps) {
  switch (steps) {
    case StatutorySteps::kInvestigation:
      return "stage 2 (investigation) of a children's complaint";
    case StatutorySteps::kReviewPanel:
      return "stage 3 (review panel) of a children's complaint";
    case StatutorySteps::kAgreedHandling:
      return "an adult social care complaint";
    case StatutorySteps::kNone:
      break;
  }
  return {};
}

// kTransitionNotAllowed unless the current stage's rule names the action's steps
// (core::StepsOf) and the status allows (core::StatusesAllowing): the rule allowed_actions reads.
Status RequireStep(const Complaint& complaint, CaseActionKind kind, std::string_view action) {
  const StatutorySteps steps = StepsOf(kind);
  const RegimeRules& rules = RulesFor(complaint.regime);
  const int number = complaint.current_stage().number;
  const bool applies =
      number >= 1 && number <= rules.stage_count() && rules.stage(number).steps == steps;
  if (!applies) {
    return Fail(ErrorCode::kTransitionNotAllowed, "cannot " + std::string(action) +
                                                      ": it is recorded only at " +
                                                      std::string(StepsDescription(steps)));
  }
  return RequireCaseStatus(complaint, action, kind);
}

// The latest date the stage's current round counts from: its reopening or its start.
Date RoundStart(const Stage& stage) { return stage.reopened_on.value_or(stage.started_on); }

// Stage 2 of the same complaint, for the people the review panel must not include.
const Stage* StageNumbered(const Complaint& complaint, int number) {
  for (const Stage& stage : complaint.stages) {
    if (stage.number == number) return &stage;
  }
  return nullptr;
}

Result<Transition> Done(const Complaint& before, Complaint after, Date on,
                        const CaseContext& context, std::string summary,
                        std::vector<Change> changes) {
  RefreshCaseDeadlines(after, context);
  const StageProcedure& from = before.current_stage().procedure;
  const StageProcedure& to = after.current_stage().procedure;
  RecordChange(changes, "panel_meet_by", DateText(from.panel_meet_by), DateText(to.panel_meet_by));
  RecordChange(changes, "panel_report_by", DateText(from.panel_report_by),
               DateText(to.panel_report_by));
  return FinishTransition(before, std::move(after), EventType::kProcedureRecorded, on, context,
                          std::move(summary), std::move(changes));
}

}  // namespace

// ---- children's stage 2 -------------------------------------------------------------------------

Result<Transition> RecordInvestigation(const Complaint& complaint, const InvestigationInput& input,
                                       const CaseContext& context) {
  if (Status allowed =
          RequireStep(complaint, CaseActionKind::kInvestigation, "record the investigation");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  FieldErrors errors;
  CheckActionDate(errors, "record_agreed_on", input.record_agreed_on, context.today,
                  stage.started_on, "the stage start");
  if (IsBlank(input.investigating_officer)) {
    errors.Add("investigating_officer", "the Investigating Officer is required",
               FieldErrorCode::kRequired);
  }
  if (IsBlank(input.independent_person)) {
    errors.Add("independent_person", "the Independent Person is required",
               FieldErrorCode::kRequired);
  } else if (SamePerson(input.independent_person, input.investigating_officer)) {
    errors.Add("independent_person",
               "the Independent Person must not be the Investigating Officer (SI 2006/1738 reg "
               "17)",
               FieldErrorCode::kDuplicate);
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::optional<Investigation>& recorded = next.current_stage().procedure.investigation;
  std::vector<Change> changes;
  RecordChange(changes, "record_agreed_on", recorded ? recorded->record_agreed_on.ToIso() : "",
               input.record_agreed_on.ToIso());
  RecordChange(changes, "investigating_officer", recorded ? recorded->investigating_officer : "",
               input.investigating_officer);
  RecordChange(changes, "independent_person", recorded ? recorded->independent_person : "",
               input.independent_person);
  recorded =
      Investigation{input.record_agreed_on, input.investigating_officer, input.independent_person};
  std::string summary = "Written record of the complaint agreed on " +
                        input.record_agreed_on.ToIso() + "; Investigating Officer " +
                        input.investigating_officer + ", Independent Person " +
                        input.independent_person + ".";
  return Done(complaint, std::move(next), input.record_agreed_on, context, std::move(summary),
              std::move(changes));
}

Result<Transition> RecordAdjudication(const Complaint& complaint, const AdjudicationInput& input,
                                      const CaseContext& context) {
  if (Status allowed =
          RequireStep(complaint, CaseActionKind::kAdjudication, "record the adjudication");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  const std::optional<Investigation>& investigation = stage.procedure.investigation;
  FieldErrors errors;
  if (investigation) {
    CheckActionDate(errors, "on", input.on, context.today, investigation->record_agreed_on,
                    "the agreed written record");
  } else {
    CheckActionDate(errors, "on", input.on, context.today, stage.started_on, "the stage start");
  }
  if (IsBlank(input.adjudicating_officer)) {
    errors.Add("adjudicating_officer", "the adjudicating officer is required",
               FieldErrorCode::kRequired);
  } else if (investigation &&
             (SamePerson(input.adjudicating_officer, investigation->investigating_officer) ||
              SamePerson(input.adjudicating_officer, investigation->independent_person))) {
    errors.Add("adjudicating_officer",
               "the adjudicating officer must be neither the Investigating Officer nor the "
               "Independent Person: the adjudication considers their report",
               FieldErrorCode::kDuplicate);
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::optional<Adjudication>& recorded = next.current_stage().procedure.adjudication;
  std::vector<Change> changes;
  RecordChange(changes, "adjudicating_officer", recorded ? recorded->adjudicating_officer : "",
               input.adjudicating_officer);
  RecordChange(changes, "adjudicated_on", recorded ? recorded->adjudicated_on.ToIso() : "",
               input.on.ToIso());
  recorded = Adjudication{input.adjudicating_officer, input.on};
  return Done(complaint, std::move(next), input.on, context,
              "Adjudicated on " + input.on.ToIso() + " by " + input.adjudicating_officer + ".",
              std::move(changes));
}

// ---- children's stage 3 -------------------------------------------------------------------------

Result<Transition> RecordReviewPanel(const Complaint& complaint, const ReviewPanelInput& input,
                                     const CaseContext& context) {
  if (Status allowed =
          RequireStep(complaint, CaseActionKind::kReviewPanel, "record the review panel");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  FieldErrors errors;
  CheckActionDate(errors, "met_on", input.met_on, context.today, RoundStart(stage),
                  stage.reopened_on ? "the reopening" : "the request");
  if (input.members.size() != kReviewPanelSize) {
    errors.Add("members",
               "a review panel has " + std::to_string(kReviewPanelSize) +
                   " independent people (SI 2006/1738 reg 19); " +
                   std::to_string(input.members.size()) + " given",
               FieldErrorCode::kOutOfRange);
  }
  const Stage* investigation_stage = StageNumbered(complaint, 2);
  const Investigation* investigation =
      investigation_stage != nullptr && investigation_stage->procedure.investigation
          ? &*investigation_stage->procedure.investigation
          : nullptr;
  for (std::size_t i = 0; i < input.members.size(); ++i) {
    const std::string field = "members[" + std::to_string(i) + "]";
    const std::string& member = input.members[i];
    const bool repeated =
        std::any_of(input.members.begin(), input.members.begin() + static_cast<std::ptrdiff_t>(i),
                    [&](const std::string& m) { return SamePerson(m, member); });
    if (IsBlank(member)) {
      errors.Add(field, "each panel member is named", FieldErrorCode::kRequired);
    } else if (repeated) {
      errors.Add(field, member + " is named twice: the panel is three different people",
                 FieldErrorCode::kDuplicate);
    } else if (investigation != nullptr &&
               (SamePerson(member, investigation->independent_person) ||
                SamePerson(member, investigation->investigating_officer))) {
      errors.Add(field,
                 member +
                     " investigated the complaint at stage 2 and cannot sit on the review "
                     "panel (SI 2006/1738 reg 19)",
                 FieldErrorCode::kNotAllowedInState);
    }
  }
  if (stage.procedure.panel_report_on && input.met_on > *stage.procedure.panel_report_on) {
    errors.Add(
        "met_on",
        "must not be after the panel's report (" + stage.procedure.panel_report_on->ToIso() + ")",
        FieldErrorCode::kDateTooLate);
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::optional<ReviewPanel>& recorded = next.current_stage().procedure.panel;
  std::vector<Change> changes;
  auto joined = [](const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& name : names) text += (text.empty() ? "" : "; ") + name;
    return text;
  };
  RecordChange(changes, "panel_met_on", recorded ? recorded->met_on.ToIso() : "",
               input.met_on.ToIso());
  RecordChange(changes, "panel_members", recorded ? joined(recorded->members) : "",
               joined(input.members));
  recorded = ReviewPanel{input.members, input.met_on};
  std::string summary =
      "Review panel met on " + input.met_on.ToIso() + " (" + joined(input.members) + ").";
  return Done(complaint, std::move(next), input.met_on, context, std::move(summary),
              std::move(changes));
}

Result<Transition> RecordPanelReport(const Complaint& complaint, const PanelReportInput& input,
                                     const CaseContext& context) {
  if (Status allowed =
          RequireStep(complaint, CaseActionKind::kPanelReport, "record the panel's report");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  if (!PanelMetThisRound(stage)) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                "cannot record the panel's report: record the panel's meeting first");
  }
  FieldErrors errors;
  CheckActionDate(errors, "on", input.on, context.today, stage.procedure.panel->met_on,
                  "the panel's meeting");
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::vector<Change> changes;
  RecordChange(changes, "panel_report_on", DateText(stage.procedure.panel_report_on),
               input.on.ToIso());
  next.current_stage().procedure.panel_report_on = input.on;
  return Done(complaint, std::move(next), input.on, context,
              "Review panel's report received on " + input.on.ToIso() + ".", std::move(changes));
}

// ---- adults
// ---------------------------------------------------------------------------------------

Result<Transition> RecordDiscussionOffer(const Complaint& complaint,
                                         const DiscussionOfferInput& input,
                                         const CaseContext& context) {
  if (Status allowed =
          RequireStep(complaint, CaseActionKind::kDiscussionOffer, "record the offer to discuss");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  FieldErrors errors;
  CheckActionDate(errors, "on", input.on, context.today, stage.started_on,
                  "the complaint's receipt");
  if (!input.take_up) {
    errors.Add("take_up", "say whether the complainant took up the offer",
               FieldErrorCode::kRequired);
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::optional<DiscussionOffer>& recorded = next.current_stage().procedure.discussion;
  std::vector<Change> changes;
  RecordChange(changes, "discussion_offered_on", recorded ? recorded->offered_on.ToIso() : "",
               input.on.ToIso());
  RecordChange(changes, "discussion_take_up",
               recorded ? std::string(ToString(recorded->take_up)) : "",
               std::string(ToString(*input.take_up)));
  RecordChange(changes, "discussion_notes", recorded ? recorded->notes : "", input.notes);
  recorded = DiscussionOffer{input.on, *input.take_up, input.notes};
  return Done(complaint, std::move(next), input.on, context,
              "Offered on " + input.on.ToIso() +
                  " to discuss how the complaint will be handled and the likely timescale: " +
                  std::string(ToString(*input.take_up)) + ".",
              std::move(changes));
}

Result<Transition> AgreeResponsePeriod(const Complaint& complaint, const ResponsePeriodInput& input,
                                       const CaseContext& context) {
  if (Status allowed =
          RequireStep(complaint, CaseActionKind::kResponsePeriod, "agree the response period");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  FieldErrors errors;
  CheckActionDate(errors, "agreed_on", input.agreed_on, context.today, RoundStart(stage),
                  stage.reopened_on ? "the reopening" : "the complaint's receipt");
  // A longer period is agreed before the one in force expires (SI 2009/309 reg 14).
  if (stage.respond_by_original && input.agreed_on > *stage.respond_by_original) {
    errors.Add("agreed_on",
               "must not be after the response period in force expired (" +
                   stage.respond_by_original->ToIso() +
                   "): a period is agreed before then; send a late notice instead",
               FieldErrorCode::kDateTooLate);
  }
  if (!InCalendarRange(input.respond_by)) {
    errors.Add("respond_by",
               "must be within the years " + std::to_string(kFirstCalendarYear) + " to " +
                   std::to_string(kLastCalendarYear),
               FieldErrorCode::kInvalidDate);
  } else if (input.respond_by <= input.agreed_on) {
    errors.Add("respond_by", "must be after the day it is agreed (" + input.agreed_on.ToIso() + ")",
               FieldErrorCode::kDateTooEarly);
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::optional<AgreedResponsePeriod>& recorded = next.current_stage().procedure.agreed_period;
  std::vector<Change> changes;
  RecordChange(changes, "period_agreed_on", recorded ? recorded->agreed_on.ToIso() : "",
               input.agreed_on.ToIso());
  RecordChange(changes, "agreed_respond_by", recorded ? recorded->respond_by.ToIso() : "",
               input.respond_by.ToIso());
  recorded = AgreedResponsePeriod{input.agreed_on, input.respond_by};
  return Done(complaint, std::move(next), input.agreed_on, context,
              "Response period agreed with the complainant on " + input.agreed_on.ToIso() +
                  ": respond by " + input.respond_by.ToIso() + ".",
              std::move(changes));
}

Result<Transition> NotifyLateResponse(const Complaint& complaint, const LateNoticeInput& input,
                                      const CaseContext& context) {
  if (Status allowed = RequireStep(complaint, CaseActionKind::kLateNotice, "send a late notice");
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  FieldErrors errors;
  CheckActionDate(errors, "on", input.on, context.today, RoundStart(stage),
                  stage.reopened_on ? "the reopening" : "the complaint's receipt");
  if (IsBlank(input.reason)) {
    errors.Add("reason",
               "the reasons are required: the complainant is told why (SI 2009/309 reg "
               "14)",
               FieldErrorCode::kRequired);
  }
  // The stage's clock runs from its start, so respond_by is always set here.
  const std::optional<Date> due = stage.respond_by;
  bool expected_by_bad = false;
  if (input.expected_by) {
    expected_by_bad = true;
    if (!InCalendarRange(*input.expected_by)) {
      errors.Add("expected_by",
                 "must be within the years " + std::to_string(kFirstCalendarYear) + " to " +
                     std::to_string(kLastCalendarYear),
                 FieldErrorCode::kInvalidDate);
    } else if (*input.expected_by < input.on) {
      errors.Add("expected_by", "must not be before the notice (" + input.on.ToIso() + ")",
                 FieldErrorCode::kDateTooEarly);
    } else {
      expected_by_bad = false;
    }
  }
  const bool already_late = due && input.on > *due;
  const bool will_be_late = due && input.expected_by && *input.expected_by > *due;
  if (due && !already_late && !will_be_late && !expected_by_bad) {
    errors.Add("expected_by",
               "the response is not late: it is due by " + due->ToIso() +
                   "; a notice names the later date it is now expected by",
               FieldErrorCode::kNotAllowedInState);
  }
  if (!errors.empty()) return errors.ToError();

  Complaint next = complaint;
  std::optional<LateNotice>& recorded = next.current_stage().procedure.late_notice;
  std::vector<Change> changes;
  RecordChange(changes, "late_notice_on", recorded ? recorded->notified_on.ToIso() : "",
               input.on.ToIso());
  RecordChange(changes, "late_notice_reason", recorded ? recorded->reason : "", input.reason);
  RecordChange(changes, "late_notice_expected_by", recorded ? DateText(recorded->expected_by) : "",
               DateText(input.expected_by));
  recorded = LateNotice{input.on, input.reason, input.expected_by};
  return Done(complaint, std::move(next), input.on, context,
              "Complainant told on " + input.on.ToIso() + " that the response will be late" +
                  (input.expected_by ? " (expected by " + input.expected_by->ToIso() + ")" : "") +
                  ": " + input.reason + ".",
              std::move(changes));
}

// ---- clocks -------------------------------------------------------------------------------------

std::optional<Date> ProcedureRespondBy(Stage& stage, const StageRule& rule, Date clock_start,
                                       const WorkingCalendar& calendar) {
  StageProcedure& procedure = stage.procedure;
  procedure.panel_meet_by.reset();
  procedure.panel_report_by.reset();
  if (rule.panel) {
    // Each clock counts from the actual date of the step before, or from its deadline while the
    // step is still to come. A step of an earlier round (before a reopening) does not count.
    const PanelTimescales& panel = *rule.panel;
    const std::optional<Date> met_on = procedure.panel && procedure.panel->met_on >= clock_start
                                           ? std::optional<Date>(procedure.panel->met_on)
                                           : std::nullopt;
    const std::optional<Date> report_on =
        met_on && procedure.panel_report_on && *procedure.panel_report_on >= *met_on
            ? procedure.panel_report_on
            : std::nullopt;
    procedure.panel_meet_by = calendar.AddWorkingDays(clock_start, panel.meet_working_days);
    procedure.panel_report_by = calendar.AddWorkingDays(met_on.value_or(*procedure.panel_meet_by),
                                                        panel.report_working_days);
    return calendar.AddWorkingDays(report_on.value_or(*procedure.panel_report_by),
                                   panel.response_working_days);
  }
  if (rule.steps == StatutorySteps::kAgreedHandling && procedure.agreed_period &&
      procedure.agreed_period->agreed_on >= clock_start) {
    return procedure.agreed_period->respond_by;
  }
  return std::nullopt;
}

std::optional<Date> NextStepDue(const Stage& stage) {
  const StageProcedure& procedure = stage.procedure;
  if (procedure.panel_meet_by && !procedure.panel) return procedure.panel_meet_by;
  if (procedure.panel_report_by && !procedure.panel_report_on) return procedure.panel_report_by;
  return stage.respond_by;
}

PanelTiming JudgePanel(const Stage& stage) {
  const StageProcedure& procedure = stage.procedure;
  auto judge = [](std::optional<Date> done, std::optional<Date> due) {
    if (!done || !due) return StepTiming::kPending;
    return *done <= *due ? StepTiming::kOnTime : StepTiming::kLate;
  };
  PanelTiming timing;
  timing.meeting =
      judge(procedure.panel ? std::optional<Date>(procedure.panel->met_on) : std::nullopt,
            procedure.panel_meet_by);
  timing.report = judge(procedure.panel_report_on, procedure.panel_report_by);
  timing.response =
      judge(stage.response ? std::optional<Date>(stage.response->responded_on) : std::nullopt,
            stage.respond_by);
  return timing;
}

}  // namespace redress::core
