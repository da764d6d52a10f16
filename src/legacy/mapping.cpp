#include "legacy/mapping.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cctype>

namespace redress::legacy {
namespace {

std::string Folded(std::string_view text) {
  std::string folded = Trim(text);
  std::transform(folded.begin(), folded.end(), folded.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return folded;
}

// Reads the string `key` of `table` into `out`; a value of another type is a problem.
void ReadString(const toml::table& table, std::string_view key, std::string_view path,
                std::string& out, core::FieldErrors& errors) {
  const toml::node* node = table.get(key);
  if (node == nullptr) return;
  if (auto value = node->value<std::string>()) {
    out = *value;
  } else {
    errors.Add(std::string(path), "must be a string", core::FieldErrorCode::kMalformed);
  }
}

// Each key of `table` must be one of `known`: a misspelt key would otherwise be ignored silently.
void RejectUnknownKeys(const toml::table& table, std::string_view path,
                       std::initializer_list<std::string_view> known, core::FieldErrors& errors) {
  for (const auto& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      errors.Add(std::string(path) + std::string(key.str()), "is not a key this file may have",
                 core::FieldErrorCode::kMalformed);
    }
  }
}

void ReadCodes(const toml::table& codes, std::string_view key, Codes& out,
               core::FieldErrors& errors) {
  const toml::node* node = codes.get(key);
  if (node == nullptr) return;
  const std::string path = "codes." + std::string(key);
  const toml::table* table = node->as_table();
  if (table == nullptr) {
    errors.Add(path, "must be a table of code = \"redress code\"",
               core::FieldErrorCode::kMalformed);
    return;
  }
  for (const auto& [code, value] : *table) {
    if (auto text = value.value<std::string>()) {
      out[Folded(code.str())] = *text;
    } else {
      errors.Add(path + "." + std::string(code.str()), "must be a string",
                 core::FieldErrorCode::kMalformed);
    }
  }
}

// Each translation must name a value Redress knows, when Redress's list is fixed.
template <typename Parse>
void CheckTargets(const Codes& codes, std::string_view key, Parse parse,
                  core::FieldErrors& errors) {
  for (const auto& [code, target] : codes) {
    if (!parse(target)) {
      errors.Add("codes." + std::string(key) + "." + code,
                 "\"" + target + "\" is not one of Redress's values",
                 core::FieldErrorCode::kNotInList);
    }
  }
}

std::optional<std::string> ParseStatusName(std::string_view name) {
  if (name == "open" || name == "closed" || name == "withdrawn") return std::string(name);
  return std::nullopt;
}

}  // namespace

std::optional<std::string> Translate(const Codes& codes, std::string_view value) {
  if (codes.empty()) return Trim(value);
  auto found = codes.find(Folded(value));
  if (found == codes.end()) return std::nullopt;
  return found->second;
}

std::optional<core::Date> ParseLegacyDate(std::string_view text,
                                          const std::vector<std::string>& formats) {
  const std::string cell = Trim(text);
  for (const std::string& format : formats) {
    int day = 0, month = 0, year = 0;
    std::size_t at = 0;
    bool fits = true;
    for (std::size_t f = 0; f < format.size() && fits;) {
      auto digits = [&](int min, int max, int& out) {
        int count = 0;
        out = 0;
        while (count < max && at < cell.size() &&
               std::isdigit(static_cast<unsigned char>(cell[at]))) {
          out = out * 10 + (cell[at] - '0');
          ++at;
          ++count;
        }
        fits = count >= min;
      };
      std::string_view rest = std::string_view(format).substr(f);
      if (rest.starts_with("YYYY")) {
        digits(4, 4, year);
        f += 4;
      } else if (rest.starts_with("DD") || rest.starts_with("MM")) {
        digits(1, 2, rest[0] == 'D' ? day : month);
        f += 2;
      } else if (rest.starts_with("D") || rest.starts_with("M")) {
        digits(1, 2, rest[0] == 'D' ? day : month);
        f += 1;
      } else {
        fits = at < cell.size() && cell[at] == format[f];
        ++at;
        ++f;
      }
    }
    // What follows the date must be a time or nothing: "12/03/2023 14:05" is a date.
    if (fits && at < cell.size() && cell[at] != ' ' && cell[at] != 'T') fits = false;
    if (!fits) continue;
    if (auto date = core::Date::FromYmd(year, month, day)) return date;
  }
  return std::nullopt;
}

core::Result<Mapping> ParseMapping(std::string_view text) {
  toml::table root;
  try {
    root = toml::parse(text);
  } catch (const toml::parse_error& error) {
    const auto& where = error.source().begin;
    return core::FailField("mapping",
                           "line " + std::to_string(where.line) + ", column " +
                               std::to_string(where.column) + ": " +
                               std::string(error.description()),
                           core::FieldErrorCode::kMalformed);
  }
  core::FieldErrors errors;
  Mapping mapping;
  RejectUnknownKeys(root, "",
                    {"system", "date_formats", "regime", "channel", "default_category",
                     "default_remedy", "default_root_cause", "columns", "stages", "codes"},
                    errors);
  ReadString(root, "system", "system", mapping.system, errors);
  if (Trim(mapping.system).empty()) {
    errors.Add("system", "name the legacy system (its references are kept under this name)",
               core::FieldErrorCode::kRequired);
  }
  if (const toml::node* formats = root.get("date_formats")) {
    const toml::array* list = formats->as_array();
    if (list == nullptr) {
      errors.Add("date_formats", "must be a list of strings", core::FieldErrorCode::kMalformed);
    } else {
      for (std::size_t i = 0; i < list->size(); ++i) {
        if (auto value = (*list)[i].value<std::string>()) {
          mapping.date_formats.push_back(*value);
        } else {
          errors.Add("date_formats[" + std::to_string(i) + "]", "must be a string",
                     core::FieldErrorCode::kMalformed);
        }
      }
    }
  }
  if (mapping.date_formats.empty()) mapping.date_formats = {"DD/MM/YYYY", "YYYY-MM-DD"};
  std::string regime, channel;
  ReadString(root, "regime", "regime", regime, errors);
  if (!regime.empty()) {
    mapping.regime = core::ParseRegime(regime);
    if (!mapping.regime) {
      errors.Add("regime", "\"" + regime + "\" is not a regime", core::FieldErrorCode::kNotInList);
    }
  }
  ReadString(root, "channel", "channel", channel, errors);
  if (!channel.empty()) {
    mapping.channel = core::ParseChannel(channel);
    if (!mapping.channel) {
      errors.Add("channel", "\"" + channel + "\" is not a channel",
                 core::FieldErrorCode::kNotInList);
    }
  }
  ReadString(root, "default_category", "default_category", mapping.default_category, errors);
  ReadString(root, "default_remedy", "default_remedy", mapping.default_remedy, errors);
  if (!mapping.default_remedy.empty() && !core::ParseRemedyType(mapping.default_remedy)) {
    errors.Add("default_remedy", "\"" + mapping.default_remedy + "\" is not a remedy type",
               core::FieldErrorCode::kNotInList);
  }
  ReadString(root, "default_root_cause", "default_root_cause", mapping.default_root_cause, errors);

  if (const toml::table* columns = root["columns"].as_table()) {
    struct Column {
      std::string_view key;
      std::string* out;
    };
    const Column known[] = {
        {"reference", &mapping.reference},
        {"received_on", &mapping.received_on},
        {"regime", &mapping.regime_column},
        {"channel", &mapping.channel_column},
        {"service_area", &mapping.service_area},
        {"category", &mapping.category},
        {"summary", &mapping.summary},
        {"description", &mapping.description},
        {"desired_outcome", &mapping.desired_outcome},
        {"complainant_name", &mapping.complainant_name},
        {"complainant_email", &mapping.complainant_email},
        {"complainant_phone", &mapping.complainant_phone},
        {"complainant_address", &mapping.complainant_address},
        {"complainant_postcode", &mapping.complainant_postcode},
        {"closed_on", &mapping.closed_on},
        {"withdrawn_on", &mapping.withdrawn_on},
        {"status", &mapping.status},
    };
    for (const auto& [key, node] : *columns) {
      auto column = std::find_if(std::begin(known), std::end(known),
                                 [&](const Column& c) { return c.key == key.str(); });
      if (column == std::end(known)) {
        errors.Add("columns." + std::string(key.str()), "is not a field Redress imports",
                   core::FieldErrorCode::kMalformed);
        continue;
      }
      ReadString(*columns, key.str(), "columns." + std::string(key.str()), *column->out, errors);
    }
  } else {
    errors.Add("columns", "a [columns] table naming the file's columns is required",
               core::FieldErrorCode::kRequired);
  }
  for (auto [key, value] : {std::pair{"columns.reference", &mapping.reference},
                            {"columns.received_on", &mapping.received_on},
                            {"columns.service_area", &mapping.service_area},
                            {"columns.summary", &mapping.summary},
                            {"columns.complainant_name", &mapping.complainant_name}}) {
    if (root["columns"].is_table() && value->empty()) {
      errors.Add(key, "the column holding this field is required", core::FieldErrorCode::kRequired);
    }
  }

  if (const toml::node* stages = root.get("stages")) {
    const toml::array* list = stages->as_array();
    if (list == nullptr || list->size() > static_cast<std::size_t>(core::kMaxStages)) {
      errors.Add("stages",
                 "must be a list of at most " + std::to_string(core::kMaxStages) +
                     " [[stages]] tables, stage 1 first",
                 core::FieldErrorCode::kMalformed);
    } else {
      for (std::size_t i = 0; i < list->size(); ++i) {
        const std::string path = "stages[" + std::to_string(i) + "].";
        const toml::table* table = (*list)[i].as_table();
        if (table == nullptr) {
          errors.Add("stages[" + std::to_string(i) + "]", "must be a table",
                     core::FieldErrorCode::kMalformed);
          continue;
        }
        RejectUnknownKeys(*table, path,
                          {"requested_on", "acknowledged_on", "responded_on", "outcome",
                           "root_cause", "compensation", "remedy"},
                          errors);
        StageColumns stage;
        ReadString(*table, "requested_on", path + "requested_on", stage.requested_on, errors);
        ReadString(*table, "acknowledged_on", path + "acknowledged_on", stage.acknowledged_on,
                   errors);
        ReadString(*table, "responded_on", path + "responded_on", stage.responded_on, errors);
        ReadString(*table, "outcome", path + "outcome", stage.outcome, errors);
        ReadString(*table, "root_cause", path + "root_cause", stage.root_cause, errors);
        ReadString(*table, "compensation", path + "compensation", stage.compensation, errors);
        ReadString(*table, "remedy", path + "remedy", stage.remedy, errors);
        if (i > 0 && stage.requested_on.empty()) {
          errors.Add(path + "requested_on", "a later stage needs the column of its request date",
                     core::FieldErrorCode::kRequired);
        }
        if (!stage.responded_on.empty() && stage.outcome.empty()) {
          errors.Add(path + "outcome", "a stage with a response date needs its outcome column",
                     core::FieldErrorCode::kRequired);
        }
        mapping.stages.push_back(std::move(stage));
      }
    }
  }

  if (const toml::node* codes_node = root.get("codes")) {
    if (const toml::table* codes = codes_node->as_table()) {
      RejectUnknownKeys(*codes, "codes.",
                        {"service_area", "category", "outcome", "root_cause", "remedy", "regime",
                         "channel", "status"},
                        errors);
      ReadCodes(*codes, "service_area", mapping.service_areas, errors);
      ReadCodes(*codes, "category", mapping.categories, errors);
      ReadCodes(*codes, "outcome", mapping.outcomes, errors);
      ReadCodes(*codes, "root_cause", mapping.root_causes, errors);
      ReadCodes(*codes, "remedy", mapping.remedies, errors);
      ReadCodes(*codes, "regime", mapping.regimes, errors);
      ReadCodes(*codes, "channel", mapping.channels, errors);
      ReadCodes(*codes, "status", mapping.statuses, errors);
      CheckTargets(mapping.outcomes, "outcome", core::ParseOutcome, errors);
      CheckTargets(mapping.remedies, "remedy", core::ParseRemedyType, errors);
      CheckTargets(mapping.regimes, "regime", core::ParseRegime, errors);
      CheckTargets(mapping.channels, "channel", core::ParseChannel, errors);
      CheckTargets(mapping.statuses, "status", ParseStatusName, errors);
    } else {
      errors.Add("codes", "must be a table", core::FieldErrorCode::kMalformed);
    }
  }
  if (!errors.empty()) return errors.ToError();
  return mapping;
}

std::string Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(first, last - first + 1));
}

}  // namespace redress::legacy
