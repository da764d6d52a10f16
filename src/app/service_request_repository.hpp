#pragma once

// Service requests: what a resident asked for that is not a complaint (core/service_request.hpp).
// Part of the ports (app/ports.hpp).

#include <cstdint>
#include <string_view>

#include "core/event.hpp"
#include "core/result.hpp"
#include "core/service_request.hpp"

namespace redress::app {

// The service requests of one transaction (Tx::ServiceRequests). Versioned like complaints.
class ServiceRequestRepository {
 public:
  virtual ~ServiceRequestRepository() = default;

  // kNotFound when there is none.
  virtual core::Result<core::ServiceRequest> Load(std::string_view reference) = 0;
  // Assigns id, reference ("SR-<year received>-<6-digit sequence>", gap-free per year) and
  // version 1, stores the request and appends `event` in this transaction. A complaint it names
  // must exist (kInvalidInput naming the field).
  virtual core::Result<core::ServiceRequest> Insert(core::ServiceRequest request,
                                                    const core::CaseEvent& event) = 0;
  // Requires the stored version to equal expected_version (else kStaleVersion; kNotFound for an
  // unknown reference), stores version + 1 and appends `event`.
  virtual core::Result<core::ServiceRequest> Update(const core::ServiceRequest& request,
                                                    std::int64_t expected_version,
                                                    const core::CaseEvent& event) = 0;
};

}  // namespace redress::app
