#include "letters/letter_pdf.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <sstream>
#include <string>
#include <string_view>

#include "letters/letter_template.hpp"

namespace redress::letters {
namespace {

// A4 in PostScript points; millimetres to points.
constexpr double kPointsPerMm = 72.0 / 25.4;
constexpr double kPageWidth = 210.0 * kPointsPerMm;
constexpr double kPageHeight = 297.0 * kPointsPerMm;
// GOV.UK Notify's letter specification: 15 mm side margins; the address block 24.6 mm from the
// left and 39.5 mm from the top, 95.9 mm by 26.8 mm, where a window envelope shows it.
constexpr double kSideMargin = 15.0 * kPointsPerMm;
constexpr double kTopMargin = 15.0 * kPointsPerMm;
constexpr double kBottomMargin = 20.0 * kPointsPerMm;
constexpr double kAddressLeft = 24.6 * kPointsPerMm;
constexpr double kAddressTop = 39.5 * kPointsPerMm;
constexpr double kAddressWidth = 95.9 * kPointsPerMm;
constexpr double kAddressHeight = 26.8 * kPointsPerMm;
constexpr double kAddressPoints = 10.0;  // fits the window's six or seven lines
constexpr double kBodyTopPageOne = kAddressTop + kAddressHeight + 12.0 * kPointsPerMm;
constexpr double kContentWidth = kPageWidth - 2 * kSideMargin;
constexpr double kFooterPoints = 9.0;
constexpr double kHeadingScale = 1.2;
constexpr double kParagraphGapLines = 0.6;
constexpr std::string_view kHeadingMark = "# ";

struct SurfaceCloser {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextCloser {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct ObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
struct FontFree {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

class Writer {
 public:
  Writer(cairo_t* context, const LetterDocument& document)
      : context_(context),
        layout_(pango_cairo_create_layout(context)),
        footer_layout_(pango_cairo_create_layout(context)),
        document_(document),
        body_points_(core::FontSizePoints(document.format)) {}

  int pages() const { return page_; }

  void Draw() {
    StartPage();
    // Page one: the sender and reference top right, the recipient in the window.
    Block(document_.organisation + "\nOur reference: " + document_.reference + "\n" +
              LongDate(document_.issued_on),
          kPageWidth - kSideMargin - 70.0 * kPointsPerMm, kTopMargin, 70.0 * kPointsPerMm,
          kAddressPoints, Weight::kNormal);
    std::string address;
    for (const std::string& line : document_.address_lines) {
      if (line.empty()) continue;
      if (!address.empty()) address += '\n';
      address += line;
    }
    Block(address, kAddressLeft, kAddressTop, kAddressWidth, kAddressPoints, Weight::kNormal);
    y_ = kBodyTopPageOne;
    std::istringstream lines(document_.text);
    std::string line;
    std::string paragraph;
    auto flush = [&] {
      if (!paragraph.empty()) Paragraph(paragraph, Weight::kNormal, body_points_);
      paragraph.clear();
    };
    while (std::getline(lines, line)) {
      if (line.rfind(kHeadingMark, 0) == 0) {
        flush();
        Paragraph(line.substr(kHeadingMark.size()), Weight::kBold, body_points_ * kHeadingScale);
      } else if (line.find_first_not_of(" \t\r") == std::string::npos) {
        flush();
      } else {
        if (!paragraph.empty()) paragraph += '\n';
        paragraph += line;
      }
    }
    flush();
    Footer();
  }

 private:
  enum class Weight { kNormal, kBold };

  static void SetFont(PangoLayout* layout, Weight weight, double points) {
    std::unique_ptr<PangoFontDescription, FontFree> font(pango_font_description_new());
    pango_font_description_set_family(font.get(), "Sans");
    pango_font_description_set_weight(
        font.get(), weight == Weight::kBold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font.get(), points * PANGO_SCALE);
    pango_layout_set_font_description(layout, font.get());
  }

  void Prepare(PangoLayout* layout, const std::string& text, double width, Weight weight,
               double points) {
    SetFont(layout, weight, points);
    pango_layout_set_width(layout, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));
  }

  // Draws text at a place of its own. Its own layout: a footer is drawn in the middle of a
  // paragraph, whose layout is being iterated.
  void Block(const std::string& text, double x, double y, double width, double points,
             Weight weight) {
    Prepare(footer_layout_.get(), text, width, weight, points);
    cairo_move_to(context_, x, y);
    pango_cairo_show_layout(context_, footer_layout_.get());
  }

  // Draws a paragraph line by line, turning the page where the next line would not fit.
  void Paragraph(const std::string& text, Weight weight, double points) {
    Prepare(layout_.get(), text, kContentWidth, weight, points);
    PangoLayoutIter* iter = pango_layout_get_iter(layout_.get());
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(iter, nullptr, &logical);
      double height = static_cast<double>(logical.height) / PANGO_SCALE;
      if (y_ + height > kPageHeight - kBottomMargin) {
        Footer();
        cairo_show_page(context_);
        StartPage();
        y_ = kTopMargin;
      }
      double baseline =
          static_cast<double>(pango_layout_iter_get_baseline(iter) - logical.y) / PANGO_SCALE;
      cairo_move_to(context_, kSideMargin, y_ + baseline);
      pango_cairo_show_layout_line(context_, pango_layout_iter_get_line_readonly(iter));
      y_ += height;
    } while (pango_layout_iter_next_line(iter));
    pango_layout_iter_free(iter);
    y_ += points * kParagraphGapLines;
  }

  void StartPage() {
    ++page_;
    cairo_set_source_rgb(context_, 0, 0, 0);
  }

  void Footer() {
    Block(document_.reference + "  page " + std::to_string(page_), kSideMargin,
          kPageHeight - kBottomMargin + 6.0 * kPointsPerMm, kContentWidth, kFooterPoints,
          Weight::kNormal);
  }

  cairo_t* context_;
  std::unique_ptr<PangoLayout, ObjectUnref> layout_;
  std::unique_ptr<PangoLayout, ObjectUnref> footer_layout_;
  const LetterDocument& document_;
  double body_points_;
  double y_ = 0;
  int page_ = 0;
};

}  // namespace

core::Result<RenderedPdf> RenderLetterPdf(const LetterDocument& document) {
  RenderedPdf rendered;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
  {
    std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
        cairo_pdf_surface_create_for_stream(Append, &rendered.bytes, kPageWidth, kPageHeight));
    std::string title = "Letter " + document.reference;
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                   document.organisation.c_str());
    // The issue date, not the clock: the same letter renders to the same bytes.
    std::string created = document.issued_on.ToIso() + "T00:00:00Z";
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE, created.c_str());
    std::unique_ptr<cairo_t, ContextCloser> context(cairo_create(surface.get()));
    Writer writer(context.get(), document);
    writer.Draw();
    rendered.pages = writer.pages();
    status = cairo_status(context.get());
    context.reset();
    cairo_surface_finish(surface.get());
    if (status == CAIRO_STATUS_SUCCESS) status = cairo_surface_status(surface.get());
  }
  if (status != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kInternal,
                      std::string("the letter was not drawn: ") + cairo_status_to_string(status));
  }
  if (rendered.pages > document.max_pages) {
    return core::FailField("parts",
                           "the letter runs to " + std::to_string(rendered.pages) +
                               " pages; a posted letter has at most " +
                               std::to_string(document.max_pages),
                           core::FieldErrorCode::kTooLong);
  }
  return rendered;
}

}  // namespace redress::letters
