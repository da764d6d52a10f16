#pragma once

// A table written row by row: what a list export hands to a document format. The rows are plain
// values (text, a number, a date), so that the use case that reads a list decides its columns
// once and each format (report/render/table_writer.hpp: CSV, XLSX) lays them out its own way.

#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"

namespace redress::report {

// What a cell holds; a format shows a date and a number as such (XLSX: a date cell, a number
// cell), and text always as text, never as a formula.
enum class CellKind { kText, kNumber, kDate };

struct TableCell {
  CellKind kind = CellKind::kText;
  std::string text;                // kText
  double number = 0;               // kNumber
  std::optional<core::Date> date;  // kDate; absent = an empty cell

  static TableCell Text(std::string value) { return {CellKind::kText, std::move(value), 0, {}}; }
  static TableCell Number(double value) { return {CellKind::kNumber, {}, value, {}}; }
  static TableCell Day(std::optional<core::Date> value) { return {CellKind::kDate, {}, 0, value}; }
};

// Where the rows of a table go. Headings is called once, before any Row; every Row has as many
// cells as there are headings. A sink keeps the first failure of its format to itself and reports
// it when it is finished, so a use case streaming rows need not check each one.
class TableSink {
 public:
  virtual ~TableSink() = default;
  virtual void Headings(const std::vector<std::string>& headings) = 0;
  virtual void Row(const std::vector<TableCell>& cells) = 0;
};

}  // namespace redress::report
