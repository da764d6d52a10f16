#pragma once

// Service requests (Code 1.4): a request to put something right; not a complaint, but recorded,
// monitored and reviewed. One can become a complaint when the resident is dissatisfied (Code 1.5);
// the link is kept and the work goes on under the complaint, whose response closes the matter.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/result.hpp"

namespace redress::core {

enum class ServiceRequestStatus { kOpen, kResolved };
std::string_view ToString(ServiceRequestStatus status);  // "open", "resolved"
std::optional<ServiceRequestStatus> ParseServiceRequestStatus(std::string_view name);

// What the person asking gives and the officer records when a request is logged.
struct ServiceRequestInput {
  Channel channel = Channel::kPhone;
  Date received_on;
  std::string service_area;
  std::string category;
  std::string summary;
  std::string description;
  Person requester;
  std::string team;
  friend bool operator==(const ServiceRequestInput&, const ServiceRequestInput&) = default;
};

// A logged request: what was given when it was logged (the base, one field list for both) and
// what the store and its later steps add.
struct ServiceRequest : ServiceRequestInput {
  std::int64_t id = 0;
  std::string reference;  // assigned by the store, e.g. "SR-2024-000042"
  std::int64_t version = 0;
  ServiceRequestStatus status = ServiceRequestStatus::kOpen;
  std::optional<Date> resolved_on;
  std::string resolution;
  std::string complaint_reference;  // set when converted into a complaint
  friend bool operator==(const ServiceRequest&, const ServiceRequest&) = default;
};

struct ServiceRequestTransition {
  ServiceRequest request;
  CaseEvent event;
};

Result<ServiceRequestTransition> LogServiceRequest(const ServiceRequestInput& input, Date today,
                                                   const std::string& actor);
// kTransitionNotAllowed unless the request is open and not converted into a complaint.
Result<ServiceRequestTransition> ResolveServiceRequest(const ServiceRequest& request, Date on,
                                                       const std::string& resolution, Date today,
                                                       const std::string& actor);
// Records that `complaint_reference` was raised from the request. A request converts once.
Result<ServiceRequestTransition> MarkConverted(const ServiceRequest& request,
                                               const std::string& complaint_reference, Date on,
                                               const std::string& actor);

}  // namespace redress::core
