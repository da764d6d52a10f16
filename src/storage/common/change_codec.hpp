#pragma once

// The changes of an event (core::Change: field, before, after) as stored by every engine: a JSON
// array of {"field", "before", "after"} objects, in order. The text is part of the audit chain's
// canonical form (audit_chain.hpp), so it must not change for events already stored.

#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/result.hpp"

namespace redress::storage::common {

// The changes as JSON text; kInvalidInput naming "changes" when a value is not valid UTF-8.
core::Result<std::string> ChangesToJson(const std::vector<core::Change>& changes);

// The changes stored as `text`; kStorage when it is not such an array (a damaged database).
core::Result<std::vector<core::Change>> ChangesFromJson(const std::string& text);

}  // namespace redress::storage::common
