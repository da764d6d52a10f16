// The report as a PDF for a Cabinet agenda: A4 portrait, a cover, a contents page with page
// numbers, the key figures, charts, the tables of every scope, trends, the Ombudsman and
// self-assessment notes and the counting rules, with the page number in every footer. Drawn with
// cairo, text laid out by pango.
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

#include "report/render/render_internal.hpp"

namespace redress::report::render {
namespace {

// A4 in PostScript points, and the page's frame.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 50;
constexpr double kFooterHeight = 30;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kBottom = kPageHeight - kMargin - kFooterHeight;

// Table columns: the label, then this year, last year and the change.
constexpr double kValueColumn = 75;
constexpr double kChangeColumn = 95;
constexpr double kLabelColumn = kContentWidth - 2 * kValueColumn - kChangeColumn;
constexpr double kCellPadding = 3;

constexpr double kBarHeight = 8;
constexpr double kBarGap = 6;
constexpr double kChartLabelWidth = 150;
constexpr double kLineChartHeight = 220;

constexpr const char* kBodyFont = "Sans 9";
constexpr const char* kSmallFont = "Sans 7";
constexpr const char* kHeadingFont = "Sans Bold 15";
constexpr const char* kSubheadingFont = "Sans Bold 10.5";
constexpr const char* kTitleFont = "Sans Bold 26";

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

  void Document() {
    Cover();
    NewPage();
    Contents();
    const std::string year = FinancialYearLabel(report_.year);
    const std::string previous = FinancialYearLabel(report_.year - 1);
    Section("Key figures");
    FigureGroup key{"key", "Key figures for the whole organisation", {}};
    for (const Figure* figure : KeyFigures(report_)) key.figures.push_back(*figure);
    Table(key, year, previous);

    Section("Charts");
    const Charts charts = ChartsOf(report_);
    for (const BarChart& chart : charts.bars) Bars(chart, year, previous);
    Lines(charts.trend);

    Section("Tenant Satisfaction Measures");
    Table(report_.tsm, year, previous);
    for (const std::string& note : report_.tsm_notes) Paragraph(note, kSmallFont);

    Section("Trends and emerging issues");
    Trends();

    for (const Scope& scope : report_.scopes) {
      Section(scope.name);
      for (const FigureGroup& group : scope.groups) Table(group, year, previous);
    }
    Section("Ombudsman");
    Paragraph(report_.ombudsman_note, kBodyFont);
    for (const std::string& line : OmbudsmanLines(report_)) Paragraph(line, kBodyFont);
    Section("Code self-assessment");
    Paragraph(report_.self_assessment_note, kBodyFont);
    for (const std::string& line : SelfAssessmentLines(report_)) Paragraph(line, kBodyFont);
    Section("How the figures are counted");
    for (const CountingRule& rule : report_.rules) {
      Paragraph(rule.key, "Sans Bold 8");
      Paragraph(rule.text, kSmallFont);
    }
    Footer();
  }

 private:
  void SetColour(Colour colour) {
    cairo_set_source_rgb(context_.get(), colour.red, colour.green, colour.blue);
  }

  // Lays `text` out in `font` within `width`; returns its height.
  double Measure(std::string_view text, const char* font, double width) {
    std::unique_ptr<PangoFontDescription, FontCloser> description(
        pango_font_description_from_string(font));
    pango_layout_set_font_description(layout_.get(), description.get());
    pango_layout_set_width(layout_.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
    int text_width = 0;
    int text_height = 0;
    pango_layout_get_size(layout_.get(), &text_width, &text_height);
    return static_cast<double>(text_height) / PANGO_SCALE;
  }

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
    Text(kMargin, kPageHeight - kMargin - kFooterHeight / 2 + 4, kContentWidth, text, kSmallFont,
         Align::kCentre);
  }

  void NewPage() {
    Footer();
    cairo_show_page(context_.get());
    ++page_;
    y_ = kMargin;
  }

  void EnsureSpace(double height) {
    if (y_ + height > kBottom) NewPage();
  }

  void Section(const std::string& title) {
    NewPage();
    sections_[title] = page_;
    y_ += Text(kMargin, y_, kContentWidth, title, kHeadingFont) + 10;
  }

  void Paragraph(std::string_view text, const char* font) {
    const double height = Measure(text, font, kContentWidth);
    EnsureSpace(height);
    y_ += Text(kMargin, y_, kContentWidth, text, font) + 5;
  }

  void Cover() {
    y_ = kPageHeight / 4;
    y_ += Text(kMargin, y_, kContentWidth, report_.organisation, kSubheadingFont) + 20;
    y_ += Text(kMargin, y_, kContentWidth, std::string(kReportTitle), kTitleFont) + 20;
    y_ += Text(kMargin, y_, kContentWidth, FinancialYearLabel(report_.year), kTitleFont,
               Align::kLeft, kCurrent) +
          30;
    Text(kMargin, y_, kContentWidth,
         "Financial year " + report_.period_from.ToIso() + " to " + report_.period_to.ToIso() +
             ", compared with " + FinancialYearLabel(report_.year - 1) + ". Figures as at " +
             report_.as_at.ToIso() +
             ", computed from the case records. The report holds no personal data.",
         kBodyFont);
  }

  void Contents() {
    y_ += Text(kMargin, y_, kContentWidth, "Contents", kHeadingFont) + 12;
    if (section_pages_ == nullptr) return;
    std::vector<std::pair<int, std::string>> entries;
    for (const auto& [title, page] : *section_pages_) entries.emplace_back(page, title);
    std::sort(entries.begin(), entries.end());
    for (const auto& [page, title] : entries) {
      EnsureSpace(14);
      Text(kMargin, y_, kContentWidth - 40, title, kBodyFont);
      y_ += Text(kMargin, y_, kContentWidth, std::to_string(page), kBodyFont, Align::kRight) + 3;
    }
  }

  double RowHeight(const std::string& label) {
    return Measure(label, kBodyFont, kLabelColumn - kCellPadding) + 2 * kCellPadding;
  }

  void Cells(double height, const std::string& label, const std::string& current,
             const std::string& previous, const std::string& change, const char* font) {
    const double y = y_ + kCellPadding;
    Text(kMargin, y, kLabelColumn - kCellPadding, label, font);
    double x = kMargin + kLabelColumn;
    Text(x, y, kValueColumn - kCellPadding, current, font, Align::kRight);
    x += kValueColumn;
    Text(x, y, kValueColumn - kCellPadding, previous, font, Align::kRight);
    x += kValueColumn;
    Text(x, y, kChangeColumn - kCellPadding, change, font, Align::kRight);
    y_ += height;
    Rule(y_);
  }

  void Table(const FigureGroup& group, const std::string& year, const std::string& previous) {
    const double header = RowHeight(group.title) + 18;
    EnsureSpace(header + RowHeight("x"));
    y_ += Text(kMargin, y_ + 6, kContentWidth, group.title, kSubheadingFont) + 8;
    Cells(RowHeight("x"), "", year, previous, "Change", "Sans Bold 9");
    for (const Figure& figure : group.figures) {
      const double height = RowHeight(figure.label);
      EnsureSpace(height);
      Cells(height, figure.label, FormatValue(figure.current, figure.unit),
            FormatValue(figure.previous, figure.unit), FormatChange(figure), kBodyFont);
    }
    y_ += 6;
  }

  void Bars(const BarChart& chart, const std::string& year, const std::string& previous) {
    const double height =
        30 + (2 * kBarHeight + kBarGap) * static_cast<double>(chart.labels.size());
    EnsureSpace(height + 20);
    y_ += Text(kMargin, y_, kContentWidth, chart.title, kSubheadingFont) + 4;
    const double legend_x = kMargin + kChartLabelWidth;
    SetColour(kCurrent);
    cairo_rectangle(context_.get(), legend_x, y_ + 2, 8, 8);
    cairo_fill(context_.get());
    Text(legend_x + 12, y_, 80, year, kSmallFont);
    SetColour(kPrevious);
    cairo_rectangle(context_.get(), legend_x + 80, y_ + 2, 8, 8);
    cairo_fill(context_.get());
    Text(legend_x + 92, y_, 80, previous, kSmallFont);
    y_ += 16;
    double max_value = chart.unit == Unit::kPercent ? 100.0 : 1.0;
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      max_value = std::max({max_value, chart.current[i], chart.previous[i]});
    }
    const double plot = kContentWidth - kChartLabelWidth - 60;
    for (std::size_t i = 0; i < chart.labels.size(); ++i) {
      Text(kMargin, y_ + 2, kChartLabelWidth - 6, chart.labels[i], kSmallFont, Align::kRight);
      const double values[] = {chart.current[i], chart.previous[i]};
      const Colour colours[] = {kCurrent, kPrevious};
      for (int bar = 0; bar < 2; ++bar) {
        const double width = plot * values[bar] / max_value;
        SetColour(colours[bar]);
        cairo_rectangle(context_.get(), legend_x, y_, width, kBarHeight - 1);
        cairo_fill(context_.get());
        Text(legend_x + width + 3, y_ - 1, 60, FormatValue(values[bar], chart.unit), kSmallFont);
        y_ += kBarHeight;
      }
      y_ += kBarGap;
    }
    y_ += 14;
  }

  void Lines(const LineChart& chart) {
    EnsureSpace(kLineChartHeight + 30);
    y_ += Text(kMargin, y_, kContentWidth, chart.title, kSubheadingFont) + 6;
    const double legend_width = 140;
    const double left = kMargin + 30;
    const double plot_width = kContentWidth - 30 - legend_width;
    const double plot_height = kLineChartHeight - 30;
    double max_value = 1.0;
    for (const auto& series : chart.series) {
      for (double value : series) max_value = std::max(max_value, value);
    }
    const std::size_t months = std::max<std::size_t>(chart.months.size(), 1);
    const auto x_of = [&](std::size_t month) {
      return left + plot_width * (static_cast<double>(month) + 0.5) / static_cast<double>(months);
    };
    const double top = y_;
    const auto y_of = [&](double value) { return top + plot_height * (1.0 - value / max_value); };
    Rule(y_of(0));
    Text(kMargin, y_of(max_value) - 5, 26, FormatValue(max_value, Unit::kCount), kSmallFont,
         Align::kRight);
    for (std::size_t month = 0; month < chart.months.size(); ++month) {
      Text(x_of(month) - 15, y_of(0) + 3, 30, chart.months[month].substr(2), kSmallFont,
           Align::kCentre);
    }
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
        cairo_arc(context_.get(), x_of(month), y_of(chart.series[s][month]), 3.5, 0, 2 * M_PI);
        cairo_fill(context_.get());
      }
      const double legend_y = top + 14.0 * static_cast<double>(s);
      const double legend_x = kMargin + kContentWidth - legend_width + 10;
      SetColour(kSeries[s % std::size(kSeries)]);
      cairo_rectangle(context_.get(), legend_x, legend_y + 2, 8, 8);
      cairo_fill(context_.get());
      Text(legend_x + 12, legend_y, legend_width - 22, chart.names[s], kSmallFont);
    }
    const double note_y = top + 14.0 * static_cast<double>(chart.series.size()) + 6;
    SetColour(kEmerging);
    cairo_arc(context_.get(), kMargin + kContentWidth - legend_width + 14, note_y + 6, 3.5, 0,
              2 * M_PI);
    cairo_fill(context_.get());
    Text(kMargin + kContentWidth - legend_width + 22, note_y, legend_width - 22, "emerging issue",
         kSmallFont);
    y_ = top + kLineChartHeight + 10;
  }

  void Trends() {
    Paragraph(
        "Complaints received per month. Marked *: an emerging issue, a month at least 1.5 times "
        "the mean of the twelve months before it and at least 5 above it.",
        kSmallFont);
    const double name_width = 110;
    const double month_width =
        (kContentWidth - name_width) / static_cast<double>(report_.months.size());
    const auto header = [&](const std::string& title) {
      EnsureSpace(40);
      y_ += Text(kMargin, y_ + 4, kContentWidth, title, kSubheadingFont) + 8;
      for (std::size_t i = 0; i < report_.months.size(); ++i) {
        Text(kMargin + name_width + month_width * static_cast<double>(i), y_, month_width,
             report_.months[i].substr(2), kSmallFont, Align::kRight);
      }
      y_ += 12;
      Rule(y_);
    };
    for (TrendDimension dimension : {TrendDimension::kCategory, TrendDimension::kServiceArea}) {
      header(dimension == TrendDimension::kCategory ? "By category" : "By service area");
      for (const TrendSeries& series : report_.trends) {
        if (series.dimension != dimension) continue;
        if (y_ + 12 > kBottom) {
          NewPage();
          header(dimension == TrendDimension::kCategory ? "By category (continued)"
                                                        : "By service area (continued)");
        }
        Text(kMargin, y_ + 1, name_width - 4, series.name, kSmallFont);
        for (std::size_t i = 0; i < series.counts.size(); ++i) {
          Text(kMargin + name_width + month_width * static_cast<double>(i), y_ + 1, month_width,
               std::to_string(series.counts[i]) + (series.emerging[i] ? "*" : ""), kSmallFont,
               Align::kRight, series.emerging[i] ? kEmerging : kText);
        }
        y_ += 11;
      }
      y_ += 10;
    }
  }

  std::unique_ptr<cairo_t, ContextCloser> context_;
  std::unique_ptr<PangoLayout, LayoutCloser> layout_;
  const AnnualReport& report_;
  const std::map<std::string, int>* section_pages_;  // from the first pass; null in it
  int page_count_;                                   // from the first pass; 0 in it
  std::map<std::string, int> sections_;
  int page_ = 1;
  double y_ = kMargin;
};

struct Pass {
  std::map<std::string, int> sections;
  int pages = 0;
  cairo_status_t status = CAIRO_STATUS_SUCCESS;
};

Pass Draw(const AnnualReport& report, cairo_write_func_t write, void* closure,
          const std::map<std::string, int>* section_pages, int page_count) {
  std::unique_ptr<cairo_surface_t, SurfaceCloser> surface(
      cairo_pdf_surface_create_for_stream(write, closure, kPageWidth, kPageHeight));
  Pass pass;
  {
    Writer writer(surface.get(), report, section_pages, page_count);
    writer.Document();
    pass.sections = writer.sections();
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
  return pdf;
}

}  // namespace redress::report::render
