#include "report/render/table_writer.hpp"

#include <xlsxwriter.h>

#include <ctime>
#include <set>
#include <utility>

#include "report/render/render_internal.hpp"
#include "report/render/xlsx_workbook.hpp"

namespace redress::report::render {
namespace {

constexpr std::string_view kCsvMediaType = "text/csv; charset=utf-8";
constexpr std::string_view kXlsxMediaType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr double kColumnWidth = 18;
constexpr std::string_view kDateFormat = "yyyy-mm-dd";
constexpr time_t kSecondsPerDay = 86400;

// A number as CSV writes it: whole numbers without a decimal point, others as printed.
std::string NumberText(double value) {
  if (value == static_cast<double>(static_cast<long long>(value))) {
    return std::to_string(static_cast<long long>(value));
  }
  std::string text = std::to_string(value);
  while (text.ends_with('0')) text.pop_back();
  return text;
}

class CsvWriter final : public TableWriter {
 public:
  void Headings(const std::vector<std::string>& headings) override {
    std::vector<TableCell> cells;
    cells.reserve(headings.size());
    for (const std::string& heading : headings) cells.push_back(TableCell::Text(heading));
    Row(cells);
  }

  void Row(const std::vector<TableCell>& cells) override {
    bool first = true;
    for (const TableCell& cell : cells) {
      if (!first) bytes_ += ',';
      first = false;
      switch (cell.kind) {
        case CellKind::kText:
          bytes_ += CsvCell(cell.text);
          break;
        case CellKind::kNumber:
          bytes_ += NumberText(cell.number);
          break;
        case CellKind::kDate:
          if (cell.date) bytes_ += cell.date->ToIso();
          break;
      }
    }
    bytes_ += "\r\n";  // RFC 4180's line end
  }

  core::Result<std::string> Finish() override { return std::move(bytes_); }

 private:
  std::string bytes_;
};

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(std::unique_ptr<TemporaryWorkbook> workbook, std::string_view sheet_name,
             core::Date created_on)
      : workbook_(std::move(workbook)) {
    // Left unset, the creation time would be the clock's, and no two downloads alike.
    lxw_doc_properties properties{};
    properties.created = static_cast<time_t>(created_on.days_since_epoch()) * kSecondsPerDay;
    workbook_set_properties(workbook_->get(), &properties);
    std::set<std::string> used;
    sheet_ =
        workbook_add_worksheet(workbook_->get(), SheetName(std::string(sheet_name), used).c_str());
    bold_ = workbook_add_format(workbook_->get());
    format_set_bold(bold_);
    date_ = workbook_add_format(workbook_->get());
    format_set_num_format(date_, std::string(kDateFormat).c_str());
  }

  void Headings(const std::vector<std::string>& headings) override {
    if (sheet_ == nullptr) return;
    worksheet_set_column(sheet_, 0, static_cast<lxw_col_t>(headings.size()), kColumnWidth, nullptr);
    for (std::size_t column = 0; column < headings.size(); ++column) {
      Keep(worksheet_write_string(sheet_, row_, static_cast<lxw_col_t>(column),
                                  headings[column].c_str(), bold_));
    }
    // The heading row stays in view as the list scrolls.
    worksheet_freeze_panes(sheet_, 1, 0);
    ++row_;
  }

  void Row(const std::vector<TableCell>& cells) override {
    if (sheet_ == nullptr) return;
    for (std::size_t index = 0; index < cells.size(); ++index) {
      const TableCell& cell = cells[index];
      const auto column = static_cast<lxw_col_t>(index);
      switch (cell.kind) {
        case CellKind::kText:
          // An empty string would be a cell with nothing in it; leave it blank instead.
          if (!cell.text.empty()) {
            Keep(worksheet_write_string(sheet_, row_, column, cell.text.c_str(), nullptr));
          }
          break;
        case CellKind::kNumber:
          Keep(worksheet_write_number(sheet_, row_, column, cell.number, nullptr));
          break;
        case CellKind::kDate:
          if (cell.date) {
            lxw_datetime when{cell.date->year(), cell.date->month(), cell.date->day(), 0, 0, 0};
            Keep(worksheet_write_datetime(sheet_, row_, column, &when, date_));
          }
          break;
      }
    }
    ++row_;
  }

  core::Result<std::string> Finish() override {
    if (sheet_ == nullptr) {
      return core::Fail(core::ErrorCode::kInternal, "the workbook's sheet could not be added");
    }
    auto bytes = workbook_->Close();
    if (bytes && failure_ != LXW_NO_ERROR) {
      return core::Fail(core::ErrorCode::kInternal,
                        std::string("a row could not be written: ") + lxw_strerror(failure_));
    }
    return bytes;
  }

 private:
  // Keeps the first failure (a row beyond the sheet's limit, a string too long) for Finish.
  void Keep(lxw_error error) {
    if (failure_ == LXW_NO_ERROR) failure_ = error;
  }

  std::unique_ptr<TemporaryWorkbook> workbook_;
  lxw_worksheet* sheet_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  lxw_row_t row_ = 0;
  lxw_error failure_ = LXW_NO_ERROR;
};

}  // namespace

std::string_view ToString(TableFormat format) {
  return format == TableFormat::kXlsx ? "xlsx" : "csv";
}

std::optional<TableFormat> ParseTableFormat(std::string_view name) {
  for (TableFormat format : {TableFormat::kCsv, TableFormat::kXlsx}) {
    if (ToString(format) == name) return format;
  }
  return std::nullopt;
}

std::string_view MediaTypeOf(TableFormat format) {
  return format == TableFormat::kXlsx ? kXlsxMediaType : kCsvMediaType;
}

core::Result<std::unique_ptr<TableWriter>> TableWriter::Open(TableFormat format,
                                                             std::string_view sheet_name,
                                                             core::Date created_on) {
  if (format == TableFormat::kCsv) return std::make_unique<CsvWriter>();
  auto workbook = TemporaryWorkbook::Open(/*constant_memory=*/true);
  if (!workbook) return tl::unexpected(workbook.error());
  return std::make_unique<XlsxWriter>(std::move(*workbook), sheet_name, created_on);
}

}  // namespace redress::report::render
