#include "app/records.hpp"

#include "core/enum_names.hpp"

namespace redress::app {
namespace {

constexpr core::EnumNames<EntityType, 5> kEntityTypeNames{{
    {EntityType::kComplaint, "complaint"},
    {EntityType::kServiceRequest, "service_request"},
    {EntityType::kUser, "user"},
    {EntityType::kToken, "token"},
    {EntityType::kConfiguration, "configuration"},
}};

}  // namespace

std::string_view ToString(EntityType value) { return core::NameOf(kEntityTypeNames, value); }
std::optional<EntityType> ParseEntityType(std::string_view name) {
  return core::ParseName(kEntityTypeNames, name);
}

}  // namespace redress::app
