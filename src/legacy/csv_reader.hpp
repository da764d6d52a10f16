#pragma once

// A reader of CSV text as RFC 4180 writes it, and as spreadsheets export it: fields separated by
// commas, records by CRLF or LF, a field in double quotes may hold commas, line breaks and doubled
// quotes (""), and a UTF-8 byte order mark before the first field is not part of it. Reads one
// record at a time from text held by the caller, so a file of 100,000 rows needs no second copy.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "legacy/row_source.hpp"

namespace redress::legacy {

class CsvReader final : public RowSource {
 public:
  explicit CsvReader(std::string_view text);

  // The next record into `fields` (cleared first); false at the end of the text. A blank line
  // is a record of one empty field, which the caller may skip. A malformed record (a quote inside
  // an unquoted field, text after a closing quote, a quoted field never closed) is still read as
  // best it can be, and problem() says what was wrong with it.
  bool Next(std::vector<std::string>& fields) override;
  // What was wrong with the record Next last read; "" when nothing.
  const std::string& problem() const override { return problem_; }
  // The record's number, 1 for the first (the header): a spreadsheet's row number when no field
  // holds a line break.
  std::size_t record() const override { return record_; }
  // The line of the text the record started on, 1 for the first.
  std::size_t line() const { return line_; }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t record_ = 0;
  std::size_t line_ = 0;
  std::size_t next_line_ = 1;
  std::string problem_;
};

// Whether every field of a record is empty (a blank line, or a row of commas).
bool IsBlank(const std::vector<std::string>& fields);

}  // namespace redress::legacy
