#include "report/csv_cell.hpp"

namespace redress::report {
namespace {

// A plain decimal number as Number writes it ("-87", "13.75"): a spreadsheet reads it as a number,
// never as a formula, so a negative figure keeps its sign and stays numeric.
bool IsPlainNumber(std::string_view text) {
  if (text.starts_with('-')) text.remove_prefix(1);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view("0") : text.substr(point + 1);
  const auto digits = [](std::string_view part) {
    return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
  };
  return digits(whole) && digits(fraction);
}

}  // namespace

std::string CsvCell(std::string_view text) {
  std::string cell;
  // OWASP's CSV injection advice: a cell that starts with one of these may be run as a formula
  // (=HYPERLINK(...), +cmd|...) when the file is opened; a leading quote makes it text.
  constexpr std::string_view kFormulaStarts = "=+-@\t\r";
  if (!text.empty() && kFormulaStarts.find(text.front()) != std::string_view::npos &&
      !IsPlainNumber(text)) {
    cell = "'";
  }
  cell += text;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace redress::report
