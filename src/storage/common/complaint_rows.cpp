// The JSON half of a superseded response's row (complaint_rows.hpp): its lists kept whole as
// arrays, written and read here so that the header's templates need no JSON library.

#include "storage/common/complaint_rows.hpp"

#include <nlohmann/json.hpp>

#include "storage/common/stored_json.hpp"

namespace redress::storage::common {

namespace {

std::string JsonText(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string RootCausesJson(const std::vector<std::string>& root_causes) {
  nlohmann::json causes = nlohmann::json::array();
  for (const std::string& code : root_causes) causes.push_back(code);
  return JsonText(causes);
}

std::string RemediesJson(const std::vector<core::Remedy>& remedies) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Remedy& remedy : remedies) {
    array.push_back({{"type", core::ToString(remedy.type)},
                     {"amount_pence", remedy.amount_pence},
                     {"description", remedy.description}});
  }
  return JsonText(array);
}

std::string ActionsJson(const std::vector<core::Action>& actions) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Action& action : actions) {
    array.push_back({{"description", action.description},
                     {"due_on", action.due_on ? action.due_on->ToIso() : std::string()},
                     {"owner", action.owner},
                     {"status", core::ToString(action.status)},
                     {"completed_on", action.completed_on ? action.completed_on->ToIso() : ""}});
  }
  return JsonText(array);
}

void ParseEarlierResponseLists(const std::string& root_causes, const std::string& remedies,
                               const std::string& actions, core::Response& response) {
  for (const nlohmann::json& code : ParseStoredArray(root_causes)) {
    if (code.is_string()) response.root_causes.push_back(code.get<std::string>());
  }
  for (const nlohmann::json& item : ParseStoredArray(remedies)) {
    core::Remedy remedy{
        core::ParseRemedyType(StoredTextMember(item, "type")).value_or(core::RemedyType::kApology),
        0, StoredTextMember(item, "description")};
    if (item.is_object() && item.contains("amount_pence") && item["amount_pence"].is_number()) {
      remedy.amount_pence = item["amount_pence"].get<std::int64_t>();
    }
    response.remedies.push_back(std::move(remedy));
  }
  for (const nlohmann::json& item : ParseStoredArray(actions)) {
    core::Action action;
    action.description = StoredTextMember(item, "description");
    action.due_on = core::Date::Parse(StoredTextMember(item, "due_on"));
    action.owner = StoredTextMember(item, "owner");
    action.status = core::ParseActionStatus(StoredTextMember(item, "status"))
                        .value_or(core::ActionStatus::kOpen);
    action.completed_on = core::Date::Parse(StoredTextMember(item, "completed_on"));
    response.actions.push_back(std::move(action));
  }
}

}  // namespace redress::storage::common
