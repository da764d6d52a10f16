#pragma once

// The complainant's contact preferences and reasonable adjustments per complaint (issue 15): how
// letters go (email, post or both), in which format and language, and whether the representative
// is copied; and their needs (issue 18): adjustments in words, vulnerabilities and a note.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

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
  // The preferences of those of `complaint_references` that recorded any, with their reference, in
  // no particular order: one query for a page of a list (the needs flag of each row).
  virtual core::Result<std::vector<std::pair<std::string, core::ContactPreferences>>> LoadMany(
      std::span<const std::string> complaint_references) = 0;
  // Replaces the complaint's preferences; kInvalidInput naming `reference` for an unknown one.
  virtual core::Status Save(std::string_view complaint_reference,
                            const core::ContactPreferences& preferences) = 0;
};

}  // namespace redress::app
