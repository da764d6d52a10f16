#pragma once

// The post room's print batch as one PDF (issue 15): the day's posted letters, each exactly as
// issued (the frozen bytes whose SHA-256 the audit trail holds), one after the other, so that one
// print job prints them all. Joined with qpdf (Debian's libqpdf-dev), which copies each letter's
// pages with what they use (fonts, images) without drawing anything again.

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace redress::letters {

struct JoinedPdf {
  std::string bytes;
  int pages = 0;
};

// The PDFs' pages in order, as one PDF titled `title`; the same PDFs give the same bytes.
// kInvalidInput when there is nothing to join, kInternal when a PDF cannot be read (a stored
// letter is never one).
core::Result<JoinedPdf> JoinPdfs(const std::vector<std::string_view>& pdfs,
                                 const std::string& title);

}  // namespace redress::letters
