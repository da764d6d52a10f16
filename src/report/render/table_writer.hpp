#pragma once

// A list as a download: the rows of a report::TableSink laid out as CSV (RFC 4180, UTF-8, every
// text cell through CsvCell, so what a spreadsheet would run as a formula is neutralised) or as an
// XLSX workbook of one sheet (libxlsxwriter in its constant-memory mode: each row is flushed to a
// temporary file as it is written, so a long list holds one row in memory, not the sheet; text is
// written as text cells, which a spreadsheet never runs as a formula).

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/date.hpp"
#include "core/result.hpp"
#include "report/table.hpp"

namespace redress::report::render {

enum class TableFormat { kCsv, kXlsx };
inline constexpr std::string_view kTableFormatNames = "csv or xlsx";
std::string_view ToString(TableFormat format);  // "csv", "xlsx": also the file's extension
std::optional<TableFormat> ParseTableFormat(std::string_view name);
// "text/csv; charset=utf-8", the XLSX media type.
std::string_view MediaTypeOf(TableFormat format);

class TableWriter : public TableSink {
 public:
  // A writer of `format`; `sheet_name` names the XLSX sheet (cut to what Excel accepts), and the
  // workbook says it was created at midnight UTC of `created_on`, so that the same rows on the
  // same day give the same document. kInternal when the workbook's temporary file cannot be made.
  static core::Result<std::unique_ptr<TableWriter>> Open(TableFormat format,
                                                         std::string_view sheet_name,
                                                         core::Date created_on);
  // The document's bytes, or the first failure of its writing (kInternal). Call once, last.
  virtual core::Result<std::string> Finish() = 0;
};

}  // namespace redress::report::render
