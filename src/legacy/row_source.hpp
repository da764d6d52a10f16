#pragma once

// Where the legacy import's rows come from: a CSV text (csv_reader.hpp) or the first worksheet of
// an XLSX workbook (xlsx_reader.hpp), read one row at a time into the same fields, so that the
// conversion after the reader is the same for both.

#include <cstddef>
#include <string>
#include <vector>

namespace redress::legacy {

class RowSource {
 public:
  virtual ~RowSource() = default;
  // The next row into `fields` (cleared first); false at the end. The first is the header.
  virtual bool Next(std::vector<std::string>& fields) = 0;
  // What was wrong with the row Next last read; "" when nothing.
  virtual const std::string& problem() const = 0;
  // The row's number as a spreadsheet shows it, 1 for the header: what problems name.
  virtual std::size_t record() const = 0;
};

}  // namespace redress::legacy
