#include "report/render/pdf_writer.hpp"

#include "report/render/pdf_tagging.hpp"

namespace redress::report::render {
namespace {

cairo_status_t Discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

PdfPass Draw(const PdfMetadata& metadata,
             const std::function<PdfPass(cairo_surface_t*, const PdfPass*)>& draw,
             cairo_write_func_t write, void* closure, const PdfPass* first) {
  std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
      cairo_pdf_surface_create_for_stream(write, closure, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, metadata.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR, metadata.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Redress");
  PdfPass pass = draw(surface.get(), first);
  cairo_surface_finish(surface.get());
  if (pass.status == CAIRO_STATUS_SUCCESS) pass.status = cairo_surface_status(surface.get());
  return pass;
}

}  // namespace

PdfPass PassOf(const TaggedPdfWriter& writer) {
  return PdfPass{writer.sections(), writer.alt_texts(), writer.page(), writer.status()};
}

core::Result<std::string> RenderTaggedPdf(
    const PdfMetadata& metadata,
    const std::function<PdfPass(cairo_surface_t* surface, const PdfPass* first)>& draw) {
  const PdfPass layout = Draw(metadata, draw, Discard, nullptr, nullptr);
  std::string pdf;
  const PdfPass drawn = Draw(metadata, draw, Append, &pdf, &layout);
  if (drawn.status != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kInternal, std::string("the PDF could not be drawn: ") +
                                                      cairo_status_to_string(drawn.status));
  }
  return AddLanguageAndAltText(std::move(pdf), kLanguage, drawn.alt_texts);
}

}  // namespace redress::report::render
