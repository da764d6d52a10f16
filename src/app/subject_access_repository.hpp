#pragma once

// Subject access requests ("SAR-"). Part of the ports (app/ports.hpp).

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/subject_access_request.hpp"

namespace redress::app {

// The subject access requests of one transaction (Tx::SubjectAccess). Versioned like complaints:
// Insert assigns id, the reference "SAR-<year>-<6 digits>" (gap-free per year of `year`) and
// version 1; Update requires the stored version to equal expected_version (else kStaleVersion;
// kNotFound for an unknown reference) and stores version + 1; both return the request as stored.
// The use cases append the events.
class SubjectAccessRepository {
 public:
  virtual ~SubjectAccessRepository() = default;

  virtual core::Result<core::SubjectAccessRequest> Insert(core::SubjectAccessRequest request,
                                                          int year) = 0;
  virtual core::Result<core::SubjectAccessRequest> Update(core::SubjectAccessRequest request,
                                                          std::int64_t expected_version) = 0;
  // kNotFound for an unknown reference.
  virtual core::Result<core::SubjectAccessRequest> Load(std::string_view reference) = 0;
  // Every request, oldest first.
  virtual core::Result<std::vector<core::SubjectAccessRequest>> List() = 0;
};

}  // namespace redress::app
