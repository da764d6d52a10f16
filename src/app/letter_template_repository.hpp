#pragma once

// Letter templates per letter type, and per regime where an organisation's wording differs;
// versioned: saving never replaces a version, it adds the next one, and a letter records the
// version it used (issue 15).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/letter.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"

namespace redress::app {

struct LetterTemplate {
  core::LetterType type = core::LetterType::kFreeLetter;
  std::optional<core::Regime> regime;  // nullopt = every regime without its own
  std::int64_t version = 0;            // 1, 2, ... per (type, regime); 0 = the shipped default
  std::string text;
  std::string saved_by;  // username; "" for the default
  std::string saved_at;  // RFC 3339 UTC; "" for the default
  friend bool operator==(const LetterTemplate&, const LetterTemplate&) = default;
};

class LetterTemplateRepository {
 public:
  virtual ~LetterTemplateRepository() = default;
  // Stores `letter_template` as the next version of its (type, regime), ignoring the version it
  // carries; returns it with the version assigned.
  virtual core::Result<LetterTemplate> Insert(LetterTemplate letter_template) = 0;
  // The latest saved version for exactly (type, regime); nullopt when none was saved.
  virtual core::Result<std::optional<LetterTemplate>> Latest(
      core::LetterType type, std::optional<core::Regime> regime) = 0;
  // The latest version of every (type, regime) saved, ordered by type then regime (nullopt first).
  virtual core::Result<std::vector<LetterTemplate>> ListLatest() = 0;
  // Every saved version of exactly (type, regime), newest first (the admin page's history).
  virtual core::Result<std::vector<LetterTemplate>> History(core::LetterType type,
                                                            std::optional<core::Regime> regime) = 0;
};

}  // namespace redress::app
