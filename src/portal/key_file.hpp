#pragma once

// The secret the one-time codes' hashes are keyed with (app/resident_codes.hpp), kept in a file
// outside the database: every instance serving one database reads the same file, and a copy of
// the database alone cannot be searched for a code.

#include <filesystem>
#include <string>

#include "core/result.hpp"

namespace redress::portal {

// The key in `path` (its first line); when the file does not exist, a new random key written
// there first (mode 0600; two instances starting at once agree on one).
// kInvalidInput naming "portal-key" when the file cannot be read or made, or holds fewer than 32
// characters.
core::Result<std::string> LoadOrCreateKeyFile(const std::filesystem::path& path);

}  // namespace redress::portal
