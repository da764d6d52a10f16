#pragma once

// Subject access requests ("SAR-"). Part of the ports (app/ports.hpp).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "core/subject_access_request.hpp"

namespace redress::app {

// An item withheld from a request's bundle (core/subject_access_bundle.hpp): its name, why, by
// whom and when. Marks are only added: history is never lost.
struct Withholding {
  std::string item;  // core::ItemName
  std::string reason;
  std::string withheld_by;  // username
  std::string withheld_at;  // RFC 3339, UTC
  friend bool operator==(const Withholding&, const Withholding&) = default;
};

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
  // Marks an item of the request `reference` withheld; kNotFound for an unknown request,
  // kConflict when that item is withheld already.
  virtual core::Status AddWithholding(std::string_view reference,
                                      const Withholding& withholding) = 0;
  // The request's marks, oldest first (none for an unknown request).
  virtual core::Result<std::vector<Withholding>> WithholdingsOf(std::string_view reference) = 0;
};

}  // namespace redress::app
