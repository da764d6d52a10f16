#pragma once

// The first worksheet of an XLSX workbook (Office Open XML, ECMA-376) as rows of text, the same
// fields the CSV reader gives: opened with libzip from the bytes held by the caller, its parts
// read with expat. A cell's text is its shared string, its inline string, a formula's cached text,
// TRUE or FALSE, or its number as the workbook stores it (a date is a number there: the Excel
// serial, which the conversion turns into a date in the columns the mapping says are dates,
// ExcelSerialDate). Columns left out of a row are empty fields; rows left out are not read, so a
// row's number is the sheet's (record()).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "legacy/row_source.hpp"

namespace redress::legacy {

// Whether `bytes` begin as a ZIP archive does (an XLSX workbook is one).
bool LooksLikeXlsx(std::string_view bytes);

class XlsxReader final : public RowSource {
 public:
  // The workbook's first worksheet, read whole; kInvalidInput naming "file" when the bytes are not
  // an XLSX workbook or one of its parts is not well-formed XML.
  static core::Result<XlsxReader> Open(std::string_view bytes);

  bool Next(std::vector<std::string>& fields) override;
  const std::string& problem() const override { return problem_; }
  std::size_t record() const override { return record_; }

 private:
  struct Row {
    std::size_t number = 0;
    std::vector<std::string> fields;
  };
  std::vector<Row> rows_;
  std::size_t next_ = 0;
  std::size_t record_ = 0;
  std::string problem_;
};

// An Excel date serial ("45615", "45615.5": days since 1899-12-30, the time of day ignored) as a
// date; nullopt when `text` is not a number from 61 (1 March 1900: the serials before it count a
// 29 February 1900 that never was) within the calendar's years.
std::optional<core::Date> ExcelSerialDate(std::string_view text);

}  // namespace redress::legacy
