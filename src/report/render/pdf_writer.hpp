#pragma once

// What every PDF of the project is drawn with: an A4 page frame, a cursor that moves down the page
// and starts new pages, pango text, and cairo's structure tags (H2 sections with destinations, P,
// H3 captions, Table/TR/TH/TD tables that measure their columns from their content, break between
// rows and repeat their caption and header row). The annual report (pdf_render.cpp) and the
// annual submission form (submission_form_render.cpp) draw with it; RenderTaggedPdf runs the two
// passes and adds the language and alternative texts (pdf_tagging.hpp). Internal to render.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"

namespace redress::report::render {

// A4 in PostScript points, and the page's frame.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50;
constexpr double kFooterHeight = 30;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - kFooterHeight;

constexpr double kCellPadding = 3;
// The white space before each value column, so that two figures side by side never read as one
// ("£72,325 £92,550").
constexpr double kColumnGap = 12;
constexpr double kMinColumnGap = 3;
// The narrowest a table's label column may be before its value columns fall back to the small
// font: below it labels would wrap into one word a line.
constexpr double kMinLabelColumn = 150;
constexpr double kParagraphGap = 5;

constexpr const char* kBodyFont = "Sans 9";
constexpr const char* kBoldFont = "Sans Bold 9";
constexpr const char* kSmallFont = "Sans 7";
constexpr const char* kSmallBoldFont = "Sans Bold 7";
constexpr const char* kRuleTitleFont = "Sans Bold 8";
constexpr const char* kHeadingFont = "Sans Bold 15";
constexpr const char* kSubheadingFont = "Sans Bold 10.5";
constexpr const char* kTitleFont = "Sans Bold 26";

constexpr const char* kLanguage = "en-GB";

struct Colour {
  double red, green, blue;
};
constexpr Colour kText{0.04, 0.05, 0.05};
constexpr Colour kRule{0.69, 0.71, 0.71};
constexpr Colour kCurrent{0.11, 0.44, 0.72};
constexpr Colour kPrevious{0.69, 0.71, 0.71};
constexpr Colour kEmerging{0.83, 0.21, 0.11};
constexpr Colour kSeries[] = {{0.11, 0.44, 0.72}, {0.0, 0.44, 0.24},  {0.96, 0.47, 0.22},
                              {0.30, 0.17, 0.57}, {0.84, 0.22, 0.50}, {0.31, 0.35, 0.37}};

enum class Align { kLeft, kRight, kCentre };

struct SurfaceCloser {
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
struct ContextCloser {
  void operator()(cairo_t* context) const { cairo_destroy(context); }
};
struct LayoutCloser {
  void operator()(PangoLayout* layout) const { g_object_unref(layout); }
};
struct FontCloser {
  void operator()(PangoFontDescription* font) const { pango_font_description_free(font); }
};

// A table as the PDF lays it out: a caption, a header row and body rows of cells, the first
// column the row's label (a row header), the others values set on one line, right-aligned.
struct Cell {
  std::string text;
  Colour colour = kText;
};
struct TableSpec {
  std::string caption;
  std::vector<std::string> header;  // one per column; the first may be empty
  std::vector<std::vector<Cell>> rows;
  const char* font = kBodyFont;
  const char* header_font = kBoldFont;
};

// Whether the first page is a cover, which has no footer.
enum class FirstPage { kCover, kContent };

// One pass over a document: a cursor that moves down the page and starts new pages, each ending
// with a footer of `footer_title` and the page number ("Page 3 of 12" once the page count of a
// first pass is known).
class TaggedPdfWriter {
 public:
  TaggedPdfWriter(cairo_surface_t* surface, std::string footer_title, FirstPage first_page,
                  int page_count)
      : context_(cairo_create(surface)),
        layout_(pango_cairo_create_layout(context_.get())),
        footer_title_(std::move(footer_title)),
        first_page_(first_page),
        page_count_(page_count) {}
  virtual ~TaggedPdfWriter() = default;

  cairo_status_t status() const { return cairo_status(context_.get()); }
  int page() const { return page_; }
  const std::map<std::string, int>& sections() const { return sections_; }
  const std::vector<std::string>& alt_texts() const { return alt_texts_; }

 protected:
  void Begin(const char* tag, const std::string& attributes = "") {
    cairo_tag_begin(context_.get(), tag, attributes.c_str());
  }
  void End(const char* tag) { cairo_tag_end(context_.get(), tag); }

  void SetColour(Colour colour) {
    cairo_set_source_rgb(context_.get(), colour.red, colour.green, colour.blue);
  }

  // Lays `text` out in `font`, wrapped by word within `width` (one line when width < 0); returns
  // its width and height.
  std::pair<double, double> Layout(std::string_view text, const char* font, double width) {
    std::unique_ptr<PangoFontDescription, FontCloser> description(
        pango_font_description_from_string(font));
    pango_layout_set_font_description(layout_.get(), description.get());
    pango_layout_set_width(layout_.get(), width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
    int text_width = 0;
    int text_height = 0;
    pango_layout_get_size(layout_.get(), &text_width, &text_height);
    return {static_cast<double>(text_width) / PANGO_SCALE,
            static_cast<double>(text_height) / PANGO_SCALE};
  }
  double Measure(std::string_view text, const char* font, double width) {
    return Layout(text, font, width).second;
  }
  double NaturalWidth(std::string_view text, const char* font) {
    return Layout(text, font, -1).first;
  }
  double LineHeight(const char* font) { return Measure("Ag", font, -1); }

  // Draws `text` with its top left at (x, y) within `width`; returns its height.
  double Text(double x, double y, double width, std::string_view text, const char* font,
              Align align = Align::kLeft, Colour colour = kText) {
    const double height = Measure(text, font, width);
    pango_layout_set_alignment(layout_.get(), align == Align::kRight    ? PANGO_ALIGN_RIGHT
                                              : align == Align::kCentre ? PANGO_ALIGN_CENTER
                                                                        : PANGO_ALIGN_LEFT);
    SetColour(colour);
    cairo_move_to(context_.get(), x, y);
    pango_cairo_show_layout(context_.get(), layout_.get());
    pango_layout_set_alignment(layout_.get(), PANGO_ALIGN_LEFT);
    return height;
  }

  void Rule(double y, double width = kContentWidth) {
    SetColour(kRule);
    cairo_set_line_width(context_.get(), 0.5);
    cairo_move_to(context_.get(), kMargin, y);
    cairo_line_to(context_.get(), kMargin + width, y);
    cairo_stroke(context_.get());
  }

  void Footer() {
    if (page_ == 1 && first_page_ == FirstPage::kCover) return;  // a cover has none
    const std::string text = footer_title_ + "  ·  Page " + std::to_string(page_) +
                             (page_count_ > 0 ? " of " + std::to_string(page_count_) : "");
    Rule(kPageHeight - kMargin - kFooterHeight / 2);
    Begin("P");
    Text(kMargin, kPageHeight - kMargin - kFooterHeight / 2 + 4, kContentWidth, text, kSmallFont,
         Align::kCentre);
    End("P");
  }

  void NewPage() {
    Footer();
    cairo_show_page(context_.get());
    ++page_;
    y_ = kMargin;
  }

  // True when a new page was started.
  bool EnsureSpace(double height) {
    if (y_ + height <= kBottom) return false;
    NewPage();
    return true;
  }

  void Section(const std::string& title) {
    NewPage();
    const std::string name = "section-" + std::to_string(sections_.size() + 1);
    sections_[title] = page_;
    Begin("H2");
    Begin(CAIRO_TAG_DEST, "name='" + name + "'");
    y_ += Text(kMargin, y_, kContentWidth, title, kHeadingFont) + 10;
    End(CAIRO_TAG_DEST);
    End("H2");
  }

  void Paragraph(std::string_view text, const char* font, const char* tag = "P") {
    if (text.empty()) return;
    const double height = Measure(text, font, kContentWidth);
    EnsureSpace(height);
    Begin(tag);
    y_ += Text(kMargin, y_, kContentWidth, text, font) + kParagraphGap;
    End(tag);
  }

  // The widths of a table's columns: each value column as wide as its widest cell (header
  // included) on one line, after a gap of kColumnGap, narrowed down to kMinColumnGap when the
  // label column would otherwise be narrower than kMinLabelColumn; the label column the rest.
  std::vector<double> ColumnWidths(const TableSpec& table, const char* font,
                                   const char* header_font) {
    std::vector<double> widths(table.header.size(), 0.0);
    double values = 0;
    for (std::size_t column = 1; column < table.header.size(); ++column) {
      double widest = NaturalWidth(table.header[column], header_font);
      for (const auto& row : table.rows) {
        if (column < row.size()) widest = std::max(widest, NaturalWidth(row[column].text, font));
      }
      widths[column] = widest + 2 * kCellPadding;
      values += widths[column];
    }
    const double columns = static_cast<double>(std::max<std::size_t>(widths.size() - 1, 1));
    const double gap =
        std::clamp((kContentWidth - kMinLabelColumn - values) / columns, kMinColumnGap, kColumnGap);
    for (std::size_t column = 1; column < widths.size(); ++column) widths[column] += gap;
    widths[0] = kContentWidth - values - gap * columns;
    return widths;
  }

  double RowHeight(const std::vector<Cell>& row, const std::vector<double>& widths,
                   const char* font) {
    double height = LineHeight(font);
    if (!row.empty()) {
      height = std::max(height, Measure(row[0].text, font, widths[0] - 2 * kCellPadding));
    }
    return height + 2 * kCellPadding;
  }

  void Row(const std::vector<Cell>& row, const std::vector<double>& widths, const char* font,
           bool header) {
    const double height = RowHeight(row, widths, font);
    Begin("TR");
    double x = kMargin;
    for (std::size_t column = 0; column < widths.size(); ++column) {
      const bool label = column == 0;
      const char* tag = header || label ? "TH" : "TD";
      Begin(tag);
      if (column < row.size() && !row[column].text.empty()) {
        // Values are set on one line at their natural width, right-aligned in their column:
        // the column was measured to hold them.
        const double width =
            label ? widths[0] - 2 * kCellPadding : NaturalWidth(row[column].text, font);
        const double left = label ? x + kCellPadding : x + widths[column] - kCellPadding - width;
        Text(left, y_ + kCellPadding, label ? width : -1, row[column].text, font, Align::kLeft,
             row[column].colour);
      }
      End(tag);
      x += widths[column];
    }
    End("TR");
    y_ += height;
    Rule(y_);
  }

  void Caption(const std::string& caption) {
    Begin("H3");
    y_ += Text(kMargin, y_ + 6, kContentWidth, caption, kSubheadingFont) + 8;
    End("H3");
  }

  void Table(const TableSpec& table) {
    const char* font = table.font;
    const char* header_font = table.header_font;
    std::vector<double> widths = ColumnWidths(table, font, header_font);
    if (widths[0] < kMinLabelColumn) {  // abbreviate by rule: the small font for the whole table
      font = kSmallFont;
      header_font = kSmallBoldFont;
      widths = ColumnWidths(table, font, header_font);
    }
    std::vector<Cell> header;
    for (const std::string& text : table.header) header.push_back({text});
    const double caption_height = Measure(table.caption, kSubheadingFont, kContentWidth) + 14;
    const double header_height = RowHeight(header, widths, header_font);
    const double first_row = table.rows.empty() ? 0 : RowHeight(table.rows[0], widths, font);
    EnsureSpace(caption_height + header_height + first_row);
    Caption(table.caption);
    Begin("Table");
    Row(header, widths, header_font, true);
    for (const std::vector<Cell>& row : table.rows) {
      if (y_ + RowHeight(row, widths, font) > kBottom) {
        End("Table");
        NewPage();
        Caption(table.caption + " (continued)");
        Begin("Table");
        Row(header, widths, header_font, true);
      }
      Row(row, widths, font, false);
    }
    End("Table");
    y_ += 6;
  }

  std::unique_ptr<cairo_t, ContextCloser> context_;
  std::unique_ptr<PangoLayout, LayoutCloser> layout_;
  std::string footer_title_;
  FirstPage first_page_;
  int page_count_;  // from the first pass; 0 in it
  std::map<std::string, int> sections_;
  std::vector<std::string> alt_texts_;  // the Figures' alternative texts, in document order
  int page_ = 1;
  double y_ = kMargin;
};

// What a pass found: the page each section starts on, the Figures' alternative texts, the page
// count and cairo's status.
struct PdfPass {
  std::map<std::string, int> sections;
  std::vector<std::string> alt_texts;
  int pages = 0;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
};
PdfPass PassOf(const TaggedPdfWriter& writer);

struct PdfMetadata {
  std::string title;
  std::string author;
};

// Draws a document twice on A4 surfaces carrying `metadata`: `draw(surface, first)` with first
// null (to a discarded stream: the pages sections start on and the page count), then with the
// first pass's result, kept; then adds the language and the alternative texts. kInternal when
// cairo fails.
core::Result<std::string> RenderTaggedPdf(
    const PdfMetadata& metadata,
    const std::function<PdfPass(cairo_surface_t* surface, const PdfPass* first)>& draw);

}  // namespace redress::report::render
