#pragma once

// The writing side's conventions (json_mapping.hpp), shared by every mapping: an absent optional
// value is null, never left out; free text absent is "" except where it links to another record.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "core/date.hpp"

namespace redress::http {

inline nlohmann::json DateOrNull(const std::optional<core::Date>& date) {
  return date ? nlohmann::json(date->ToIso()) : nlohmann::json(nullptr);
}

// A link to another record (a username, a reference): null when there is none.
inline nlohmann::json TextOrNull(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

// An optional enum by its name (its ToString), null when absent.
template <typename Enum>
nlohmann::json NameOrNull(const std::optional<Enum>& value) {
  return value ? nlohmann::json(std::string(ToString(*value))) : nlohmann::json(nullptr);
}

}  // namespace redress::http
