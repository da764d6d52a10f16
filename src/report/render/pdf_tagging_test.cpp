#include "report/render/pdf_tagging.hpp"

#include <gtest/gtest.h>

#include <string>

namespace redress::report::render {
namespace {

// A PDF laid out as cairo lays it out: a Figure element, the catalog, a classic cross-reference
// table and its trailer.
constexpr std::string_view kPdf =
    "%PDF-1.5\n"
    "1 0 obj\n<< /Type /StructElem\n   /S /Figure\n   /K 3\n>>\nendobj\n"
    "2 0 obj\n<< /Type /StructElem\n   /S /Figure\n   /K 4\n>>\nendobj\n"
    "3 0 obj\n<< /Type /Catalog\n   /MarkInfo << /Marked true >>\n>>\nendobj\n"
    "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000070 00000 n \n"
    "0000000131 00000 n \ntrailer\n<< /Size 4\n   /Root 3 0 R\n>>\nstartxref\n200\n%%EOF\n";

TEST(PdfTagging, AddsTheLanguageAndEachFiguresAltTextAsAnIncrementalUpdate) {
  const std::string pdf = AddLanguageAndAltText(std::string(kPdf), "en-GB", {"One", "Two"});
  ASSERT_TRUE(pdf.starts_with(kPdf)) << "cairo's bytes are kept as they are";
  const std::string update = pdf.substr(kPdf.size());
  EXPECT_NE(update.find("3 0 obj\n<< /Type /Catalog\n   /MarkInfo << /Marked true >>\n   /Lang "
                        "<FEFF0065006E002D00470042>\n>>\nendobj\n"),
            std::string::npos)
      << update;
  EXPECT_NE(update.find("1 0 obj\n<< /Type /StructElem\n   /S /Figure\n   /K 3\n   /Alt "
                        "<FEFF004F006E0065>\n>>"),
            std::string::npos)
      << update;
  EXPECT_NE(update.find("/Alt <FEFF00540077006F>"), std::string::npos);
  EXPECT_NE(update.find("/Prev 200 >>"), std::string::npos);
  EXPECT_TRUE(update.ends_with("%%EOF\n"));
  // The new cross-reference section points at each object written again.
  const std::size_t catalog = pdf.find("3 0 obj", kPdf.size());
  char entry[32];
  std::snprintf(entry, sizeof entry, "3 1\n%010zu 00000 n \n", catalog);
  EXPECT_NE(update.find(entry), std::string::npos) << update;
}

TEST(PdfTagging, LeavesADocumentItCannotReadAsItIs) {
  EXPECT_EQ(AddLanguageAndAltText("not a pdf", "en-GB", {}), "not a pdf");
}

TEST(PdfTagging, TextStringsAreUtf16WithAByteOrderMark) {
  EXPECT_EQ(PdfTextString("A"), "<FEFF0041>");
  EXPECT_EQ(PdfTextString("£1"), "<FEFF00A30031>");
  EXPECT_EQ(PdfTextString("−"), "<FEFF2212>");
  EXPECT_EQ(PdfTextString("😀"), "<FEFFD83DDE00>");
}

}  // namespace
}  // namespace redress::report::render
