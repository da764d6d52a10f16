#include "legacy/xlsx_reader.hpp"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <utility>

namespace redress::legacy {
namespace {

// Serial 25569 is 1970-01-01, the Date's epoch.
constexpr double kSerialOfEpoch = 25569;
constexpr double kFirstTrueSerial = 61;  // 1900-03-01
constexpr double kLastSerial = 2958465;  // 9999-12-31, Excel's last
constexpr std::string_view kNamespaceSeparator = "|";

core::Status Refuse(std::string message) {
  return core::FailField("file", "not a readable XLSX workbook: " + std::move(message),
                         core::FieldErrorCode::kInvalid);
}

struct ArchiveClose {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
struct ParserFree {
  void operator()(XML_ParserStruct* parser) const { XML_ParserFree(parser); }
};

// The part `name` of the archive; nullopt when absent.
core::Result<std::optional<std::string>> ReadPart(zip_t* archive, const std::string& name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0) return std::optional<std::string>();
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr)
    return tl::unexpected(Refuse("its part " + name + " cannot be opened").error());
  std::string bytes;
  char chunk[65536];
  zip_int64_t got = 0;
  while ((got = zip_fread(file, chunk, sizeof chunk)) > 0) {
    bytes.append(chunk, static_cast<std::size_t>(got));
  }
  zip_fclose(file);
  if (got < 0) return tl::unexpected(Refuse("its part " + name + " cannot be read").error());
  return std::optional<std::string>(std::move(bytes));
}

// An element's local name: expat gives "namespace|local" (XML_ParserCreateNS), whatever prefix
// the workbook's writer chose.
std::string_view Local(const XML_Char* name) {
  std::string_view full(name);
  const std::size_t bar = full.rfind(kNamespaceSeparator);
  return bar == std::string_view::npos ? full : full.substr(bar + 1);
}

// The attribute of local name `name`, "" when absent.
std::string Attribute(const XML_Char** attributes, std::string_view name) {
  for (int i = 0; attributes[i] != nullptr; i += 2) {
    if (Local(attributes[i]) == name) return attributes[i + 1];
  }
  return {};
}

// Walks one XML part: `on_start(local name, attributes)`, `on_end(local name)`, `on_text(text)`.
struct Walker {
  std::function<void(std::string_view, const XML_Char**)> on_start;
  std::function<void(std::string_view)> on_end;
  std::function<void(std::string_view)> on_text;

  core::Status Walk(const std::string& part, const std::string& xml) {
    std::unique_ptr<XML_ParserStruct, ParserFree> parser(
        XML_ParserCreateNS(nullptr, kNamespaceSeparator[0]));
    XML_SetUserData(parser.get(), this);
    XML_SetElementHandler(
        parser.get(),
        [](void* self, const XML_Char* name, const XML_Char** attributes) {
          auto* walker = static_cast<Walker*>(self);
          if (walker->on_start) walker->on_start(Local(name), attributes);
        },
        [](void* self, const XML_Char* name) {
          auto* walker = static_cast<Walker*>(self);
          if (walker->on_end) walker->on_end(Local(name));
        });
    XML_SetCharacterDataHandler(parser.get(), [](void* self, const XML_Char* text, int length) {
      auto* walker = static_cast<Walker*>(self);
      if (walker->on_text)
        walker->on_text(std::string_view(text, static_cast<std::size_t>(length)));
    });
    if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) ==
        XML_STATUS_ERROR) {
      return Refuse(part + " is not well-formed XML (line " +
                    std::to_string(XML_GetCurrentLineNumber(parser.get())) + ": " +
                    XML_ErrorString(XML_GetErrorCode(parser.get())) + ")");
    }
    return {};
  }
};

// "xl/" + a relationship's target, or the target from the root when it starts with "/".
std::string PartOf(const std::string& target) {
  if (!target.empty() && target.front() == '/') return target.substr(1);
  return "xl/" + target;
}

// The column of a cell reference ("C7" → 2), nullopt when it has no letters.
std::optional<std::size_t> ColumnOf(std::string_view reference) {
  std::size_t column = 0;
  std::size_t letters = 0;
  for (char c : reference) {
    if (c < 'A' || c > 'Z') break;
    column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    ++letters;
  }
  if (letters == 0 || letters > 3) return std::nullopt;
  return column - 1;
}

}  // namespace

bool LooksLikeXlsx(std::string_view bytes) { return bytes.starts_with("PK\x03\x04"); }

core::Result<XlsxReader> XlsxReader::Open(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source == nullptr) return tl::unexpected(Refuse(zip_error_strerror(&error)).error());
  std::unique_ptr<zip_t, ArchiveClose> archive(zip_open_from_source(source, ZIP_RDONLY, &error));
  if (!archive) {
    zip_source_free(source);
    return tl::unexpected(
        Refuse(std::string("not a ZIP archive (") + zip_error_strerror(&error) + ")").error());
  }
  const auto part = [&](const std::string& name) { return ReadPart(archive.get(), name); };

  // The first sheet of the workbook, and the relationships that say where its part is.
  auto workbook = part("xl/workbook.xml");
  if (!workbook) return tl::unexpected(workbook.error());
  if (!*workbook) return tl::unexpected(Refuse("it has no xl/workbook.xml").error());
  std::string first_sheet_id;
  Walker sheets;
  sheets.on_start = [&](std::string_view name, const XML_Char** attributes) {
    if (name == "sheet" && first_sheet_id.empty()) first_sheet_id = Attribute(attributes, "id");
  };
  if (auto walked = sheets.Walk("xl/workbook.xml", **workbook); !walked) {
    return tl::unexpected(walked.error());
  }
  if (first_sheet_id.empty()) return tl::unexpected(Refuse("its workbook names no sheet").error());
  auto rels = part("xl/_rels/workbook.xml.rels");
  if (!rels) return tl::unexpected(rels.error());
  if (!*rels) return tl::unexpected(Refuse("it has no xl/_rels/workbook.xml.rels").error());
  std::string sheet_part;
  std::string strings_part = "xl/sharedStrings.xml";
  Walker relationships;
  relationships.on_start = [&](std::string_view name, const XML_Char** attributes) {
    if (name != "Relationship") return;
    const std::string type = Attribute(attributes, "Type");
    if (Attribute(attributes, "Id") == first_sheet_id) {
      sheet_part = PartOf(Attribute(attributes, "Target"));
    } else if (type.ends_with("/sharedStrings")) {
      strings_part = PartOf(Attribute(attributes, "Target"));
    }
  };
  if (auto walked = relationships.Walk("xl/_rels/workbook.xml.rels", **rels); !walked) {
    return tl::unexpected(walked.error());
  }
  if (sheet_part.empty()) {
    return tl::unexpected(Refuse("its first sheet's part is not named").error());
  }

  // The shared strings: each <si>'s text, its runs' <t> joined, phonetic runs (<rPh>) left out.
  std::vector<std::string> strings;
  auto shared = part(strings_part);
  if (!shared) return tl::unexpected(shared.error());
  if (*shared) {
    bool in_text = false;
    int phonetic = 0;
    Walker walker;
    walker.on_start = [&](std::string_view name, const XML_Char**) {
      if (name == "si") strings.emplace_back();
      if (name == "rPh") ++phonetic;
      if (name == "t" && phonetic == 0 && !strings.empty()) in_text = true;
    };
    walker.on_end = [&](std::string_view name) {
      if (name == "rPh") --phonetic;
      if (name == "t") in_text = false;
    };
    walker.on_text = [&](std::string_view text) {
      if (in_text) strings.back().append(text);
    };
    if (auto walked = walker.Walk(strings_part, **shared); !walked) {
      return tl::unexpected(walked.error());
    }
  }

  auto sheet = part(sheet_part);
  if (!sheet) return tl::unexpected(sheet.error());
  if (!*sheet) return tl::unexpected(Refuse("its part " + sheet_part + " is missing").error());
  XlsxReader reader;
  std::string cell_type;
  std::string value;
  std::optional<std::size_t> column;
  std::size_t next_column = 0;
  bool in_value = false;
  bool in_inline = false;
  int phonetic = 0;
  std::string bad;
  Walker walker;
  walker.on_start = [&](std::string_view name, const XML_Char** attributes) {
    if (name == "row") {
      const std::string number = Attribute(attributes, "r");
      std::size_t row = reader.rows_.empty() ? 1 : reader.rows_.back().number + 1;
      if (!number.empty()) {
        std::from_chars(number.data(), number.data() + number.size(), row);
      }
      reader.rows_.push_back({row, {}});
      next_column = 0;
    } else if (name == "c" && !reader.rows_.empty()) {
      const std::string reference = Attribute(attributes, "r");
      column = reference.empty() ? std::optional<std::size_t>(next_column) : ColumnOf(reference);
      if (!column && bad.empty()) bad = "a cell's reference \"" + reference + "\" is not one";
      cell_type = Attribute(attributes, "t");
      value.clear();
    } else if (name == "v") {
      in_value = true;
    } else if (name == "is") {
      in_inline = true;
    } else if (name == "rPh") {
      ++phonetic;
    } else if (name == "t" && in_inline && phonetic == 0) {
      in_value = true;
    }
  };
  walker.on_end = [&](std::string_view name) {
    if (name == "v" || name == "t") {
      in_value = false;
    } else if (name == "is") {
      in_inline = false;
    } else if (name == "rPh") {
      --phonetic;
    } else if (name == "c" && column && !reader.rows_.empty()) {
      std::string text = value;
      if (cell_type == "s") {
        std::size_t index = 0;
        const auto [end, parsed] =
            std::from_chars(value.data(), value.data() + value.size(), index);
        if (parsed != std::errc() || index >= strings.size()) {
          if (bad.empty()) bad = "a cell names shared string " + value + ", which is not there";
          text.clear();
        } else {
          text = strings[index];
        }
      } else if (cell_type == "b") {
        text = value == "1" ? "TRUE" : "FALSE";
      }
      std::vector<std::string>& fields = reader.rows_.back().fields;
      if (fields.size() <= *column) fields.resize(*column + 1);
      fields[*column] = std::move(text);
      next_column = *column + 1;
      column.reset();
    }
  };
  walker.on_text = [&](std::string_view text) {
    if (in_value) value.append(text);
  };
  if (auto walked = walker.Walk(sheet_part, **sheet); !walked) {
    return tl::unexpected(walked.error());
  }
  if (!bad.empty()) return tl::unexpected(Refuse(bad).error());
  return reader;
}

bool XlsxReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  if (next_ >= rows_.size()) return false;
  Row& row = rows_[next_++];
  fields = std::move(row.fields);
  record_ = row.number;
  return true;
}

std::optional<core::Date> ExcelSerialDate(std::string_view text) {
  double serial = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (error != std::errc() || end != text.data() + text.size() || !std::isfinite(serial)) {
    return std::nullopt;
  }
  if (serial < kFirstTrueSerial || serial > kLastSerial) return std::nullopt;
  const auto days = static_cast<std::int32_t>(std::floor(serial) - kSerialOfEpoch);
  return core::Date::FromDaysSinceEpoch(days);
}

}  // namespace redress::legacy
