#include "storage/postgres/changes_codec.hpp"

#include <nlohmann/json.hpp>
#include <string_view>

namespace redress::storage::postgres {

namespace {

constexpr std::string_view kChangeField = "field";
constexpr std::string_view kChangeBefore = "before";
constexpr std::string_view kChangeAfter = "after";

}  // namespace

core::Result<std::string> ChangesToJson(const std::vector<core::Change>& changes) {
  nlohmann::json array = nlohmann::json::array();
  for (const core::Change& change : changes) {
    nlohmann::json item = nlohmann::json::object();
    item[kChangeField] = change.field;
    item[kChangeBefore] = change.before;
    item[kChangeAfter] = change.after;
    array.push_back(std::move(item));
  }
  try {
    return array.dump();
  } catch (const nlohmann::json::exception&) {
    return core::FailField("changes", "is not valid UTF-8 text");
  }
}

core::Result<std::vector<core::Change>> ChangesFromJson(const std::string& text) {
  const nlohmann::json array = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  const auto malformed = [&text] {
    return core::Fail(core::ErrorCode::kStorage, "malformed event changes: " + text);
  };
  if (!array.is_array()) return malformed();
  std::vector<core::Change> changes;
  for (const nlohmann::json& item : array) {
    const auto text_of = [&item](std::string_view key) -> const std::string* {
      if (!item.is_object()) return nullptr;
      auto found = item.find(key);
      return found != item.end() && found->is_string() ? found->get_ptr<const std::string*>()
                                                       : nullptr;
    };
    const std::string* field = text_of(kChangeField);
    const std::string* before = text_of(kChangeBefore);
    const std::string* after = text_of(kChangeAfter);
    if (field == nullptr || before == nullptr || after == nullptr) return malformed();
    changes.push_back({*field, *before, *after});
  }
  return changes;
}

}  // namespace redress::storage::postgres
