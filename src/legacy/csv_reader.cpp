#include "legacy/csv_reader.hpp"

#include <algorithm>

namespace redress::legacy {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  // Excel's "CSV UTF-8" starts with a byte order mark; it is not part of the first header.
  if (text_.starts_with("\xEF\xBB\xBF")) text_.remove_prefix(3);
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  problem_.clear();
  if (position_ >= text_.size()) return false;
  ++record_;
  line_ = next_line_;
  std::string field;
  bool quoted = false;       // inside a quoted field
  bool was_quoted = false;   // the current field began with a quote
  bool after_close = false;  // a quoted field has closed; only a separator may follow
  auto note = [this](std::string message) {
    if (problem_.empty()) problem_ = std::move(message);
  };
  while (position_ < text_.size()) {
    const char c = text_[position_++];
    if (quoted) {
      if (c == '"') {
        if (position_ < text_.size() && text_[position_] == '"') {
          field += '"';
          ++position_;
        } else {
          quoted = false;
          after_close = true;
        }
      } else {
        if (c == '\n') ++next_line_;
        field += c;
      }
      continue;
    }
    if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = after_close = false;
      continue;
    }
    if (c == '\r' || c == '\n') {
      if (c == '\r' && position_ < text_.size() && text_[position_] == '\n') ++position_;
      ++next_line_;
      fields.push_back(std::move(field));
      return true;
    }
    if (c == '"') {
      if (field.empty() && !was_quoted) {
        quoted = was_quoted = true;
        continue;
      }
      note("a double quote inside a field that is not in quotes (write it as \"\" inside quotes)");
      field += c;
      continue;
    }
    if (after_close) {
      note("text after the closing quote of a field");
      after_close = false;
    }
    field += c;
  }
  if (quoted) note("a quoted field is never closed (a double quote is missing)");
  fields.push_back(std::move(field));
  return true;
}

bool IsBlank(const std::vector<std::string>& fields) {
  return std::all_of(fields.begin(), fields.end(), [](const std::string& f) {
    return f.find_first_not_of(" \t") == std::string::npos;
  });
}

}  // namespace redress::legacy
