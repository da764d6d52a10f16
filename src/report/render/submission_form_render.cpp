#include "report/render/submission_form_render.hpp"

#include <nlohmann/json.hpp>
#include <utility>
#include <vector>

#include "report/annual_report.hpp"
#include "report/render/pdf_writer.hpp"

namespace redress::report::render {
namespace {

constexpr std::string_view kSectionOne = "Section 1: About the landlord and its approach";
constexpr std::string_view kSectionTwo =
    "Section 2: The Complaint Handling Code, provision by provision";

// One pass over the form: a title page that is the first page of content (no cover), Section 1 as
// a table of questions and answers, Section 2 as a table per Code section.
class FormWriter final : public TaggedPdfWriter {
 public:
  FormWriter(cairo_surface_t* surface, const SubmissionForm& form, int page_count)
      : TaggedPdfWriter(surface, form.title, FirstPage::kContent, page_count), form_(form) {}

  void Document() {
    Begin("Document");
    Begin("H1");
    y_ += Text(kMargin, y_, kContentWidth, form_.title, kHeadingFont) + 8;
    End("H1");
    Paragraph("Deadline: " + form_.deadline, kBodyFont);
    Paragraph("Status: " + form_.status, kBodyFont);
    Paragraph(
        "This mirrors the Housing Ombudsman's electronic form section by section, for copying into "
        "it. Unanswered questions are shown as \"Not recorded\".",
        kSmallFont);
    Heading(std::string(kSectionOne));
    TableSpec one;
    one.caption = "Questions and answers";
    one.header = {"Question", "Answer"};
    for (const FormAnswer& answer : form_.section_1) {
      one.rows.push_back({{answer.question}, {Answer(answer.answer)}});
    }
    TwoColumnTable(one);
    Heading(std::string(kSectionTwo));
    if (form_.section_2.empty()) {
      Paragraph("No self-assessment is recorded for the year.", kBodyFont);
    }
    // One block per provision: its requirement and the form's columns as a two-column table, so
    // that long evidence wraps rather than squeezing a nine-column table.
    for (const ProvisionAnswer& row : form_.section_2) {
      TableSpec table;
      table.caption = row.section + ", provision " + row.provision;
      table.header = {"Question", "Answer"};
      table.rows = {{{"Code requirement"}, {row.requirement}},
                    {{"Comply"}, {Answer(row.comply)}},
                    {{"Evidence"}, {Answer(row.evidence)}},
                    {{"Commentary or explanation"}, {Answer(row.commentary)}},
                    {{"Action"}, {Answer(row.action)}},
                    {{"Timescale"}, {Answer(row.timescale)}}};
      TwoColumnTable(table);
    }
    Footer();
    End("Document");
  }

 private:
  static std::string Answer(const std::string& text) {
    return text.empty() ? "Not recorded" : text;
  }

  // An H2 on the current page when there is room, else on the next.
  void Heading(const std::string& title) {
    EnsureSpace(Measure(title, kHeadingFont, kContentWidth) + 60);
    Begin("H2");
    y_ += Text(kMargin, y_ + 8, kContentWidth, title, kHeadingFont) + 16;
    End("H2");
  }

  // A table of a label column and one wrapped text column, broken between rows with its caption
  // and header repeated: each cell is measured at its column's width, so nothing overlaps.
  void TwoColumnTable(const TableSpec& table) {
    const double label_width = kContentWidth * kLabelShare;
    const double widths[] = {label_width, kContentWidth - label_width};
    const auto height = [&](const std::vector<Cell>& row, const char* font) {
      double tallest = LineHeight(font);
      for (std::size_t i = 0; i < row.size() && i < 2; ++i) {
        tallest = std::max(tallest, Measure(row[i].text, font, widths[i] - 2 * kCellPadding));
      }
      return tallest + 2 * kCellPadding;
    };
    const auto draw = [&](const std::vector<Cell>& row, const char* font, bool header) {
      const double row_height = height(row, font);
      Begin("TR");
      double x = kMargin;
      for (std::size_t i = 0; i < 2; ++i) {
        const char* tag = header || i == 0 ? "TH" : "TD";
        Begin(tag);
        if (i < row.size()) {
          Text(x + kCellPadding, y_ + kCellPadding, widths[i] - 2 * kCellPadding, row[i].text,
               font);
        }
        End(tag);
        x += widths[i];
      }
      End("TR");
      y_ += row_height;
      Rule(y_);
    };
    std::vector<Cell> header;
    for (const std::string& text : table.header) header.push_back({text});
    const double first = table.rows.empty() ? 0 : height(table.rows.front(), kBodyFont);
    EnsureSpace(Measure(table.caption, kSubheadingFont, kContentWidth) + 14 +
                height(header, kBoldFont) + first);
    Caption(table.caption);
    Begin("Table");
    draw(header, kBoldFont, true);
    // A row taller than a page (a long response) is split into rows that each fit one.
    const double most = (kBottom - kMargin) / 2;
    std::vector<std::vector<Cell>> rows;
    for (const std::vector<Cell>& row : table.rows) {
      if (row.size() < 2 || height(row, kBodyFont) <= most) {
        rows.push_back(row);
        continue;
      }
      std::string label = row[0].text;
      for (std::string& part : Split(row[1].text, widths[1] - 2 * kCellPadding, most)) {
        rows.push_back({{label}, {std::move(part)}});
        label = row[0].text + " (continued)";
      }
    }
    for (const std::vector<Cell>& row : rows) {
      if (y_ + height(row, kBodyFont) > kBottom) {
        End("Table");
        NewPage();
        Caption(table.caption + " (continued)");
        Begin("Table");
        draw(header, kBoldFont, true);
      }
      draw(row, kBodyFont, false);
    }
    End("Table");
    y_ += 6;
  }

  // `text` in pieces, each at most `most` high at `width`, broken between words: each piece the
  // most words that fit, found by bisection so that a long text costs few measurements.
  std::vector<std::string> Split(const std::string& text, double width, double most) {
    std::vector<std::size_t> starts;  // where each word starts, and the end
    for (std::size_t at = 0; at < text.size();) {
      starts.push_back(at);
      const std::size_t end = text.find_first_of(" \n", at);
      at = end == std::string::npos ? text.size() : end + 1;
    }
    starts.push_back(text.size());
    std::vector<std::string> parts;
    for (std::size_t first = 0; first + 1 < starts.size();) {
      const auto piece = [&](std::size_t last) {
        return text.substr(starts[first], starts[last] - starts[first]);
      };
      std::size_t fits = first + 1;  // at least one word a piece
      std::size_t too_many = starts.size();
      while (too_many - fits > 1) {
        const std::size_t middle = fits + (too_many - fits) / 2;
        (Measure(piece(middle), kBodyFont, width) <= most ? fits : too_many) = middle;
      }
      parts.push_back(piece(fits));
      first = fits;
    }
    return parts;
  }

  static constexpr double kLabelShare = 0.36;
  const SubmissionForm& form_;
};

}  // namespace

std::optional<Format> ParseFormFormat(std::string_view name) {
  const std::optional<Format> format = ParseFormat(name);
  if (format == Format::kJson || format == Format::kCsv || format == Format::kPdf) return format;
  return std::nullopt;
}

std::string FormFileName(int year, Format format) {
  return FileName("housing-ombudsman-annual-submission", year, format);
}

std::string SubmissionFormJson(const SubmissionForm& form) {
  nlohmann::json one = nlohmann::json::array();
  for (const FormAnswer& answer : form.section_1) {
    one.push_back({{"question", answer.question}, {"answer", answer.answer}});
  }
  nlohmann::json two = nlohmann::json::array();
  for (const ProvisionAnswer& row : form.section_2) {
    two.push_back({{"section", row.section},
                   {"provision", row.provision},
                   {"requirement", row.requirement},
                   {"comply", row.comply},
                   {"evidence", row.evidence},
                   {"commentary", row.commentary},
                   {"action", row.action},
                   {"timescale", row.timescale}});
  }
  const nlohmann::json document = {{"title", form.title},
                                   {"year", form.year},
                                   {"financial_year", FinancialYearLabel(form.year)},
                                   {"deadline", form.deadline},
                                   {"status", form.status},
                                   {"section_1", std::move(one)},
                                   {"section_2", std::move(two)}};
  return document.dump(2);
}

core::Result<std::string> SubmissionFormPdf(const SubmissionForm& form) {
  return RenderTaggedPdf({form.title, ""}, [&](cairo_surface_t* surface, const PdfPass* first) {
    FormWriter writer(surface, form, first ? first->pages : 0);
    writer.Document();
    return PassOf(writer);
  });
}

core::Result<std::string> RenderForm(const SubmissionForm& form, Format format) {
  switch (format) {
    case Format::kCsv:
      return SubmissionFormCsv(form);
    case Format::kPdf:
      return SubmissionFormPdf(form);
    default:
      return SubmissionFormJson(form);
  }
}

}  // namespace redress::report::render
