#pragma once

// Text placed in HTML, escaped once for every writer of HTML (the e-mail bodies in letters/, the
// report in report/render/): so that a name or a free-text field can neither end an element nor
// an attribute, whether quoted with " or with '.

#include <string>
#include <string_view>

namespace redress::core {

// Appends `text` to `out` with &, <, >, " and ' written as entities.
void AppendEscapedHtml(std::string& out, std::string_view text);
// `text` with &, <, >, " and ' written as entities.
std::string EscapeHtml(std::string_view text);

}  // namespace redress::core
