#include "app/case_use_cases.hpp"

#include <algorithm>
#include <functional>
#include <utility>

#include "app/visibility.hpp"
#include "core/case_actions.hpp"
#include "core/permissions.hpp"
#include "core/regime.hpp"
#include "core/repeats.hpp"
#include "core/routing.hpp"

namespace redress::app {
namespace {

core::CaseContext ContextFor(const Organisation& organisation, const Actor& actor,
                             core::Date today) {
  return core::CaseContext{organisation.calendar.get(), today, actor.username,
                           &organisation.root_causes};
}

// Reference data named by an input must exist; each unknown code is a field error.
void CheckReferenceData(const Organisation& organisation, const std::string& service_area,
                        const std::string& category, core::FieldErrors& errors) {
  if (!service_area.empty() && !organisation.service_areas.contains(service_area)) {
    errors.Add("service_area", "unknown service area '" + service_area + "'",
               core::FieldErrorCode::kUnknownReference);
  }
  if (!category.empty() && !organisation.categories.contains(category)) {
    errors.Add("category", "unknown or inactive category '" + category + "'",
               core::FieldErrorCode::kUnknownReference);
  }
}

// A handler named in an input must be an active user whose role handles stages (not a viewer:
// core::RoleHandlesStages, the role part of core::MayHandleStage; the core's transitions check
// the rest, that they handled no earlier stage).
Status CheckHandler(AccountRepository& accounts, const std::string& handler) {
  if (handler.empty()) return {};
  auto user = accounts.FindUser(handler);
  if (!user) {
    if (user.error().code == core::ErrorCode::kNotFound) {
      return core::FailField("handler", "unknown user '" + handler + "'",
                             core::FieldErrorCode::kUnknownReference);
    }
    return tl::unexpected(user.error());
  }
  if (!user->active)
    return core::FailField("handler", "user '" + handler + "' is not active",
                           core::FieldErrorCode::kNotAllowedInState);
  if (!core::RoleHandlesStages(user->role)) {
    return core::FailField("handler",
                           "user '" + handler + "' is a " +
                               std::string(core::ToString(user->role)) +
                               " and may not handle a stage",
                           core::FieldErrorCode::kNotAllowedInState);
  }
  return {};
}

std::string OwningTeam(const Organisation& organisation, const std::string& service_area) {
  auto found = organisation.service_areas.find(service_area);
  return found == organisation.service_areas.end() ? std::string() : found->second.team;
}

// The most recent earlier complaints (at most core::kMaxPossibleRepeats) that `incoming` possibly
// repeats and may name (core::MayNameAsRepeat): the lookup and the list stay the same size however
// many complaints the complainant made before.
Result<std::vector<std::string>> PossibleRepeats(Tx& tx, const LogComplaintCommand& command,
                                                 const core::Complaint& incoming) {
  core::RepeatKey key = core::KeyOf(command.complainant, command.category, command.received_on);
  auto candidates = tx.Complaints().RepeatCandidates(
      key, command.received_on.AddMonths(-core::kRepeatWindowMonths), command.received_on,
      core::kMaxPossibleRepeats);
  if (!candidates) return tl::unexpected(candidates.error());
  std::vector<core::RepeatCandidate> nameable;
  for (core::RepeatCandidate& candidate : *candidates) {
    if (candidate.restricted) {
      // Only a restricted complaint can be named on one, and only when its teams see it.
      if (!incoming.restricted) continue;
      auto earlier = tx.Complaints().Load(candidate.reference);
      if (!earlier) return tl::unexpected(earlier.error());
      if (!core::MayNameAsRepeat(*earlier, incoming)) continue;
    }
    nameable.push_back(std::move(candidate));
  }
  return core::FindPossibleRepeats(key, nameable);
}

// Leaves out of `complaint.possible_repeat_of` the complaints the actor may not see, so that no
// answer names a restricted complaint to someone outside its teams (Visibility), and keeps at
// most core::kMaxPossibleRepeats, the latest references first: a complaint logged before the list
// was bounded may name thousands, and each one checked costs a load.
Status HideUnseenRepeats(Tx& tx, const Actor& actor, core::Complaint& complaint) {
  std::vector<std::string> candidates = std::move(complaint.possible_repeat_of);
  // References are numbered by year received, then in the order logged.
  std::sort(candidates.begin(), candidates.end(), std::greater<>());
  Visibility visibility(tx, actor);
  std::vector<std::string> seen;
  for (std::string& reference : candidates) {
    if (seen.size() == core::kMaxPossibleRepeats) break;
    auto visible = visibility.SeesReference(reference);
    if (!visible) return tl::unexpected(visible.error());
    if (*visible) seen.push_back(std::move(reference));
  }
  complaint.possible_repeat_of = std::move(seen);
  return {};
}

// Turns one CaseAction into the core transition it stands for.
struct ActionApplier {
  Tx& tx;
  const Organisation& organisation;
  const core::Complaint& complaint;
  const core::CaseContext& context;

  Result<core::Transition> operator()(const core::AcknowledgeInput& input) const {
    return core::Acknowledge(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::ExtendInput& input) const {
    return core::Extend(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::RespondInput& input) const {
    return core::Respond(complaint, input, context);
  }
  Result<core::Transition> operator()(const EscalateCommand& command) const {
    if (auto checked = CheckHandler(tx.Accounts(), command.handler); !checked) {
      return tl::unexpected(checked.error());
    }
    core::EscalateInput input{command.requested_on, command.reason, "", command.handler};
    int next_stage = complaint.current_stage().number + 1;
    // Past the final stage there is no team to route to; the core refuses the escalation.
    if (!core::IsFinalStage(complaint.regime, complaint.current_stage().number)) {
      input.team = core::RouteStage(complaint.regime, next_stage, complaint.service_area,
                                    OwningTeam(organisation, complaint.service_area),
                                    command.requested_on, organisation.routing);
    }
    return core::Escalate(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::RefuseInput& input) const {
    return core::Refuse(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::WithdrawInput& input) const {
    return core::Withdraw(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::CloseInput& input) const {
    return core::Close(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::ReopenInput& input) const {
    return core::Reopen(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::InvestigationInput& input) const {
    return core::RecordInvestigation(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::AdjudicationInput& input) const {
    return core::RecordAdjudication(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::ReviewPanelInput& input) const {
    return core::RecordReviewPanel(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::PanelReportInput& input) const {
    return core::RecordPanelReport(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::DiscussionOfferInput& input) const {
    return core::RecordDiscussionOffer(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::ResponsePeriodInput& input) const {
    return core::AgreeResponsePeriod(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::LateNoticeInput& input) const {
    return core::NotifyLateResponse(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::CorrectResponseInput& input) const {
    return core::CorrectResponse(complaint, input, context);
  }
  Result<core::Transition> operator()(const core::ReassignInput& input) const {
    if (!input.team.empty() && !organisation.teams.contains(input.team)) {
      return core::FailField("team", "unknown team '" + input.team + "'",
                             core::FieldErrorCode::kUnknownReference);
    }
    if (auto checked = CheckHandler(tx.Accounts(), input.handler); !checked) {
      return tl::unexpected(checked.error());
    }
    return core::Reassign(complaint, input, context);
  }
};

}  // namespace

Result<core::Complaint> LogComplaintIn(Tx& tx, const Organisation& organisation, const Actor& actor,
                                       core::Date today, const LogComplaintCommand& command) {
  core::FieldErrors errors;
  CheckReferenceData(organisation, command.service_area, command.category, errors);
  if (!errors.empty()) return errors.ToError();
  if (auto checked = CheckHandler(tx.Accounts(), command.handler); !checked) {
    return tl::unexpected(checked.error());
  }

  core::LogInput input{
      .regime = command.regime,
      .channel = command.channel,
      .received_on = command.received_on,
      .matter_arose_on = command.matter_arose_on,
      .service_area = command.service_area,
      .category = command.category,
      .summary = command.summary,
      .description = command.description,
      .desired_outcome = command.desired_outcome,
      .complainant = command.complainant,
      .representative = command.representative,
      .team = core::RouteStage(command.regime, 1, command.service_area,
                               OwningTeam(organisation, command.service_area), command.received_on,
                               organisation.routing),
      .handler = command.handler,
      .service_request_reference = command.service_request_reference,
      .possible_repeat_of = {},
  };
  auto logged = core::Log(input, ContextFor(organisation, actor, today));
  if (!logged) return tl::unexpected(logged.error());
  // Repeats are looked up only for a complaint that is otherwise valid (core::Log refuses a
  // received date outside the calendar before any date arithmetic), and for the complaint as
  // logged, whose restriction and team decide which earlier complaints it may name.
  auto repeats = PossibleRepeats(tx, command, logged->complaint);
  if (!repeats) return tl::unexpected(repeats.error());
  logged->complaint.possible_repeat_of = std::move(*repeats);
  return tx.Complaints().Insert(std::move(logged->complaint), logged->event);
}

Result<core::Complaint> ApplyCaseActionIn(Tx& tx, const Organisation& organisation,
                                          const Actor& actor, core::Date today,
                                          std::string_view reference,
                                          std::optional<std::int64_t> expected_version,
                                          const CaseAction& action) {
  auto complaint = tx.Complaints().Load(reference);
  if (!complaint) return tl::unexpected(complaint.error());
  if (expected_version && *expected_version != complaint->version) {
    return core::Fail(core::ErrorCode::kStaleVersion,
                      "complaint " + std::string(reference) + " has changed (version " +
                          std::to_string(complaint->version) + ", you had version " +
                          std::to_string(*expected_version) + "); reload it and try again");
  }
  core::CaseContext context = ContextFor(organisation, actor, today);
  auto transition = std::visit(ActionApplier{tx, organisation, *complaint, context}, action);
  if (!transition) return tl::unexpected(transition.error());
  return tx.Complaints().Update(transition->complaint, complaint->version, transition->event);
}

Result<core::ServiceRequest> LogServiceRequestIn(Tx& tx, const Organisation& organisation,
                                                 const Actor& actor, core::Date today,
                                                 core::ServiceRequestInput input) {
  core::FieldErrors errors;
  CheckReferenceData(organisation, input.service_area, input.category, errors);
  if (!errors.empty()) return errors.ToError();
  input.team = OwningTeam(organisation, input.service_area);
  auto logged = core::LogServiceRequest(input, today, actor.username);
  if (!logged) return tl::unexpected(logged.error());
  return tx.ServiceRequests().Insert(std::move(logged->request), logged->event);
}

Result<core::ServiceRequest> ResolveServiceRequestIn(Tx& tx, const Actor& actor, core::Date today,
                                                     std::string_view reference, core::Date on,
                                                     const std::string& resolution) {
  auto request = LoadVisibleServiceRequest(tx, actor, reference);
  if (!request) return tl::unexpected(request.error());
  auto resolved = core::ResolveServiceRequest(*request, on, resolution, today, actor.username);
  if (!resolved) return tl::unexpected(resolved.error());
  return tx.ServiceRequests().Update(resolved->request, request->version, resolved->event);
}

Result<core::Complaint> ConvertServiceRequestIn(Tx& tx, const Organisation& organisation,
                                                const Actor& actor, core::Date today,
                                                std::string_view reference,
                                                const ConvertServiceRequestCommand& command) {
  auto request = LoadVisibleServiceRequest(tx, actor, reference);
  if (!request) return tl::unexpected(request.error());
  if (!request->complaint_reference.empty()) {
    return core::Fail(core::ErrorCode::kTransitionNotAllowed,
                      "service request " + request->reference + " was already converted into " +
                          request->complaint_reference);
  }
  if (command.received_on < request->received_on) {
    return core::FailField("received_on",
                           "must not be before the service request was received (" +
                               request->received_on.ToIso() + ")",
                           core::FieldErrorCode::kDateTooEarly);
  }
  LogComplaintCommand log{
      .regime = command.regime,
      .channel = request->channel,
      .received_on = command.received_on,
      .matter_arose_on = std::nullopt,
      .service_area = request->service_area,
      .category = request->category,
      .summary = command.summary.empty() ? request->summary : command.summary,
      .description = command.description.empty() ? request->description : command.description,
      .desired_outcome = "",
      .complainant = request->requester,
      .representative = std::nullopt,
      .handler = "",
      .service_request_reference = request->reference,
  };
  auto complaint = LogComplaintIn(tx, organisation, actor, today, log);
  if (!complaint) return complaint;
  auto converted =
      core::MarkConverted(*request, complaint->reference, command.received_on, actor.username);
  if (!converted) return tl::unexpected(converted.error());
  auto updated =
      tx.ServiceRequests().Update(converted->request, request->version, converted->event);
  if (!updated) return tl::unexpected(updated.error());
  return complaint;
}

Result<core::Complaint> LoadVisibleComplaint(Tx& tx, const Actor& actor,
                                             std::string_view reference) {
  auto complaint = tx.Complaints().Load(reference);
  if (!complaint) return complaint;
  if (actor.reach != Reach::kEverything && !core::CanSee(actor.team, *complaint)) {
    return core::Fail(core::ErrorCode::kNotFound, "no complaint " + std::string(reference));
  }
  if (Status hidden = HideUnseenRepeats(tx, actor, *complaint); !hidden) {
    return tl::unexpected(hidden.error());
  }
  return complaint;
}

Result<core::ServiceRequest> LoadVisibleServiceRequest(Tx& tx, const Actor& actor,
                                                       std::string_view reference) {
  auto request = tx.ServiceRequests().Load(reference);
  if (!request) return request;
  Visibility visibility(tx, actor);
  if (Status visible = visibility.Require(*request, "no service request " + std::string(reference));
      !visible) {
    return tl::unexpected(visible.error());
  }
  return request;
}

Result<std::vector<StoredEvent>> VisibleTimeline(Tx& tx, const Actor& actor,
                                                 std::string_view reference) {
  auto complaint = LoadVisibleComplaint(tx, actor, reference);
  if (!complaint) return tl::unexpected(complaint.error());
  return VisibleTimelineOf(tx, actor, *complaint);
}

Result<std::vector<StoredEvent>> VisibleTimelineOf(Tx& tx, const Actor& actor,
                                                   const core::Complaint& complaint) {
  auto events = tx.Events().EventsOf(EntityType::kComplaint, complaint.reference);
  if (!events) return events;
  Visibility visibility(tx, actor);
  visibility.Know(complaint);
  return visibility.Filter(std::move(*events));
}

namespace {

// Runs `work` in one write transaction with the organisation loaded and "today" read once.
template <typename T, typename Work>
Result<T> WriteWith(const CaseContext& context, Work&& work) {
  std::optional<T> result;
  std::optional<OrganisationCache::Entry> organisation;
  core::Date today = context.clock.Today();
  auto status = context.store.Write([&](Tx& tx) -> Status {
    auto loaded = context.organisations.Load(tx);
    if (!loaded) return tl::unexpected(loaded.error());
    organisation = std::move(*loaded);
    auto value = work(tx, *organisation->organisation, today);
    if (!value) return tl::unexpected(value.error());
    result = std::move(*value);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  // Committed: the configuration this Write saw may be reused by the next.
  context.organisations.Remember(std::move(*organisation));
  return std::move(*result);
}

}  // namespace

Result<ComplaintQuery> WithDueRange(const CaseContext& context, Tx& tx, ComplaintQuery query) {
  if (!query.overdue && !query.due_within) return query;
  const core::Date today = context.clock.Today();
  core::DueRange range = core::OverdueRange(today);
  if (!query.overdue) {
    // The organisation's calendar, as every use case loads it (cached between transactions).
    auto organisation = context.organisations.Load(tx);
    if (!organisation) return tl::unexpected(organisation.error());
    range = core::DueWithinRange(*organisation->organisation->calendar, today, *query.due_within);
  }
  query.due_from = range.from;
  query.due_before = range.before;
  return query;
}

Result<core::Complaint> LogComplaint(const CaseContext& context, const Actor& actor,
                                     const LogComplaintCommand& command) {
  return WriteWith<core::Complaint>(
      context, [&](Tx& tx, const Organisation& organisation, core::Date today) {
        auto logged = LogComplaintIn(tx, organisation, actor, today, command);
        if (!logged) return logged;
        if (Status hidden = HideUnseenRepeats(tx, actor, *logged); !hidden) {
          return Result<core::Complaint>(tl::unexpected(hidden.error()));
        }
        return logged;
      });
}

Result<core::Complaint> ApplyCaseAction(const CaseContext& context, const Actor& actor,
                                        std::string_view reference,
                                        std::optional<std::int64_t> expected_version,
                                        const CaseAction& action) {
  return WriteWith<core::Complaint>(
      context, [&](Tx& tx, const Organisation& organisation, core::Date today) {
        if (auto visible = LoadVisibleComplaint(tx, actor, reference); !visible) return visible;
        auto applied =
            ApplyCaseActionIn(tx, organisation, actor, today, reference, expected_version, action);
        if (!applied) return applied;
        if (Status hidden = HideUnseenRepeats(tx, actor, *applied); !hidden) {
          return Result<core::Complaint>(tl::unexpected(hidden.error()));
        }
        return applied;
      });
}

Result<core::Complaint> GetComplaint(const CaseContext& context, std::string_view reference) {
  std::optional<core::Complaint> result;
  auto status = context.store.Read([&](Tx& tx) -> Status {
    auto complaint = tx.Complaints().Load(reference);
    if (!complaint) return tl::unexpected(complaint.error());
    result = std::move(*complaint);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<std::vector<ComplaintRow>> ListComplaints(const CaseContext& context,
                                                 const ComplaintQuery& asked) {
  std::vector<ComplaintRow> rows;
  auto status = context.store.Read([&](Tx& tx) -> Status {
    auto query = WithDueRange(context, tx, asked);
    if (!query) return tl::unexpected(query.error());
    auto listed = tx.Complaints().List(*query);
    if (!listed) return tl::unexpected(listed.error());
    rows = std::move(*listed);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return rows;
}

Result<CaseCounts> CountComplaints(const CaseContext& context, const ComplaintQuery& asked) {
  CaseCounts counts;
  auto status = context.store.Read([&](Tx& tx) -> Status {
    auto query = WithDueRange(context, tx, asked);
    if (!query) return tl::unexpected(query.error());
    auto counted = tx.Complaints().CountByStatus(*query);
    if (!counted) return tl::unexpected(counted.error());
    counts.by_status = std::move(*counted);
    // One count per stage, in the same read: a stage filter given leaves the other stages at 0.
    for (int stage = 1; stage <= core::kMaxStages; ++stage) {
      std::int64_t open = 0;
      if (!query->stage || *query->stage == stage) {
        ComplaintQuery at_stage = *query;
        at_stage.stage = stage;
        auto at = tx.Complaints().CountByStatus(at_stage);
        if (!at) return tl::unexpected(at.error());
        for (const auto& [case_status, count] : *at) {
          if (core::IsOpen(case_status)) open += count;
        }
      }
      counts.open_by_stage.emplace_back(stage, open);
    }
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return counts;
}

Result<core::ServiceRequest> LogServiceRequest(const CaseContext& context, const Actor& actor,
                                               const core::ServiceRequestInput& input) {
  return WriteWith<core::ServiceRequest>(
      context, [&](Tx& tx, const Organisation& organisation, core::Date today) {
        return LogServiceRequestIn(tx, organisation, actor, today, input);
      });
}

Result<core::ServiceRequest> GetServiceRequest(const CaseContext& context, const Actor& actor,
                                               std::string_view reference) {
  std::optional<core::ServiceRequest> result;
  auto status = context.store.Read([&](Tx& tx) -> Status {
    auto request = LoadVisibleServiceRequest(tx, actor, reference);
    if (!request) return tl::unexpected(request.error());
    result = std::move(*request);
    return {};
  });
  if (!status) return tl::unexpected(status.error());
  return std::move(*result);
}

Result<core::ServiceRequest> ResolveServiceRequest(const CaseContext& context, const Actor& actor,
                                                   std::string_view reference, core::Date on,
                                                   const std::string& resolution) {
  return WriteWith<core::ServiceRequest>(
      context, [&](Tx& tx, const Organisation&, core::Date today) {
        return ResolveServiceRequestIn(tx, actor, today, reference, on, resolution);
      });
}

Result<core::Complaint> ConvertServiceRequest(const CaseContext& context, const Actor& actor,
                                              std::string_view reference,
                                              const ConvertServiceRequestCommand& command) {
  return WriteWith<core::Complaint>(context, [&](Tx& tx, const Organisation& organisation,
                                                 core::Date today) {
    auto converted = ConvertServiceRequestIn(tx, organisation, actor, today, reference, command);
    if (!converted) return converted;
    if (Status hidden = HideUnseenRepeats(tx, actor, *converted); !hidden) {
      return Result<core::Complaint>(tl::unexpected(hidden.error()));
    }
    return converted;
  });
}

}  // namespace redress::app
