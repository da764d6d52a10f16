#pragma once

// An event's changes as stored in events.changes: a JSON array of {"field", "before", "after"},
// the same text the SQLite adapter writes, since it is part of what the audit chain hashes.
// (Engine-neutral: to move to storage/common when the storage split gives the codec its home
// there, and the SQLite adapter's copy with it.)

#include <string>
#include <vector>

#include "core/event.hpp"
#include "core/result.hpp"

namespace redress::storage::postgres {

// kInvalidInput naming "changes" when a value is not valid UTF-8.
core::Result<std::string> ChangesToJson(const std::vector<core::Change>& changes);
// kStorage for text that is not such an array.
core::Result<std::vector<core::Change>> ChangesFromJson(const std::string& text);

}  // namespace redress::storage::postgres
