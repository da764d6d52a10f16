#pragma once

// The complainant's contact preferences and reasonable adjustments per complaint (issue 15): how
// letters go (email, post or both), in which format and language, and whether the representative
// is copied.

#include <optional>
#include <string_view>

#include "core/letter.hpp"
#include "core/result.hpp"

namespace redress::app {

class ContactPreferencesRepository {
 public:
  virtual ~ContactPreferencesRepository() = default;
  // The complaint's preferences; nullopt when it recorded none (kNotFound never: an unknown
  // reference also has none).
  virtual core::Result<std::optional<core::ContactPreferences>> Load(
      std::string_view complaint_reference) = 0;
  // Replaces the complaint's preferences; kInvalidInput naming `reference` for an unknown one.
  virtual core::Status Save(std::string_view complaint_reference,
                            const core::ContactPreferences& preferences) = 0;
};

}  // namespace redress::app
