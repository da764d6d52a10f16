#pragma once

// The HTML alternative of a letter's email, from its rendered text: headings ("# ") and
// paragraphs, every character of the text escaped, so nothing a resident or handler typed is
// read as HTML.

#include <string>
#include <string_view>

namespace redress::letters {

std::string EmailHtml(std::string_view text);

// The plain-text body: the rendered text without the heading marks.
std::string EmailText(std::string_view text);

}  // namespace redress::letters
