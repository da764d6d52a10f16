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

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "report/render/pdf_writer.hpp"
#include "report/render/render_internal.hpp"
#include "report/render/summary.hpp"

namespace redress::report::render {
namespace {

constexpr double kBarThickness = 7;
constexpr double kBarRowGap = 6;
constexpr double kChartLabelWidth = 150;
constexpr double kChartValueGap = 4;
constexpr double kLegendSwatch = 8;
constexpr double kLineChartHeight = 220;
constexpr double kLineLegendWidth = 140;
constexpr double kAxisWidth = 30;
constexpr double kMarkerRadius = 3.5;

// One pass over the report.
class Writer final : public TaggedPdfWriter {
 public:
  Writer(cairo_surface_t* surface, const AnnualReport& report,
         const std::map<std::string, int>* section_pages, int page_count)
      : TaggedPdfWriter(surface, std::string(kReportTitle) + " " + FinancialYearLabel(report.year),
                        FirstPage::kCover, page_count),
        report_(report),
        section_pages_(section_pages) {}

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

  const AnnualReport& report_;
  const std::map<std::string, int>* section_pages_;  // from the first pass; null in it
};

}  // namespace

core::Result<std::string> RenderPdf(const AnnualReport& report) {
  const PdfMetadata metadata{std::string(kReportTitle) + " " + FinancialYearLabel(report.year) +
                                 ", " + report.organisation,
                             report.organisation};
  return RenderTaggedPdf(metadata, [&](cairo_surface_t* surface, const PdfPass* first) {
    Writer writer(surface, report, first ? &first->sections : nullptr, first ? first->pages : 0);
    writer.Document();
    return PassOf(writer);
  });
}

}  // namespace redress::report::render
