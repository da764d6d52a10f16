#include "http/case_json.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/case_actions.hpp"
#include "core/pending_deadline.hpp"
#include "core/procedure_transitions.hpp"
#include "core/regime.hpp"
#include "core/time_limit.hpp"
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

std::string_view TimingName(core::StepTiming timing) {
  switch (timing) {
    case core::StepTiming::kPending:
      return "pending";
    case core::StepTiming::kOnTime:
      return "on_time";
    case core::StepTiming::kLate:
      return "late";
  }
  return {};
}

// The statutory procedure's steps at a stage, each null until recorded; the review panel's clocks
// with each step judged on its own.
json ProcedureToJson(const core::Stage& stage) {
  const core::StageProcedure& p = stage.procedure;
  json out = json::object();
  out["investigation"] =
      p.investigation ? json{{"record_agreed_on", p.investigation->record_agreed_on.ToIso()},
                             {"investigating_officer", p.investigation->investigating_officer},
                             {"independent_person", p.investigation->independent_person}}
                      : json(nullptr);
  out["adjudication"] = p.adjudication
                            ? json{{"adjudicating_officer", p.adjudication->adjudicating_officer},
                                   {"adjudicated_on", p.adjudication->adjudicated_on.ToIso()}}
                            : json(nullptr);
  out["review_panel"] =
      p.panel ? json{{"members", p.panel->members}, {"met_on", p.panel->met_on.ToIso()}}
              : json(nullptr);
  out["panel_report_on"] = DateOrNull(p.panel_report_on);
  out["panel_meet_by"] = DateOrNull(p.panel_meet_by);
  out["panel_report_by"] = DateOrNull(p.panel_report_by);
  if (p.panel_meet_by) {
    const core::PanelTiming timing = core::JudgePanel(stage);
    out["panel_timing"] = {{"meeting", TimingName(timing.meeting)},
                           {"report", TimingName(timing.report)},
                           {"response", TimingName(timing.response)}};
  } else {
    out["panel_timing"] = nullptr;
  }
  out["discussion_offer"] = p.discussion ? json{{"offered_on", p.discussion->offered_on.ToIso()},
                                                {"take_up", core::ToString(p.discussion->take_up)},
                                                {"notes", p.discussion->notes}}
                                         : json(nullptr);
  out["agreed_response_period"] = p.agreed_period
                                      ? json{{"agreed_on", p.agreed_period->agreed_on.ToIso()},
                                             {"respond_by", p.agreed_period->respond_by.ToIso()}}
                                      : json(nullptr);
  out["late_notice"] = p.late_notice ? json{{"notified_on", p.late_notice->notified_on.ToIso()},
                                            {"reason", p.late_notice->reason},
                                            {"expected_by", DateOrNull(p.late_notice->expected_by)}}
                                     : json(nullptr);
  return out;
}

// Where the complaint stands against the time limit for complaining, or null when the date the
// matter arose is not recorded. Evidence only: being outside the limit never refuses by itself.
json TimeLimitToJson(const core::Complaint& complaint) {
  const std::optional<core::TimeLimitEvidence> evidence = core::TimeLimitEvidenceFor(
      complaint.regime, complaint.matter_arose_on, complaint.received_on);
  if (!evidence) return nullptr;
  return {{"matter_arose_on", evidence->matter_arose_on.ToIso()},
          {"received_on", evidence->received_on.ToIso()},
          {"limit_months", evidence->limit_months},
          {"limit_ends_on", evidence->limit_ends_on.ToIso()},
          {"days_beyond_limit", evidence->days_beyond_limit},
          {"outside_limit", evidence->outside_limit()}};
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
      {"procedure", ProcedureToJson(stage)},
  };
  // History that stays put: the answers reopenings superseded, oldest first, and every reopening.
  json earlier = json::array();
  for (const core::Response& response : stage.earlier_responses) {
    earlier.push_back(ResponseToJson(response));
  }
  out["earlier_responses"] = std::move(earlier);
  json reopenings = json::array();
  for (core::Date on : stage.reopenings) reopenings.push_back(on.ToIso());
  out["reopenings"] = std::move(reopenings);
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
  // A refusal as outside the time limit shows its evidence (core/time_limit.hpp); an earlier
  // refusal, undone by a reopening, is kept as it was decided.
  const auto refusal_json = [&complaint](const core::Refusal& refusal) -> json {
    return {{"decided_on", refusal.decided_on.ToIso()},
            {"reason", core::ToString(refusal.reason)},
            {"explanation", refusal.explanation},
            {"time_limit", refusal.reason == core::RefusalReason::kOlderThan12Months
                               ? TimeLimitToJson(complaint)
                               : json(nullptr)}};
  };
  const auto withdrawal_json = [](const core::Withdrawal& withdrawal) -> json {
    return {{"withdrawn_on", withdrawal.withdrawn_on.ToIso()},
            {"reason", withdrawal.reason},
            {"status_before", core::ToString(withdrawal.status_before)}};
  };
  json refusal = complaint.refusal ? refusal_json(*complaint.refusal) : json(nullptr);
  json withdrawal = complaint.withdrawal ? withdrawal_json(*complaint.withdrawal) : json(nullptr);
  json earlier_refusals = json::array();
  for (const core::Refusal& earlier : complaint.earlier_refusals) {
    earlier_refusals.push_back(refusal_json(earlier));
  }
  json earlier_withdrawals = json::array();
  for (const core::Withdrawal& earlier : complaint.earlier_withdrawals) {
    earlier_withdrawals.push_back(withdrawal_json(earlier));
  }
  const core::CodeVersion& code_version =
      core::CodeVersionFor(complaint.regime, complaint.received_on);
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
      {"matter_arose_on", DateOrNull(complaint.matter_arose_on)},
      {"time_limit", TimeLimitToJson(complaint)},
      // The Code version the complaint is judged on, picked by its received date.
      {"code_version", code_version.id},
      {"code_version_title", code_version.title},
      {"status", core::ToString(complaint.status)},
      {"restricted", complaint.restricted},
      {"service_request_reference", TextOrNull(complaint.service_request_reference)},
      {"possible_repeat_of", complaint.possible_repeat_of},
      {"refusal", std::move(refusal)},
      {"withdrawal", std::move(withdrawal)},
      {"earlier_refusals", std::move(earlier_refusals)},
      {"earlier_withdrawals", std::move(earlier_withdrawals)},
      {"closed_on", DateOrNull(complaint.closed_on)},
      {"reopen_count", complaint.reopen_count},
      {"stage", current.number},
      {"acknowledge_by", current.acknowledge_by.ToIso()},
      {"respond_by", DateOrNull(current.respond_by)},
      {"stages", std::move(stages)},
      {"allowed_actions",
       AllowedActionsToJson(core::AllowedActions(context.role, complaint, context.username))},
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
      {"complainant", row.complainant},
  };
}

json EventToJson(const app::StoredEvent& stored, const app::PeopleNames& people) {
  const auto name = people.find(stored.event.actor);
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
      {"actor_name", name == people.end() ? json(nullptr) : json(name->second)},
      {"stage", stored.event.stage == 0 ? json(nullptr) : json(stored.event.stage)},
      {"summary", stored.event.summary},
      {"changes", std::move(changes)},
      {"content_erased", stored.content_erased},
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
