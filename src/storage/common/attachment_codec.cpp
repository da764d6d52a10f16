#include "storage/common/attachment_codec.hpp"

#include <nlohmann/json.hpp>

namespace redress::storage::common {

std::string_view SupplierName(core::Supplier supplier) {
  return supplier == core::Supplier::kResident ? "resident" : "staff";
}

std::optional<core::Supplier> ParseSupplier(std::string_view name) {
  if (name == "resident") return core::Supplier::kResident;
  if (name == "staff") return core::Supplier::kStaff;
  return std::nullopt;
}

std::string AllowedJson(const std::vector<core::MediaTypeChoice>& allowed) {
  nlohmann::json list = nlohmann::json::array();
  for (const core::MediaTypeChoice& choice : allowed) {
    list.push_back({{"media_type", choice.media_type}, {"label", choice.label}});
  }
  return list.dump();
}

core::Result<std::vector<core::MediaTypeChoice>> ParseAllowedJson(std::string_view text) {
  const nlohmann::json allowed = nlohmann::json::parse(text, nullptr, false);
  if (!allowed.is_array()) {
    return core::Fail(core::ErrorCode::kStorage, "malformed attachment_policy.allowed");
  }
  std::vector<core::MediaTypeChoice> choices;
  for (const nlohmann::json& choice : allowed) {
    if (!choice.is_object() || !choice.contains("media_type") || !choice.contains("label") ||
        !choice["media_type"].is_string() || !choice["label"].is_string()) {
      return core::Fail(core::ErrorCode::kStorage, "malformed attachment_policy.allowed");
    }
    choices.push_back(
        {choice["media_type"].get<std::string>(), choice["label"].get<std::string>()});
  }
  return choices;
}

}  // namespace redress::storage::common
