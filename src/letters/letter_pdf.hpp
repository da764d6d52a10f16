#pragma once

// A letter as an A4 PDF for the post: the layout of GOV.UK Notify's letter specification (the
// address block on page one where a window envelope shows it, 15 mm side margins, at most 10
// pages), the text in the size the complainant's format asks (core::FontSizePoints). Drawn with
// cairo, laid out by pango, like the annual report.

#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/letter.hpp"
#include "core/result.hpp"

namespace redress::letters {

// A posted letter may have at most this many pages (Notify's specification).
inline constexpr int kMaxLetterPages = 10;

struct LetterDocument {
  std::string organisation;                // the sender, top right of page one
  std::vector<std::string> address_lines;  // the recipient: name, address lines, postcode
  std::string reference;
  core::Date issued_on;
  // The rendered template (RenderLetterText): "# " starts a heading line, a blank line a
  // paragraph. Printed as text, never read as markup.
  std::string text;
  core::LetterFormat format = core::LetterFormat::kStandard;
  // A posted letter's limit; a document that is not posted (the subject access bundle's summary)
  // sets its own.
  int max_pages = kMaxLetterPages;
};

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
};

// The PDF; kInvalidInput naming `parts` (kTooLong) when the letter would run over
// its max_pages, kInternal when cairo fails. The same document gives the same bytes (the
// creation date is the issue date), so its hash can be checked against the audit trail.
core::Result<RenderedPdf> RenderLetterPdf(const LetterDocument& document);

}  // namespace redress::letters
