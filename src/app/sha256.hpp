#pragma once

// The one SHA-256 of the use cases: a letter's hash in the audit trail, a subject access bundle's
// files in its manifest. Lower-case hex, 64 characters.

#include <string>
#include <string_view>

namespace redress::app {

std::string Sha256Hex(std::string_view bytes);

}  // namespace redress::app
