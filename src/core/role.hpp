#pragma once

#include <optional>
#include <string_view>

namespace redress::core {

// What a user may do is decided by role (DESIGN.md section 5).
enum class Role { kAdmin, kComplaintsOfficer, kCaseHandler, kManager, kViewer };

inline constexpr Role kAllRoles[] = {Role::kAdmin, Role::kComplaintsOfficer, Role::kCaseHandler,
                                     Role::kManager, Role::kViewer};

// "admin", "complaints_officer", "case_handler", "manager", "viewer"
std::string_view ToString(Role role);
std::optional<Role> ParseRole(std::string_view name);

}  // namespace redress::core
