#include "storage/common/report_reader.hpp"

#include <nlohmann/json.hpp>

#include "storage/common/stored_json.hpp"

namespace redress::storage::common {

Status ParseResponseLists(std::string_view causes, std::string_view remedies,
                          std::string_view actions, std::vector<std::string>& cause_texts,
                          std::vector<report::RemedyRecord>& remedy_buffer,
                          std::vector<report::ActionRecord>& action_buffer) {
  for (const nlohmann::json& code : ParseStoredArray(causes)) {
    if (code.is_string()) cause_texts.push_back(code.get<std::string>());
  }
  for (const nlohmann::json& item : ParseStoredArray(remedies)) {
    const std::string type_name = StoredTextMember(item, "type");
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
  for (const nlohmann::json& item : ParseStoredArray(actions)) {
    action_buffer.push_back(
        {StoredTextMember(item, "status") == core::ToString(core::ActionStatus::kDone),
         core::Date::Parse(StoredTextMember(item, "due_on")),
         core::Date::Parse(StoredTextMember(item, "completed_on"))});
  }
  return {};
}

}  // namespace redress::storage::common
