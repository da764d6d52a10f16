#include "report/render/xlsx_workbook.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>

namespace redress::report::render {

std::string SheetName(std::string name, std::set<std::string>& used) {
  constexpr std::size_t kMaxSheetName = 31;  // Excel's limit
  for (char& c : name) {
    if (std::string_view("[]:*?/\\").find(c) != std::string_view::npos) c = '-';
  }
  if (name.size() > kMaxSheetName) name.resize(kMaxSheetName);
  std::string unique = name;
  for (int n = 2; used.contains(unique); ++n) {
    const std::string suffix = " " + std::to_string(n);
    unique = name.substr(0, kMaxSheetName - suffix.size()) + suffix;
  }
  used.insert(unique);
  return unique;
}

core::Result<std::unique_ptr<TemporaryWorkbook>> TemporaryWorkbook::Open(bool constant_memory) {
  const std::filesystem::path directory = std::filesystem::temp_directory_path();
  std::string path = (directory / "redress-XXXXXX.xlsx").string();
  constexpr int kSuffixLength = 5;  // ".xlsx"
  const int descriptor = mkstemps(path.data(), kSuffixLength);
  if (descriptor < 0) {
    return core::Fail(core::ErrorCode::kInternal, "no temporary file for the workbook");
  }
  close(descriptor);
  // The constant-memory mode's own row files go to the same private temporary directory.
  const std::string tmpdir = directory.string();
  lxw_workbook_options options{};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  if (workbook == nullptr) {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
    return core::Fail(core::ErrorCode::kInternal, "the workbook could not be created");
  }
  return std::unique_ptr<TemporaryWorkbook>(new TemporaryWorkbook(std::move(path), workbook));
}

TemporaryWorkbook::~TemporaryWorkbook() {
  if (workbook_ != nullptr) (void)Close();
}

core::Result<std::string> TemporaryWorkbook::Close() {
  const lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;
  std::ostringstream bytes;
  bytes << std::ifstream(path_, std::ios::binary).rdbuf();
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
  if (closed != LXW_NO_ERROR) {
    return core::Fail(core::ErrorCode::kInternal,
                      std::string("the workbook could not be written: ") + lxw_strerror(closed));
  }
  return bytes.str();
}

}  // namespace redress::report::render
