#pragma once

// A libxlsxwriter workbook in a private temporary file: libxlsxwriter 1.1 writes only to a named
// file, so every XLSX the project makes is written there, read back and removed. Shared by the
// annual report's workbook and the list exports.

#include <xlsxwriter.h>

#include <memory>
#include <set>
#include <string>

#include "core/result.hpp"

namespace redress::report::render {

// A sheet name Excel accepts: no []:*?/\\, at most 31 characters, unique among `used` (which it
// joins).
std::string SheetName(std::string name, std::set<std::string>& used);

class TemporaryWorkbook {
 public:
  // A new workbook; `constant_memory` flushes each row to disk as the next begins (rows must then
  // be written in order). kInternal when the file cannot be made.
  static core::Result<std::unique_ptr<TemporaryWorkbook>> Open(bool constant_memory);
  ~TemporaryWorkbook();
  TemporaryWorkbook(const TemporaryWorkbook&) = delete;
  TemporaryWorkbook& operator=(const TemporaryWorkbook&) = delete;

  lxw_workbook* get() const { return workbook_; }
  // Closes the workbook and returns its bytes; the file is removed either way. Call once.
  core::Result<std::string> Close();

 private:
  TemporaryWorkbook(std::string path, lxw_workbook* workbook)
      : path_(std::move(path)), workbook_(workbook) {}

  std::string path_;
  lxw_workbook* workbook_;  // null once closed
};

}  // namespace redress::report::render
