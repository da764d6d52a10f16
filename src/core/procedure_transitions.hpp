#pragma once

// The statutory procedures' steps as case transitions (procedure.hpp holds the values). Each is
// pure like those in transitions.hpp: the case, the input and the context in; the new case and a
// kProcedureRecorded event out, or an error naming every bad field. Each step is recorded only at
// the stage whose rule names it (StageRule::steps), else kTransitionNotAllowed:
//
//   action                  regime, stage        statuses
//   RecordInvestigation     children's 2         awaiting_acknowledgement, in_progress, responded
//   RecordAdjudication      children's 2         awaiting_acknowledgement, in_progress, responded
//   RecordReviewPanel       children's 3         awaiting_acknowledgement, in_progress
//   RecordPanelReport       children's 3         awaiting_acknowledgement, in_progress (after
//                                                the panel)
//   RecordDiscussionOffer   adults' 1            awaiting_acknowledgement, in_progress
//   AgreeResponsePeriod     adults' 1            awaiting_acknowledgement, in_progress
//   NotifyLateResponse      adults' 1            awaiting_acknowledgement, in_progress
//
// Recording a step again replaces it (a correction); the event keeps what it replaced.

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/regime.hpp"
#include "core/transitions.hpp"

namespace redress::core {

struct InvestigationInput {
  Date record_agreed_on;  // the day the written record was agreed with the complainant
  std::string investigating_officer;
  std::string independent_person;  // must not be the Investigating Officer
};
Result<Transition> RecordInvestigation(const Complaint& complaint, const InvestigationInput& input,
                                       const CaseContext& context);

struct AdjudicationInput {
  Date on;
  std::string adjudicating_officer;  // neither the Investigating Officer nor the Independent Person
};
Result<Transition> RecordAdjudication(const Complaint& complaint, const AdjudicationInput& input,
                                      const CaseContext& context);

struct ReviewPanelInput {
  Date met_on;
  std::vector<std::string> members;  // three different people, none of stage 2's IO and IP
};
Result<Transition> RecordReviewPanel(const Complaint& complaint, const ReviewPanelInput& input,
                                     const CaseContext& context);

struct PanelReportInput {
  Date on;  // the day the authority received the panel's report
};
Result<Transition> RecordPanelReport(const Complaint& complaint, const PanelReportInput& input,
                                     const CaseContext& context);

struct DiscussionOfferInput {
  Date on;
  std::optional<DiscussionTakeUp> take_up;  // required
  std::string notes;
};
Result<Transition> RecordDiscussionOffer(const Complaint& complaint,
                                         const DiscussionOfferInput& input,
                                         const CaseContext& context);

struct ResponsePeriodInput {
  Date agreed_on;  // before the period then in force expires
  Date respond_by;
};
Result<Transition> AgreeResponsePeriod(const Complaint& complaint, const ResponsePeriodInput& input,
                                       const CaseContext& context);

struct LateNoticeInput {
  Date on;
  std::string reason;               // required: told to the complainant
  std::optional<Date> expected_by;  // required unless the due date has already passed on `on`
};
// Allowed only when the response will be late: the notice is given after the due date, or names
// a date after it by which the response is expected.
Result<Transition> NotifyLateResponse(const Complaint& complaint, const LateNoticeInput& input,
                                      const CaseContext& context);

// The response's due date when the stage's procedure sets it, deriving the review panel's clocks
// into `stage.procedure` (nullopt elsewhere): the panel's meeting, report and response, each from
// the actual date of the step before (a panel held early brings the report and response forward),
// or the adults' agreed period. Facts recorded before `clock_start` (an earlier round of a
// reopened stage) do not count. Called by WithDeadlines only.
std::optional<Date> ProcedureRespondBy(Stage& stage, const StageRule& rule, Date clock_start,
                                       const WorkingCalendar& calendar);

// The deadline a stage in progress is waiting on next: the panel's meeting or report while they
// are pending, else the response's due date.
std::optional<Date> NextStepDue(const Stage& stage);

// Whether each step of a review panel came on time by its own clock; kPending while the step has
// not happened (or its clock has not started).
enum class StepTiming { kPending, kOnTime, kLate };
struct PanelTiming {
  StepTiming meeting = StepTiming::kPending;
  StepTiming report = StepTiming::kPending;
  StepTiming response = StepTiming::kPending;
};
// Precondition: `stage` has been through WithDeadlines.
PanelTiming JudgePanel(const Stage& stage);

}  // namespace redress::core
