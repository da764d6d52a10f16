// The report as a PDF for a Cabinet agenda: A4 portrait, a cover, a contents page with page
// numbers, the summary (render/summary.hpp) with the key figures, charts, the tables of every
// scope, trends, the Ombudsman and self-assessment notes and the counting rules, with the page
// number in every footer. Drawn with cairo, text laid out by pango.
//
// Layout that cannot overlap: every table measures its columns from its content (each value
// column as wide as its widest cell, set on one line; the label column takes the rest and wraps by
// word), a table that does not fit on a page breaks between rows and repeats its caption and header
// row, and a chart makes room for its labels and values before it draws.
//
// Tagged (PDF structure tags, cairo 1.16): H1 for the title, H2 for sections, H3 for table
// captions, P for text, Table/TR/TH/TD for tables (a table broken over pages is one Table per page,
// each with its header row), Figure for charts, links from the contents to the sections. The title
// is the document's metadata; the language and the charts' alternative text, which cairo 1.16
// cannot write, are added by pdf_tagging (an incremental update).
//
// The document is laid out twice: the first pass (to a discarded stream) finds the page each
// section starts on and the page count, the second draws the contents page with them.

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "report/render/pdf_tagging.hpp"
#include "report/render/render_internal.hpp"
#include "report/render/summary.hpp"

namespace redress::report::render {
namespace {

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

constexpr double kBarThickness = 7;
constexpr double kBarRowGap = 6;
constexpr double kChartLabelWidth = 150;
constexpr double kChartValueGap = 4;
constexpr double kLegendSwatch = 8;
constexpr double kLineChartHeight = 220;
constexpr double kLineLegendWidth = 140;
constexpr double kAxisWidth = 30;
constexpr double kMarkerRadius = 3.5;

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

cairo_status_t Discard(void*, const unsigned char*, unsigned int) { return CAIRO_STATUS_SUCCESS; }

cairo_status_t Append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

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

// One pass over the document: a cursor that moves down the page and starts new pages.
class Writer {
 public:
  Writer(cairo_surface_t* surface, const AnnualReport& report,
         const std::map<std::string, int>* section_pages, int page_count)
      : context_(cairo_create(surface)),
        layout_(pango_cairo_create_layout(context_.get())),
        report_(report),
        section_pages_(section_pages),
        page_count_(page_count) {}

  cairo_status_t status() const { return cairo_status(context_.get()); }
  int page() const { return page_; }
  const std::map<std::string, int>& sections() const { return sections_; }
  const std::vector<std::string>& alt_texts() const { return alt_texts_; }

  void Document() {
    Begin("Document");
    Cover();
    NewPage();
    Contents();
    const std::string year = FinancialYearLabel(report_.year);
    const std::string previous = FinancialYearLabel(report_.year - 1);
    SummarySection(year, previous);

    Section("Charts");
    const Charts charts = ChartsOf(report_);
    for (const BarChart& chart : charts.bars) Bars(chart, year, previous);
    Lines(charts.trend);

    Section("Tenant Satisfaction Measures");
    Table(FigureTable(report_.tsm, year, previous));
    for (const std::string& note : report_.tsm_notes) Paragraph(note, kSmallFont);

    Section("Trends and emerging issues");
    Trends();

    for (const Scope& scope : report_.scopes) {
      Section(scope.name);
      for (const FigureGroup& group : scope.groups) Table(FigureTable(group, year, previous));
    }
    Section("Ombudsman");
    Paragraph(report_.ombudsman_note, kBodyFont);
    for (const std::string& line : OmbudsmanLines(report_)) Paragraph(line, kBodyFont);
    Section("Code self-assessment");
    Paragraph(report_.self_assessment_note, kBodyFont);
    for (const std::string& line : SelfAssessmentLines(report_)) Paragraph(line, kBodyFont);
    Section("How the figures are counted");
    for (const CountingRule& rule : report_.rules) {
      Paragraph(rule.title, kRuleTitleFont, "H3");
      Paragraph(rule.text, kSmallFont);
    }
    Footer();
    End("Document");
  }

 private:
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
    if (page_ == 1) return;  // the cover has none
    const std::string text = std::string(kReportTitle) + " " + FinancialYearLabel(report_.year) +
                             "  ·  Page " + std::to_string(page_) +
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

  // The summary a Cabinet member reads first: the headline figures, then the biggest changes,
  // emerging issues, Ombudsman findings and learning completed, each a short list.
  void SummarySection(const std::string& year, const std::string& previous) {
    const Summary summary = SummaryOf(report_);
    Section("Summary");
    Table(FigureTable(summary.headline, year, previous));
    const std::pair<const char*, const std::vector<std::string>*> lists[] = {
        {"The biggest changes", &summary.biggest_changes},
        {"Emerging issues", &summary.emerging_issues},
        {"Ombudsman findings", &summary.ombudsman},
        {"Learning completed", &summary.learning},
    };
    for (const auto& [title, sentences] : lists) {
      if (sentences->empty()) continue;
      EnsureSpace(Measure(title, kSubheadingFont, kContentWidth) + 14 + LineHeight(kBodyFont));
      Caption(title);
      for (const std::string& sentence : *sentences) Paragraph("•  " + sentence, kBodyFont);
    }
  }

  void Cover() {
    y_ = kPageHeight / 4;
    Begin("P");
    y_ += Text(kMargin, y_, kContentWidth, report_.organisation, kSubheadingFont) + 20;
    End("P");
    Begin("H1");
    y_ += Text(kMargin, y_, kContentWidth, std::string(kReportTitle), kTitleFont) + 20;
    y_ += Text(kMargin, y_, kContentWidth, FinancialYearLabel(report_.year), kTitleFont,
               Align::kLeft, kCurrent) +
          30;
    End("H1");
    Begin("P");
    Text(kMargin, y_, kContentWidth,
         "Financial year " + report_.period_from.ToIso() + " to " + report_.period_to.ToIso() +
             ", compared with " + FinancialYearLabel(report_.year - 1) + ". Figures as at " +
             report_.as_at.ToIso() +
             ", computed from the case records. The report holds no personal data.",
         kBodyFont);
    End("P");
  }

  void Contents() {
    Begin("H2");
    y_ += Text(kMargin, y_, kContentWidth, "Contents", kHeadingFont) + 12;
    End("H2");
    if (section_pages_ == nullptr) return;
    std::vector<std::pair<int, std::string>> entries;
    for (const auto& [title, page] : *section_pages_) entries.emplace_back(page, title);
    std::sort(entries.begin(), entries.end());
    const double number_width = NaturalWidth(std::to_string(page_count_), kBodyFont);
    Begin("TOC");
    for (std::size_t i = 0; i < entries.size(); ++i) {
      const auto& [page, title] = entries[i];
      const double height = Measure(title, kBodyFont, kContentWidth - number_width - 20);
      EnsureSpace(height);
      Begin("TOCI");
      Begin(CAIRO_TAG_LINK, "dest='section-" + std::to_string(i + 1) + "'");
      Text(kMargin, y_, kContentWidth - number_width - 20, title, kBodyFont);
      Text(kMargin + kContentWidth - number_width, y_, number_width, std::to_string(page),
           kBodyFont, Align::kRight);
      End(CAIRO_TAG_LINK);
      End("TOCI");
      y_ += height + 3;
    }
    End("TOC");
  }

  TableSpec FigureTable(const FigureGroup& group, const std::string& year,
                        const std::string& previous) {
    TableSpec table;
    table.caption = group.title;
    table.header = {"Figure", year, previous, "Change"};
    for (const Figure& figure : group.figures) {
      table.rows.push_back({{figure.label},
                            {FormatValue(figure.current, figure.unit)},
                            {FormatValue(figure.previous, figure.unit)},
                            {FormatChange(figure)}});
    }
    return table;
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

  void Legend(double x, double y, Colour colour, const std::string& text) {
    SetColour(colour);
    cairo_rectangle(context_.get(), x, y + 2, kLegendSwatch, kLegendSwatch);
    cairo_fill(context_.get());
    Text(x + kLegendSwatch + 4, y, -1, text, kSmallFont);
  }

  void Bars(const BarChart& chart, const std::string& year, const std::string& previous) {
    const double line = LineHeight(kSmallFont);
    const double slot = std::max(kBarThickness, line);  // one bar and its value
    std::vector<double> rows;
    double value_width = 0;
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      rows.push_back(
          std::max(2 * slot, Measure(chart.labels[i], kSmallFont, kChartLabelWidth - 6)));
      value_width = std::max(
          {value_width, NaturalWidth(FormatValue(chart.current[i], chart.unit), kSmallFont),
           NaturalWidth(FormatValue(chart.previous[i], chart.unit), kSmallFont)});
    }
    double height = Measure(chart.title, kSubheadingFont, kContentWidth) + 4 + line + 8;
    for (double row : rows) height += row + kBarRowGap;
    EnsureSpace(height);
    Begin("Figure");
    alt_texts_.push_back(AltText(chart, year, previous));
    y_ += Text(kMargin, y_, kContentWidth, chart.title, kSubheadingFont) + 4;
    const double plot_x = kMargin + kChartLabelWidth;
    Legend(plot_x, y_, kCurrent, year);
    Legend(plot_x + kLegendSwatch + 4 + NaturalWidth(year, kSmallFont) + 16, y_, kPrevious,
           previous);
    y_ += line + 8;
    double max_value = chart.unit == Unit::kPercent ? 100.0 : 1.0;
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      max_value = std::max({max_value, chart.current[i], chart.previous[i]});
    }
    // The plot leaves room for the widest value after the longest bar, inside the margin.
    const double plot = kContentWidth - kChartLabelWidth - kChartValueGap - value_width;
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      Text(kMargin, y_, kChartLabelWidth - 6, chart.labels[i], kSmallFont, Align::kRight);
      const double values[] = {chart.current[i], chart.previous[i]};
      const Colour colours[] = {kCurrent, kPrevious};
      double bar_y = y_;
      for (int bar = 0; bar < 2; ++bar) {
        const double width = plot * values[bar] / max_value;
        SetColour(colours[bar]);
        cairo_rectangle(context_.get(), plot_x, bar_y + (slot - kBarThickness) / 2, width,
                        kBarThickness);
        cairo_fill(context_.get());
        Text(plot_x + width + kChartValueGap, bar_y + (slot - line) / 2, -1,
             FormatValue(values[bar], chart.unit), kSmallFont);
        bar_y += slot;
      }
      y_ += rows[i] + kBarRowGap;
    }
    End("Figure");
    y_ += 14;
  }

  void Lines(const LineChart& chart) {
    const double line = LineHeight(kSmallFont);
    EnsureSpace(kLineChartHeight + 30);
    Begin("Figure");
    alt_texts_.push_back(AltText(chart));
    y_ += Text(kMargin, y_, kContentWidth, chart.title, kSubheadingFont) + 6;
    const double left = kMargin + kAxisWidth;
    const double plot_width = kContentWidth - kAxisWidth - kLineLegendWidth;
    const double plot_height = kLineChartHeight - 30;
    double max_value = 1.0;
    for (const auto& series : chart.series) {
      for (double value : series) max_value = std::max(max_value, value);
    }
    const std::size_t months = std::max<std::size_t>(chart.months.size(), 1);
    const double month_width = plot_width / static_cast<double>(months);
    const auto x_of = [&](std::size_t month) {
      return left + month_width * (static_cast<double>(month) + 0.5);
    };
    const double top = y_;
    const auto y_of = [&](double value) { return top + plot_height * (1.0 - value / max_value); };
    Rule(y_of(0));
    Text(kMargin, y_of(max_value) - line / 2, kAxisWidth - 4, FormatValue(max_value, Unit::kCount),
         kSmallFont, Align::kRight);
    // Month labels by rule: the longest form that fits the month's width.
    MonthStyle style = MonthStyle::kName;
    for (MonthStyle candidate : {MonthStyle::kLong, MonthStyle::kShort}) {
      if (NaturalWidth(MonthName("2023-09", candidate), kSmallFont) + 2 < month_width) {
        style = candidate;
        break;
      }
    }
    for (std::size_t month = 0; month < chart.months.size(); ++month) {
      const std::string label = MonthName(chart.months[month], style);
      const double width = NaturalWidth(label, kSmallFont);
      Text(x_of(month) - width / 2, y_of(0) + 3, -1, label, kSmallFont);
    }
    double legend_y = top;
    const double legend_x = kMargin + kContentWidth - kLineLegendWidth + 10;
    for (std::size_t s = 0; s < chart.series.size(); ++s) {
      SetColour(kSeries[s % std::size(kSeries)]);
      cairo_set_line_width(context_.get(), 1.5);
      for (std::size_t month = 0; month < chart.series[s].size(); ++month) {
        const double x = x_of(month);
        const double y = y_of(chart.series[s][month]);
        if (month == 0) {
          cairo_move_to(context_.get(), x, y);
        } else {
          cairo_line_to(context_.get(), x, y);
        }
      }
      cairo_stroke(context_.get());
      SetColour(kEmerging);
      for (std::size_t month = 0; month < chart.series[s].size(); ++month) {
        if (!chart.emerging[s][month]) continue;
        cairo_arc(context_.get(), x_of(month), y_of(chart.series[s][month]), kMarkerRadius, 0,
                  2 * M_PI);
        cairo_fill(context_.get());
      }
      SetColour(kSeries[s % std::size(kSeries)]);
      cairo_rectangle(context_.get(), legend_x, legend_y + 2, kLegendSwatch, kLegendSwatch);
      cairo_fill(context_.get());
      legend_y +=
          Text(legend_x + 12, legend_y, kLineLegendWidth - 22, chart.names[s], kSmallFont) + 3;
    }
    const double note_y = legend_y + 6;
    SetColour(kEmerging);
    cairo_arc(context_.get(), legend_x + 4, note_y + line / 2, kMarkerRadius, 0, 2 * M_PI);
    cairo_fill(context_.get());
    Text(legend_x + 12, note_y, kLineLegendWidth - 22, "Emerging issue", kSmallFont);
    End("Figure");
    y_ = top + kLineChartHeight + 10;
  }

  void Trends() {
    Paragraph(
        "Complaints received per month. Marked *: an emerging issue, a month at least 1.5 times "
        "the mean of the twelve months before it and at least 5 above it.",
        kSmallFont);
    // Month headings by rule: the longest form with which the twelve months and a label column
    // of kMinLabelColumn fit the page in the small font.
    const auto fits = [&](MonthStyle style) {
      double width = 0;
      for (const std::string& month : report_.months) {
        width += NaturalWidth(MonthName(month, style), kSmallBoldFont) + 2 * kCellPadding;
      }
      return width + kMinLabelColumn <= kContentWidth;
    };
    MonthStyle style = MonthStyle::kName;
    for (MonthStyle candidate : {MonthStyle::kLong, MonthStyle::kShort}) {
      if (fits(candidate)) {
        style = candidate;
        break;
      }
    }
    for (TrendDimension dimension : {TrendDimension::kCategory, TrendDimension::kServiceArea}) {
      TableSpec table;
      table.caption =
          "By " + std::string(dimension == TrendDimension::kCategory ? "category" : "service area");
      table.font = kSmallFont;
      table.header_font = kSmallBoldFont;
      table.header.push_back(dimension == TrendDimension::kCategory ? "Category" : "Service area");
      for (const std::string& month : report_.months) {
        table.header.push_back(MonthName(month, style));
      }
      for (const TrendSeries& series : report_.trends) {
        if (series.dimension != dimension) continue;
        std::vector<Cell> row{{series.name}};
        for (std::size_t i = 0; i < series.counts.size(); ++i) {
          row.push_back({FormatValue(static_cast<double>(series.counts[i]), Unit::kCount) +
                             (series.emerging[i] ? "*" : ""),
                         series.emerging[i] ? kEmerging : kText});
        }
        table.rows.push_back(std::move(row));
      }
      Table(table);
    }
  }

  std::unique_ptr<cairo_t, ContextCloser> context_;
  std::unique_ptr<PangoLayout, LayoutCloser> layout_;
  const AnnualReport& report_;
  const std::map<std::string, int>* section_pages_;  // from the first pass; null in it
  int page_count_;                                   // from the first pass; 0 in it
  std::map<std::string, int> sections_;
  std::vector<std::string> alt_texts_;  // the Figures' alternative texts, in document order
  int page_ = 1;
  double y_ = kMargin;
};

struct Pass {
  std::map<std::string, int> sections;
  std::vector<std::string> alt_texts;
  int pages = 0;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
};

Pass Draw(const AnnualReport& report, cairo_write_func_t write, void* closure,
          const std::map<std::string, int>* section_pages, int page_count) {
  std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
      cairo_pdf_surface_create_for_stream(write, closure, kPageWidth, kPageHeight));
  const std::string title = std::string(kReportTitle) + " " + FinancialYearLabel(report.year) +
                            ", " + report.organisation;
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 report.organisation.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Redress");
  Pass pass;
  {
    Writer writer(surface.get(), report, section_pages, page_count);
    writer.Document();
    pass.sections = writer.sections();
    pass.alt_texts = writer.alt_texts();
    pass.pages = writer.page();
    pass.status = writer.status();
  }
  cairo_surface_finish(surface.get());
  if (pass.status == CAIRO_STATUS_SUCCESS) pass.status = cairo_surface_status(surface.get());
  return pass;
}

}  // namespace

core::Result<std::string> RenderPdf(const AnnualReport& report) {
  const Pass layout = Draw(report, Discard, nullptr, nullptr, 0);
  std::string pdf;
  const Pass drawn = Draw(report, Append, &pdf, &layout.sections, layout.pages);
  if (drawn.status != CAIRO_STATUS_SUCCESS) {
    return core::Fail(core::ErrorCode::kInternal, std::string("the PDF could not be drawn: ") +
                                                      cairo_status_to_string(drawn.status));
  }
  return AddLanguageAndAltText(std::move(pdf), kLanguage, drawn.alt_texts);
}

}  // namespace redress::report::render
