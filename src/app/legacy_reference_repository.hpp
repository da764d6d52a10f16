#pragma once

// The references of cases imported from a legacy system (issue 20; app/legacy_import.hpp): each
// legacy system's reference is kept with the Redress complaint it became, unique per system, so
// that importing a file again imports nothing twice. Part of the ports (app/ports.hpp).

#include <optional>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace redress::app {

class LegacyReferenceRepository {
 public:
  virtual ~LegacyReferenceRepository() = default;
  // The complaint the legacy system's `legacy_reference` became; nullopt when not imported.
  virtual core::Result<std::optional<std::string>> Find(std::string_view system,
                                                        std::string_view legacy_reference) = 0;
  // Records that `legacy_reference` became `complaint_reference`; kConflict when the system's
  // reference is already recorded (nothing is written).
  virtual core::Status Add(std::string_view system, std::string_view legacy_reference,
                           std::string_view complaint_reference, std::string_view imported_at) = 0;
};

}  // namespace redress::app
