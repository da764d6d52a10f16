#pragma once
// Reading the JSON arrays a superseded response's lists are kept as (complaint_rows.cpp writes and
// reads them, report_reader.cpp reads them for the report), leniently: a text that is not an
// array reads as an empty one, a member that is not a string as "". Internal to storage/common.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace redress::storage::common {

inline nlohmann::json ParseStoredArray(std::string_view text) {
  nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return array.is_array() ? array : nlohmann::json::array();
}

inline std::string StoredTextMember(const nlohmann::json& item, std::string_view key) {
  if (!item.is_object()) return {};
  auto found = item.find(key);
  return found != item.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace redress::storage::common
