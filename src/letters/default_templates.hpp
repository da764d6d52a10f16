#pragma once

// The templates shipped with Redress (src/letters/templates/<type>.txt, compiled in): what an
// organisation starts from, version 0, until an admin saves its own.

#include <string_view>

#include "core/letter.hpp"

namespace redress::letters {

std::string_view DefaultTemplate(core::LetterType type);

}  // namespace redress::letters
