#include "report/render/pdf_tagging.hpp"

#include <cstdint>
#include <cstdio>
#include <optional>

namespace redress::report::render {
namespace {

constexpr std::string_view kFigureType = "/S /Figure";

// The number after `key` in `text` ("/Size 30" → 30), or null.
std::optional<long> NumberAfter(std::string_view text, std::string_view key) {
  const std::size_t at = text.find(key);
  if (at == std::string_view::npos) return std::nullopt;
  std::size_t i = at + key.size();
  while (i < text.size() && (text[i] == ' ' || text[i] == '\n' || text[i] == '\r')) ++i;
  long value = 0;
  bool any = false;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    value = value * 10 + (text[i] - '0');
    any = true;
  }
  return any ? std::optional<long>(value) : std::nullopt;
}

// The object `number`'s dictionary text "<< ... >>" and where its header starts, or null.
struct Object {
  long number = 0;
  std::string dictionary;
};

std::optional<Object> ObjectAt(std::string_view pdf, std::size_t header) {
  const std::size_t open = pdf.find("<<", header);
  const std::size_t end = pdf.find("endobj", header);
  if (open == std::string_view::npos || end == std::string_view::npos || open > end) {
    return std::nullopt;
  }
  const std::size_t close = pdf.rfind(">>", end);
  if (close == std::string_view::npos || close < open) return std::nullopt;
  Object object;
  object.number = NumberAfter(pdf.substr(header), "").value_or(0);
  object.dictionary = std::string(pdf.substr(open, close + 2 - open));
  return object;
}

std::optional<Object> FindObject(std::string_view pdf, long number) {
  const std::string header = "\n" + std::to_string(number) + " 0 obj";
  const std::size_t at = pdf.find(header);
  if (at == std::string_view::npos) return std::nullopt;
  return ObjectAt(pdf, at + 1);
}

// The start of the line that holds `at`.
std::size_t LineStart(std::string_view pdf, std::size_t at) {
  const std::size_t newline = pdf.rfind('\n', at);
  return newline == std::string_view::npos ? 0 : newline + 1;
}

std::string WithEntry(std::string dictionary, const std::string& entry) {
  dictionary.insert(dictionary.size() - 2, "   " + entry + "\n");
  return dictionary;
}

std::string Offset(std::size_t offset) {
  char text[16];
  std::snprintf(text, sizeof text, "%010zu", offset);
  return text;
}

}  // namespace

std::string PdfTextString(std::string_view text) {
  std::u32string code_points;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    const int length = byte < 0x80 ? 1 : byte >> 5 == 0x6 ? 2 : byte >> 4 == 0xE ? 3 : 4;
    char32_t point = length == 1   ? byte
                     : length == 2 ? byte & 0x1F
                     : length == 3 ? byte & 0x0F
                                   : byte & 0x07;
    for (int k = 1; k < length && i + static_cast<std::size_t>(k) < text.size(); ++k) {
      point = (point << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    }
    code_points.push_back(point);
    i += static_cast<std::size_t>(length);
  }
  std::string hex = "<FEFF";
  const auto unit = [&hex](std::uint32_t value) {
    char digits[8];
    std::snprintf(digits, sizeof digits, "%04X", static_cast<unsigned>(value));
    hex += digits;
  };
  for (char32_t point : code_points) {
    if (point >= 0x10000) {
      const std::uint32_t rest = point - 0x10000;
      unit(0xD800 + (rest >> 10));
      unit(0xDC00 + (rest & 0x3FF));
    } else {
      unit(point);
    }
  }
  return hex + ">";
}

std::string AddLanguageAndAltText(std::string pdf, std::string_view language,
                                  const std::vector<std::string>& alt_texts) {
  const std::string_view view = pdf;
  const std::size_t startxref = view.rfind("startxref");
  const std::size_t trailer_at = view.rfind("trailer", startxref);
  if (startxref == std::string_view::npos || trailer_at == std::string_view::npos) return pdf;
  const std::string_view trailer = view.substr(trailer_at, startxref - trailer_at);
  const std::optional<long> previous = NumberAfter(view.substr(startxref), "startxref");
  const std::optional<long> size = NumberAfter(trailer, "/Size");
  const std::optional<long> root = NumberAfter(trailer, "/Root");
  const std::optional<long> info = NumberAfter(trailer, "/Info");
  if (!previous || !size || !root) return pdf;
  const std::optional<Object> catalog = FindObject(view, *root);
  if (!catalog || catalog->dictionary.find("/Type /Catalog") == std::string::npos) return pdf;

  std::vector<Object> changed;
  Object language_catalog = *catalog;
  language_catalog.number = *root;
  language_catalog.dictionary = WithEntry(catalog->dictionary, "/Lang " + PdfTextString(language));
  changed.push_back(std::move(language_catalog));

  std::size_t figure = 0;
  for (std::size_t at = view.find(kFigureType);
       at != std::string_view::npos && figure < alt_texts.size();
       at = view.find(kFigureType, at + kFigureType.size())) {
    const std::size_t header = view.rfind(" 0 obj", at);
    if (header == std::string_view::npos) break;
    const std::size_t line = LineStart(view, header);
    std::optional<Object> element = ObjectAt(view, line);
    const std::optional<long> number = NumberAfter(view.substr(line), "");
    if (!element || !number) break;
    element->number = *number;
    element->dictionary =
        WithEntry(element->dictionary, "/Alt " + PdfTextString(alt_texts[figure++]));
    changed.push_back(std::move(*element));
  }

  if (!pdf.empty() && pdf.back() != '\n') pdf += '\n';
  std::vector<std::size_t> offsets;
  for (const Object& object : changed) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(object.number) + " 0 obj\n" + object.dictionary + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 1\n0000000000 65535 f \n";
  for (std::size_t i = 0; i < changed.size(); ++i) {
    pdf += std::to_string(changed[i].number) + " 1\n" + Offset(offsets[i]) + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(*size) + " /Root " + std::to_string(*root) + " 0 R" +
         (info ? " /Info " + std::to_string(*info) + " 0 R" : std::string()) + " /Prev " +
         std::to_string(*previous) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace redress::report::render
