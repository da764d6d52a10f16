#pragma once

// What a tagged PDF needs that cairo 1.16's tag API cannot write: the document's language
// (/Lang in the catalog) and the alternative text of its Figure structure elements (/Alt). Added
// as an incremental update (ISO 32000-1, 7.5.6): the catalog and each Figure element written
// again with the entry added, a new cross-reference section and a trailer pointing back to the
// previous one, so that cairo's bytes are kept as they are.

#include <string>
#include <string_view>
#include <vector>

namespace redress::report::render {

// `pdf` as cairo wrote it (classic cross-reference table) with /Lang `language` in its catalog
// and alt_texts[i] as the /Alt of its i-th Figure element in object order (cairo writes the
// structure tree in document order). Returns `pdf` unchanged when it is not laid out as cairo
// lays it out (no catalog or trailer found), so that a document is never corrupted.
std::string AddLanguageAndAltText(std::string pdf, std::string_view language,
                                  const std::vector<std::string>& alt_texts);

// A PDF text string of `text` (UTF-8): UTF-16BE with its byte order mark, in hexadecimal,
// "<FEFF0041>" for "A", so that no character needs escaping.
std::string PdfTextString(std::string_view text);

}  // namespace redress::report::render
