#include "http/case_json.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/case_actions.hpp"
#include "core/pending_deadline.hpp"
#include "http/json_writer.hpp"

namespace redress::http {
namespace {

using nlohmann::json;

json AllowedActionsToJson(const std::vector<core::CaseActionKind>& actions) {
  json names = json::array();
  for (core::CaseActionKind kind : actions) names.push_back(core::ToString(kind));
  return names;
}

json PersonToJson(const core::Person& person) {
  return {{"name", person.name},
          {"email", person.email},
          {"phone", person.phone},
          {"address", person.address},
          {"postcode", person.postcode}};
}

json ResponseToJson(const core::Response& response) {
  json remedies = json::array();
  for (const core::Remedy& remedy : response.remedies) {
    remedies.push_back({{"type", core::ToString(remedy.type)},
                        {"amount_pence", remedy.amount_pence},
                        {"description", remedy.description}});
  }
  json actions = json::array();
  for (const core::Action& action : response.actions) {
    actions.push_back({{"description", action.description},
                       {"due_on", DateOrNull(action.due_on)},
                       {"owner", action.owner},
                       {"status", core::ToString(action.status)},
                       {"completed_on", DateOrNull(action.completed_on)}});
  }
  return {{"responded_on", response.responded_on.ToIso()},
          {"outcome", core::ToString(response.outcome)},
          {"root_causes", response.root_causes},
          {"remedies", std::move(remedies)},
          {"actions", std::move(actions)},
          {"learning", response.learning},
          {"responded_by", response.responded_by}};
}

// `working_days_left`: the stage's, when it is the one waiting on the council (see
// ComplaintToJson).
json StageToJson(const core::Stage& stage, std::optional<int> working_days_left) {
  json extensions = json::array();
  for (const core::Extension& extension : stage.extensions) {
    extensions.push_back({{"decided_on", extension.decided_on.ToIso()},
                          {"working_days", extension.working_days},
                          {"reason", extension.reason},
                          {"good_reason", extension.good_reason},
                          {"previous_due", extension.previous_due.ToIso()},
                          {"new_due", extension.new_due.ToIso()},
                          {"within_code", extension.within_code}});
  }
  json out = {
      {"number", stage.number},
      {"started_on", stage.started_on.ToIso()},
      {"escalation_reason", stage.escalation_reason},
      {"team", stage.team},
      {"handler", TextOrNull(stage.handler)},
      {"acknowledge_by", stage.acknowledge_by.ToIso()},
      {"acknowledged_on", DateOrNull(stage.acknowledged_on)},
      {"respond_by_original", DateOrNull(stage.respond_by_original)},
      {"respond_by", DateOrNull(stage.respond_by)},
      {"extensions", std::move(extensions)},
      {"outside_code", stage.outside_code},
      {"reopened_on", DateOrNull(stage.reopened_on)},
      {"response", stage.response ? ResponseToJson(*stage.response) : json(nullptr)},
  };
  if (working_days_left) out["working_days_left"] = *working_days_left;
  return out;
}

}  // namespace

json ComplaintToJson(const core::Complaint& complaint, const RenderContext& context) {
  json stages = json::array();
  const core::Stage& current = complaint.current_stage();
  const std::optional<int> working_days_left =
      context.calendar == nullptr
          ? std::nullopt
          : core::WorkingDaysLeft(complaint, *context.calendar, context.today);
  for (const core::Stage& stage : complaint.stages) {
    stages.push_back(StageToJson(stage, &stage == &current ? working_days_left : std::nullopt));
  }
  json refusal = nullptr;
  if (complaint.refusal) {
    refusal = {{"decided_on", complaint.refusal->decided_on.ToIso()},
               {"reason", core::ToString(complaint.refusal->reason)},
               {"explanation", complaint.refusal->explanation}};
  }
  json withdrawal = nullptr;
  if (complaint.withdrawal) {
    withdrawal = {{"withdrawn_on", complaint.withdrawal->withdrawn_on.ToIso()},
                  {"reason", complaint.withdrawal->reason},
                  {"status_before", core::ToString(complaint.withdrawal->status_before)}};
  }
  return {
      {"reference", complaint.reference},
      {"version", complaint.version},
      {"regime", core::ToString(complaint.regime)},
      {"channel", core::ToString(complaint.channel)},
      {"service_area", complaint.service_area},
      {"category", complaint.category},
      {"summary", complaint.summary},
      {"description", complaint.description},
      {"desired_outcome", complaint.desired_outcome},
      {"complainant", PersonToJson(complaint.complainant)},
      {"representative",
       complaint.representative ? PersonToJson(*complaint.representative) : json(nullptr)},
      {"received_on", complaint.received_on.ToIso()},
      {"status", core::ToString(complaint.status)},
      {"restricted", complaint.restricted},
      {"service_request_reference", TextOrNull(complaint.service_request_reference)},
      {"possible_repeat_of", complaint.possible_repeat_of},
      {"refusal", std::move(refusal)},
      {"withdrawal", std::move(withdrawal)},
      {"closed_on", DateOrNull(complaint.closed_on)},
      {"reopen_count", complaint.reopen_count},
      {"stage", current.number},
      {"acknowledge_by", current.acknowledge_by.ToIso()},
      {"respond_by", DateOrNull(current.respond_by)},
      {"stages", std::move(stages)},
      {"allowed_actions", AllowedActionsToJson(core::AllowedActions(context.role, complaint))},
  };
}

json ComplaintRowToJson(const app::ComplaintRow& row, core::Date today) {
  return {
      {"reference", row.reference},
      {"version", row.version},
      {"regime", core::ToString(row.regime)},
      {"status", core::ToString(row.status)},
      {"stage", row.stage},
      {"service_area", row.service_area},
      {"category", row.category},
      {"team", row.team},
      {"handler", TextOrNull(row.handler)},
      {"received_on", row.received_on.ToIso()},
      {"due_on", DateOrNull(row.due_on)},
      {"overdue", core::IsOverdue(row.due_on, today)},
      {"summary", row.summary},
  };
}

json EventToJson(const app::StoredEvent& stored) {
  json changes = json::array();
  for (const core::Change& change : stored.event.changes) {
    changes.push_back(
        {{"field", change.field}, {"before", change.before}, {"after", change.after}});
  }
  return {
      {"sequence", stored.sequence},
      {"type", core::ToString(stored.event.type)},
      {"occurred_on", stored.event.occurred_on.ToIso()},
      {"recorded_at", stored.recorded_at},
      {"actor", stored.event.actor},
      {"stage", stored.event.stage == 0 ? json(nullptr) : json(stored.event.stage)},
      {"summary", stored.event.summary},
      {"changes", std::move(changes)},
  };
}

json ServiceRequestToJson(const core::ServiceRequest& request) {
  return {
      {"reference", request.reference},
      {"version", request.version},
      {"channel", core::ToString(request.channel)},
      {"received_on", request.received_on.ToIso()},
      {"service_area", request.service_area},
      {"category", request.category},
      {"summary", request.summary},
      {"description", request.description},
      {"requester", PersonToJson(request.requester)},
      {"team", request.team},
      {"status", core::ToString(request.status)},
      {"resolved_on", DateOrNull(request.resolved_on)},
      {"resolution", request.resolution},
      {"complaint_reference", TextOrNull(request.complaint_reference)},
  };
}

}  // namespace redress::http
