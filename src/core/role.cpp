#include "core/role.hpp"

#include "core/enum_names.hpp"

namespace redress::core {
namespace {

constexpr EnumNames<Role, 5> kRoleNames{{
    {Role::kAdmin, "admin"},
    {Role::kComplaintsOfficer, "complaints_officer"},
    {Role::kCaseHandler, "case_handler"},
    {Role::kManager, "manager"},
    {Role::kViewer, "viewer"},
}};

}  // namespace

std::string_view ToString(Role value) { return NameOf(kRoleNames, value); }
std::optional<Role> ParseRole(std::string_view name) { return ParseName(kRoleNames, name); }

}  // namespace redress::core
