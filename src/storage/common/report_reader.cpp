#include "storage/common/report_reader.hpp"

#include <nlohmann/json.hpp>

namespace redress::storage::common {

namespace {

nlohmann::json ParseArray(std::string_view text) {
  nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  return array.is_array() ? array : nlohmann::json::array();
}

std::string TextMember(const nlohmann::json& item, std::string_view key) {
  if (!item.is_object()) return {};
  auto found = item.find(key);
  return found != item.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

Status ParseResponseLists(std::string_view causes, std::string_view remedies,
                          std::string_view actions, std::vector<std::string>& cause_texts,
                          std::vector<report::RemedyRecord>& remedy_buffer,
                          std::vector<report::ActionRecord>& action_buffer) {
  for (const nlohmann::json& code : ParseArray(causes)) {
    if (code.is_string()) cause_texts.push_back(code.get<std::string>());
  }
  for (const nlohmann::json& item : ParseArray(remedies)) {
    const std::string type_name = TextMember(item, "type");
    std::optional<core::RemedyType> type = core::ParseRemedyType(type_name);
    if (!type) {
      return Fail(ErrorCode::kStorage, "malformed value '" + type_name + "' in column remedies");
    }
    std::int64_t amount = 0;
    if (item.contains("amount_pence") && item["amount_pence"].is_number_integer()) {
      amount = item["amount_pence"].get<std::int64_t>();
    }
    remedy_buffer.push_back({*type, amount});
  }
  for (const nlohmann::json& item : ParseArray(actions)) {
    action_buffer.push_back(
        {TextMember(item, "status") == core::ToString(core::ActionStatus::kDone),
         core::Date::Parse(TextMember(item, "due_on")),
         core::Date::Parse(TextMember(item, "completed_on"))});
  }
  return {};
}

}  // namespace redress::storage::common
