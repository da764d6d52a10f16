// CorrectResponse (transitions.hpp): a response recorded in error corrected in place, each
// corrected field kept in the event, before and after.

#include <string>
#include <utility>
#include <vector>

#include "core/case_actions.hpp"
#include "core/transition_support.hpp"
#include "core/transitions.hpp"

namespace redress::core {
namespace {

using internal::CheckDate;
using internal::Earliest;
using internal::FinishTransition;
using internal::RecordChange;
using internal::RequireCaseStatus;
using internal::RequireText;
using internal::StageLabel;
using internal::ValidateActions;
using internal::ValidateRemedies;
using internal::ValidateRootCauses;

std::string Joined(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) text += (text.empty() ? "" : ", ") + item;
  return text;
}

std::string RemediesText(const std::vector<Remedy>& remedies) {
  std::vector<std::string> items;
  for (const Remedy& remedy : remedies) {
    std::string item(ToString(remedy.type));
    if (remedy.amount_pence != 0) item += " " + std::to_string(remedy.amount_pence) + "p";
    if (!remedy.description.empty()) item += " (" + remedy.description + ")";
    items.push_back(std::move(item));
  }
  return Joined(items);
}

std::string ActionsText(const std::vector<Action>& actions) {
  std::vector<std::string> items;
  for (const Action& action : actions) {
    items.push_back(action.description +
                    (action.due_on ? " by " + action.due_on->ToIso() : std::string()) +
                    (action.owner.empty() ? std::string() : " (" + action.owner + ")"));
  }
  return Joined(items);
}

}  // namespace

Result<Transition> CorrectResponse(const Complaint& complaint, const CorrectResponseInput& input,
                                   const CaseContext& context) {
  if (Status allowed =
          RequireCaseStatus(complaint, "correct the response of", CaseActionKind::kCorrectResponse);
      !allowed) {
    return tl::unexpected(allowed.error());
  }
  const Stage& stage = complaint.current_stage();
  if (!stage.response) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                StageLabel(stage.number) + " has no response to correct");
  }
  if (HandledEarlierStage(complaint, stage.number, context.actor)) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                context.actor + " handled an earlier stage and so cannot answer " +
                    StageLabel(stage.number) + " (Code 6.13)");
  }
  const Response& recorded = *stage.response;
  const RespondInput& corrected = input.corrected;

  FieldErrors errors;
  CheckDate(errors, "on", input.on, context.today, Earliest{recorded.responded_on, "the response"});
  if (!corrected.outcome) {
    errors.Add("outcome", "an outcome is required", FieldErrorCode::kRequired);
  }
  ValidateRootCauses(corrected.root_causes, context, errors);
  ValidateRemedies(corrected, errors);
  ValidateActions(corrected.actions, errors);
  RequireText(errors, "reason", input.reason, "say why the response recorded was wrong");
  if (!errors.empty()) return errors.ToError();

  Response replacement{recorded.responded_on, *corrected.outcome, corrected.root_causes,
                       corrected.remedies,    corrected.actions,  corrected.learning,
                       recorded.responded_by};
  std::vector<Change> changes;
  RecordChange(changes, "outcome", std::string(ToString(recorded.outcome)),
               std::string(ToString(replacement.outcome)));
  RecordChange(changes, "root_causes", Joined(recorded.root_causes),
               Joined(replacement.root_causes));
  RecordChange(changes, "remedies", RemediesText(recorded.remedies),
               RemediesText(replacement.remedies));
  RecordChange(changes, "compensation_pence", std::to_string(CompensationPence(recorded)),
               std::to_string(CompensationPence(replacement)));
  RecordChange(changes, "actions", ActionsText(recorded.actions), ActionsText(replacement.actions));
  RecordChange(changes, "learning", recorded.learning, replacement.learning);
  if (changes.empty()) {
    return FailField("outcome", "the correction changes nothing in the response recorded",
                     FieldErrorCode::kInvalid);
  }
  RecordChange(changes, "correction_reason", "", input.reason);

  Complaint next = complaint;
  next.current_stage().response = std::move(replacement);
  std::string summary = StageLabel(stage.number) + " response of " + recorded.responded_on.ToIso() +
                        " corrected: " + DescribeResponse(*next.current_stage().response) +
                        ". Reason: " + input.reason;
  return FinishTransition(complaint, std::move(next), EventType::kResponseCorrected, input.on,
                          context, std::move(summary), std::move(changes));
}

}  // namespace redress::core
