#pragma once

// How every engine stores the parts of an attachment that are not plain columns: the supplier's
// name, and the attachment policy's allow-list as a JSON array of {"media_type", "label"}.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/attachment.hpp"
#include "core/result.hpp"

namespace redress::storage::common {

std::string_view SupplierName(core::Supplier supplier);  // "staff" or "resident"
std::optional<core::Supplier> ParseSupplier(std::string_view name);

// The allow-list as the JSON text kept in attachment_policy.allowed.
std::string AllowedJson(const std::vector<core::MediaTypeChoice>& allowed);
// The allow-list read back; kStorage when the text is not what AllowedJson writes.
core::Result<std::vector<core::MediaTypeChoice>> ParseAllowedJson(std::string_view text);

}  // namespace redress::storage::common
