#include "core/service_request.hpp"

#include <string>
#include <utility>
#include <vector>

#include "core/calendar.hpp"
#include "core/enum_names.hpp"
#include "core/validation.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<ServiceRequestStatus, 2> kServiceRequestStatusNames{{
    {ServiceRequestStatus::kOpen, "open"},
    {ServiceRequestStatus::kResolved, "resolved"},
}};

// "Service request SR-2024-000042", or just "Service request" before the store has numbered it.
std::string Named(const ServiceRequest& request) {
  std::string name = "Service request";
  if (!request.reference.empty()) name += " " + request.reference;
  return name;
}

}  // namespace

std::string_view ToString(ServiceRequestStatus value) {
  return NameOf(kServiceRequestStatusNames, value);
}
std::optional<ServiceRequestStatus> ParseServiceRequestStatus(std::string_view name) {
  return ParseName(kServiceRequestStatusNames, name);
}

Result<ServiceRequestTransition> LogServiceRequest(const ServiceRequestInput& input, Date today,
                                                   const std::string& actor) {
  FieldErrors errors;
  if (!InCalendarRange(input.received_on)) {
    errors.Add("received_on", "must be within the years the calendar covers",
               FieldErrorCode::kInvalidDate);
  } else if (input.received_on > today) {
    errors.Add("received_on", "must not be after today", FieldErrorCode::kDateInFuture);
  }
  ValidateSummary(input.summary, errors);
  if (IsBlank(input.service_area)) {
    errors.Add("service_area", "is required", FieldErrorCode::kRequired);
  }
  if (IsBlank(input.category)) errors.Add("category", "is required", FieldErrorCode::kRequired);
  ValidatePerson(input.requester, "requester", errors);
  if (!errors.empty()) return errors.ToError();

  ServiceRequest request;
  static_cast<ServiceRequestInput&>(request) = input;
  request.status = ServiceRequestStatus::kOpen;

  // The changes name the classification only: the requester's personal data stays out of the
  // audit trail.
  std::vector<Change> changes = {
      {"status", "", std::string(ToString(request.status))},
      {"received_on", "", request.received_on.ToIso()},
      {"service_area", "", request.service_area},
      {"category", "", request.category},
  };
  if (!request.team.empty()) changes.push_back({"team", "", request.team});
  CaseEvent event{
      .type = EventType::kServiceRequestLogged,
      .occurred_on = request.received_on,
      .actor = actor,
      .stage = 0,
      .summary = "Service request logged for " + request.service_area + ".",
      .changes = std::move(changes),
  };
  return ServiceRequestTransition{std::move(request), std::move(event)};
}

Result<ServiceRequestTransition> ResolveServiceRequest(const ServiceRequest& request, Date on,
                                                       const std::string& resolution, Date today,
                                                       const std::string& actor) {
  if (request.status != ServiceRequestStatus::kOpen) {
    return Fail(ErrorCode::kTransitionNotAllowed, Named(request) + " is " +
                                                      std::string(ToString(request.status)) +
                                                      "; only an open request can be resolved");
  }
  // Once converted, the resident's dissatisfaction is a complaint, and the complaint's response
  // is what closes the matter: resolving the request on its own would record an outcome the
  // investigation has not reached, and let the request's team close what the complaint's handler
  // (possibly a restricted team) now owns. Work on the problem goes on under the complaint.
  if (!request.complaint_reference.empty()) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                Named(request) + " was converted into complaint " + request.complaint_reference +
                    "; the complaint's response resolves it");
  }
  FieldErrors errors;
  if (on < request.received_on) {
    errors.Add("resolved_on",
               "must not be before the request was received (" + request.received_on.ToIso() + ")",
               FieldErrorCode::kDateTooEarly);
  } else if (on > today) {
    errors.Add("resolved_on", "must not be after today", FieldErrorCode::kDateInFuture);
  }
  if (IsBlank(resolution))
    errors.Add("resolution", "is required: say what was done", FieldErrorCode::kRequired);
  if (!errors.empty()) return errors.ToError();

  ServiceRequest resolved = request;
  resolved.status = ServiceRequestStatus::kResolved;
  resolved.resolved_on = on;
  resolved.resolution = resolution;
  CaseEvent event{
      .type = EventType::kServiceRequestResolved,
      .occurred_on = on,
      .actor = actor,
      .stage = 0,
      .summary = Named(request) + " resolved.",
      .changes = {{"status", std::string(ToString(request.status)),
                   std::string(ToString(resolved.status))},
                  {"resolved_on", "", on.ToIso()},
                  {"resolution", request.resolution, resolution}},
  };
  return ServiceRequestTransition{std::move(resolved), std::move(event)};
}

Result<ServiceRequestTransition> MarkConverted(const ServiceRequest& request,
                                               const std::string& complaint_reference, Date on,
                                               const std::string& actor) {
  // One request, one complaint: a second dissatisfaction is a new complaint or part of the first.
  if (!request.complaint_reference.empty()) {
    return Fail(ErrorCode::kTransitionNotAllowed,
                Named(request) + " was already converted into " + request.complaint_reference);
  }
  FieldErrors errors;
  if (IsBlank(complaint_reference)) {
    errors.Add("complaint_reference", "is required", FieldErrorCode::kRequired);
  }
  if (on < request.received_on) {
    errors.Add("converted_on",
               "must not be before the request was received (" + request.received_on.ToIso() + ")",
               FieldErrorCode::kDateTooEarly);
  }
  if (!errors.empty()) return errors.ToError();

  // The status is left as it is: a resolved request can still lead to a complaint about how it was
  // resolved, and an open one stays open (Code 1.5: work does not stop), carried on under the
  // complaint, whose response closes it (ResolveServiceRequest refuses a converted request).
  ServiceRequest converted = request;
  converted.complaint_reference = complaint_reference;
  CaseEvent event{
      .type = EventType::kServiceRequestConverted,
      .occurred_on = on,
      .actor = actor,
      .stage = 0,
      .summary = Named(request) + " raised as complaint " + complaint_reference +
                 "; work on the request continues.",
      .changes = {{"complaint_reference", "", complaint_reference}},
  };
  return ServiceRequestTransition{std::move(converted), std::move(event)};
}

}  // namespace redress::core
