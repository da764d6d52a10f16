#include "core/procedure.hpp"

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<DiscussionTakeUp, 3> kDiscussionTakeUpNames{{
    {DiscussionTakeUp::kTakenUp, "taken_up"},
    {DiscussionTakeUp::kDeclined, "declined"},
    {DiscussionTakeUp::kNoReply, "no_reply"},
}};

}  // namespace

std::string_view ToString(DiscussionTakeUp value) { return NameOf(kDiscussionTakeUpNames, value); }
std::optional<DiscussionTakeUp> ParseDiscussionTakeUp(std::string_view name) {
  return ParseName(kDiscussionTakeUpNames, name);
}

}  // namespace redress::core
