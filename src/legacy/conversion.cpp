#include "legacy/conversion.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <unordered_set>
#include <utility>

#include "core/transitions.hpp"
#include "legacy/csv_reader.hpp"
#include "legacy/xlsx_reader.hpp"

namespace redress::legacy {
namespace {

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find(';', start), text.size());
    std::string item = Trim(text.substr(start, end - start));
    if (!item.empty()) items.push_back(std::move(item));
    start = end + 1;
  }
  return items;
}

// Pounds as the legacy system wrote them ("150", "£150.50", "1,250.00") in pence.
std::optional<std::int64_t> ParsePence(std::string_view text) {
  std::string digits;
  for (char c : Trim(text)) {
    if (c == ',') continue;
    digits += c;
  }
  if (digits.starts_with("\xC2\xA3")) digits.erase(0, 2);  // £
  double pounds = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), pounds);
  if (error != std::errc() || end != digits.data() + digits.size() || pounds < 0) {
    return std::nullopt;
  }
  return static_cast<std::int64_t>(std::llround(pounds * 100));
}

// One row's cells, read by the mapping's column names, with the problems of the row.
class Row {
 public:
  Row(const ColumnLayout& layout, const std::vector<std::string>& fields, std::size_t row,
      DateCells date_cells, std::vector<Problem>& problems)
      : layout_(layout), fields_(fields), row_(row), date_cells_(date_cells), problems_(problems) {}

  std::string Cell(std::string_view column) const {
    if (column.empty()) return {};
    auto index = layout_.IndexOf(column);
    if (!index || *index >= fields_.size()) return {};
    return Trim(fields_[*index]);
  }
  void Report(std::string_view column, std::string message) {
    problems_.push_back({row_, std::string(column), std::move(message)});
    ++count_;
  }
  std::string Required(std::string_view column, std::string_view what) {
    std::string value = Cell(column);
    if (value.empty()) Report(column, std::string(what) + " is required");
    return value;
  }
  std::optional<core::Date> DateIn(std::string_view column, const Mapping& mapping,
                                   const core::Date& today) {
    std::string value = Cell(column);
    if (value.empty()) return std::nullopt;
    auto date = ParseLegacyDate(value, mapping.date_formats);
    if (!date && date_cells_ == DateCells::kTextOrExcelSerial) date = ExcelSerialDate(value);
    if (!date) {
      std::string forms;
      for (const auto& format : mapping.date_formats) forms += (forms.empty() ? "" : ", ") + format;
      Report(column, "\"" + value + "\" is not a date in the form " + forms);
      return std::nullopt;
    }
    if (today < *date) {
      Report(column, date->ToIso() + " is in the future");
      return std::nullopt;
    }
    return date;
  }
  // `value` through `codes`; a problem naming the code when it has no translation.
  std::optional<std::string> Code(std::string_view column, const Codes& codes,
                                  std::string_view what) {
    std::string value = Cell(column);
    if (value.empty()) return std::nullopt;
    auto translated = Translate(codes, value);
    if (!translated) {
      Report(column, "the mapping has no " + std::string(what) + " for the code \"" + value +
                         "\" (add it to [codes])");
    }
    return translated;
  }
  std::size_t count() const { return count_; }

 private:
  const ColumnLayout& layout_;
  const std::vector<std::string>& fields_;
  std::size_t row_;
  DateCells date_cells_;
  std::vector<Problem>& problems_;
  std::size_t count_ = 0;
};

struct StageFacts {
  int number = 1;
  std::optional<core::Date> requested_on;
  std::optional<core::Date> acknowledged_on;
  std::optional<core::Date> responded_on;
  std::optional<core::Outcome> outcome;
  std::vector<std::string> root_causes;
  std::vector<core::Remedy> remedies;
  const StageColumns* columns = nullptr;
};

// The column a transition's field error is about.
std::string ColumnOf(std::string_view field, std::string_view date_column,
                     const StageColumns* stage, const Mapping& mapping) {
  if (field.empty() || field == "on" || field == "requested_on") return std::string(date_column);
  if (stage != nullptr) {
    if (field == "outcome") return stage->outcome;
    if (field.starts_with("root_causes")) return stage->root_cause;
    if (field.starts_with("remedies")) {
      return stage->remedy.empty() ? stage->compensation : stage->remedy;
    }
  }
  if (field == "received_on" || field == "matter_arose_on") return mapping.received_on;
  if (field == "summary") return mapping.summary;
  if (field == "description") return mapping.description;
  if (field.starts_with("complainant")) {
    if (field.find("email") != std::string_view::npos) return mapping.complainant_email;
    if (field.find("phone") != std::string_view::npos) return mapping.complainant_phone;
    if (field.find("name") != std::string_view::npos) return mapping.complainant_name;
    // No way to reach them: the contact columns, the first the mapping names.
    for (const std::string* column : {&mapping.complainant_email, &mapping.complainant_phone,
                                      &mapping.complainant_address, &mapping.complainant_name}) {
      if (!column->empty()) return *column;
    }
  }
  return std::string(field);
}

// Applies one transition to `imported`, or reports why it was refused against `date_column`.
template <typename Step>
bool Apply(ImportedCase& imported, Row& row, const Mapping& mapping, std::string_view date_column,
           const StageColumns* stage, Step&& step) {
  auto transition = step(imported.complaint);
  if (!transition) {
    const core::Error& error = transition.error();
    if (error.fields.empty()) {
      row.Report(date_column, error.message);
    }
    for (const core::FieldError& field : error.fields) {
      row.Report(ColumnOf(field.field, date_column, stage, mapping), field.message);
    }
    return false;
  }
  imported.complaint = std::move(transition->complaint);
  imported.events.push_back(std::move(transition->event));
  return true;
}

}  // namespace

ColumnLayout ColumnLayout::Resolve(const Mapping& mapping, const std::vector<std::string>& header,
                                   std::vector<Problem>& problems) {
  ColumnLayout layout;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = Trim(header[i]);
    if (name.empty()) continue;
    if (!layout.indices_.emplace(name, i).second) {
      problems.push_back({1, name, "the header names this column twice"});
    }
  }
  std::vector<std::string> wanted = {mapping.reference,
                                     mapping.received_on,
                                     mapping.regime_column,
                                     mapping.channel_column,
                                     mapping.service_area,
                                     mapping.category,
                                     mapping.summary,
                                     mapping.description,
                                     mapping.desired_outcome,
                                     mapping.complainant_name,
                                     mapping.complainant_email,
                                     mapping.complainant_phone,
                                     mapping.complainant_address,
                                     mapping.complainant_postcode,
                                     mapping.closed_on,
                                     mapping.withdrawn_on,
                                     mapping.status};
  for (const StageColumns& stage : mapping.stages) {
    for (const std::string* column :
         {&stage.requested_on, &stage.acknowledged_on, &stage.responded_on, &stage.outcome,
          &stage.root_cause, &stage.compensation, &stage.remedy}) {
      wanted.push_back(*column);
    }
  }
  std::set<std::string, std::less<>> reported;
  for (const std::string& column : wanted) {
    if (column.empty() || layout.indices_.contains(column)) continue;
    if (reported.insert(column).second) {
      problems.push_back({1, column, "the mapping names this column but the file has none"});
    }
  }
  return layout;
}

std::optional<std::size_t> ColumnLayout::IndexOf(std::string_view name) const {
  auto found = indices_.find(name);
  if (found == indices_.end()) return std::nullopt;
  return found->second;
}

std::optional<ImportedCase> ConvertRow(const Mapping& mapping, const ColumnLayout& layout,
                                       const std::vector<std::string>& fields,
                                       std::size_t row_number, const ConversionContext& context,
                                       std::vector<Problem>& problems) {
  Row row(layout, fields, row_number, context.date_cells, problems);
  const core::Date today = context.today;
  ImportedCase imported;
  imported.legacy_reference = row.Required(mapping.reference, "the legacy reference");

  // ---- the cells, every one checked before any transition --------------------------------------
  std::optional<core::Date> received_on;
  if (row.Cell(mapping.received_on).empty()) {
    row.Report(mapping.received_on, "the date received is required");
  } else {
    received_on = row.DateIn(mapping.received_on, mapping, today);
  }

  std::optional<core::Regime> regime = mapping.regime;
  if (auto code = row.Code(mapping.regime_column, mapping.regimes, "regime")) {
    regime = core::ParseRegime(*code);
    if (!regime) row.Report(mapping.regime_column, "\"" + *code + "\" is not a regime");
  } else if (!regime && row.Cell(mapping.regime_column).empty()) {
    row.Report(mapping.regime_column, "the regime is required (or give one in the mapping)");
  }

  core::Channel channel = mapping.channel.value_or(core::Channel::kLetter);
  if (auto code = row.Code(mapping.channel_column, mapping.channels, "channel")) {
    if (auto parsed = core::ParseChannel(*code); parsed && *parsed != core::Channel::kOnline) {
      channel = *parsed;
    } else {
      row.Report(mapping.channel_column, "\"" + *code + "\" is not a channel staff may record");
    }
  }

  std::string service_area, service_team;
  if (row.Cell(mapping.service_area).empty()) {
    row.Report(mapping.service_area, "the service area is required");
  } else if (auto code = row.Code(mapping.service_area, mapping.service_areas, "service area")) {
    auto found = context.service_area_teams->find(*code);
    if (found == context.service_area_teams->end()) {
      row.Report(mapping.service_area, "\"" + *code + "\" is not a service area of the council");
    } else {
      service_area = found->first;
      service_team = found->second;
    }
  }

  std::string category = mapping.default_category;
  if (auto code = row.Code(mapping.category, mapping.categories, "category")) category = *code;
  if (category.empty()) {
    row.Report(mapping.category.empty() ? "default_category" : mapping.category,
               "a category is required (or give default_category in the mapping)");
  } else if (!context.categories->contains(category)) {
    row.Report(mapping.category.empty() ? "default_category" : mapping.category,
               "\"" + category + "\" is not an active category of the council");
  }

  const std::string summary = row.Required(mapping.summary, "the summary");
  core::Person complainant{row.Required(mapping.complainant_name, "the complainant's name"),
                           row.Cell(mapping.complainant_email), row.Cell(mapping.complainant_phone),
                           row.Cell(mapping.complainant_address),
                           row.Cell(mapping.complainant_postcode)};

  std::vector<StageFacts> stages;
  for (std::size_t i = 0; i < mapping.stages.size(); ++i) {
    const StageColumns& columns = mapping.stages[i];
    StageFacts stage;
    stage.number = static_cast<int>(i) + 1;
    stage.columns = &columns;
    const bool any = !row.Cell(columns.requested_on).empty() ||
                     !row.Cell(columns.acknowledged_on).empty() ||
                     !row.Cell(columns.responded_on).empty() || !row.Cell(columns.outcome).empty();
    if (!any) break;  // the case went no further; later stages' cells are not read
    if (i > 0) {
      if (row.Cell(columns.requested_on).empty()) {
        row.Report(columns.requested_on,
                   "stage " + std::to_string(i + 1) + " has dates but no date it was requested");
      }
      stage.requested_on = row.DateIn(columns.requested_on, mapping, today);
      if (!stages.empty() && !stages.back().responded_on) {
        row.Report(columns.requested_on, "stage " + std::to_string(i + 1) +
                                             " was requested but stage " + std::to_string(i) +
                                             " has no response date");
      }
    }
    stage.acknowledged_on = row.DateIn(columns.acknowledged_on, mapping, today);
    stage.responded_on = row.DateIn(columns.responded_on, mapping, today);
    if (auto code = row.Code(columns.outcome, mapping.outcomes, "outcome")) {
      stage.outcome = core::ParseOutcome(*code);
      if (!stage.outcome) row.Report(columns.outcome, "\"" + *code + "\" is not an outcome");
    }
    if (stage.responded_on && !stage.outcome && row.Cell(columns.outcome).empty()) {
      row.Report(columns.outcome, "a stage with a response needs its outcome");
    }
    if (stage.responded_on) {
      for (const std::string& code : SplitList(row.Cell(columns.root_cause))) {
        auto translated = Translate(mapping.root_causes, code);
        if (!translated) {
          row.Report(columns.root_cause, "the mapping has no root cause for the code \"" + code +
                                             "\" (add it to [codes])");
        } else if (!context.root_causes->contains(*translated)) {
          row.Report(columns.root_cause,
                     "\"" + *translated + "\" is not an active root cause of the council");
        } else if (std::find(stage.root_causes.begin(), stage.root_causes.end(), *translated) ==
                   stage.root_causes.end()) {
          stage.root_causes.push_back(*translated);
        }
      }
      if (stage.root_causes.empty() && row.Cell(columns.root_cause).empty()) {
        if (mapping.default_root_cause.empty()) {
          row.Report(columns.root_cause.empty() ? "default_root_cause" : columns.root_cause,
                     "a response needs a root cause (or give default_root_cause in the "
                     "mapping)");
        } else {
          stage.root_causes.push_back(mapping.default_root_cause);
        }
      }
      for (const std::string& code : SplitList(row.Cell(columns.remedy))) {
        auto translated = Translate(mapping.remedies, code);
        auto type = translated ? core::ParseRemedyType(*translated) : std::nullopt;
        if (!type || *type == core::RemedyType::kFinancial) {
          if (!type) {
            row.Report(columns.remedy, "the mapping has no remedy type for the code \"" + code +
                                           "\" (add it to [codes])");
          }
          continue;  // money comes from the compensation column, with its amount
        }
        stage.remedies.push_back({*type, 0, ""});
      }
      if (std::string money = row.Cell(columns.compensation); !money.empty()) {
        auto pence = ParsePence(money);
        if (!pence) {
          row.Report(columns.compensation, "\"" + money + "\" is not an amount of money");
        } else if (*pence > 0) {
          stage.remedies.push_back({core::RemedyType::kFinancial, *pence, ""});
        }
      }
      if (stage.remedies.empty() && stage.outcome && *stage.outcome != core::Outcome::kNotUpheld &&
          !mapping.default_remedy.empty()) {
        stage.remedies.push_back({*core::ParseRemedyType(mapping.default_remedy), 0, ""});
      }
    }
    stages.push_back(std::move(stage));
  }

  std::optional<std::string> status;
  if (auto code = row.Code(mapping.status, mapping.statuses, "status")) {
    if (*code == "open" || *code == "closed" || *code == "withdrawn") {
      status = *code;
    } else {
      row.Report(mapping.status, "\"" + *code + "\" is not open, closed or withdrawn");
    }
  }
  std::optional<core::Date> closed_on = row.DateIn(mapping.closed_on, mapping, today);
  std::optional<core::Date> withdrawn_on = row.DateIn(mapping.withdrawn_on, mapping, today);

  if (row.count() > 0 || !received_on || !regime) return std::nullopt;

  // ---- the history, through the core's transitions ----------------------------------------------
  core::CaseContext at{context.calendar, today, context.actor, context.root_causes};
  auto team_for = [&](int stage, core::Date on) {
    return core::RouteStage(*regime, stage, service_area, service_team, on, *context.routing);
  };
  core::LogInput log{.regime = *regime,
                     .channel = channel,
                     .received_on = *received_on,
                     .matter_arose_on = std::nullopt,
                     .service_area = service_area,
                     .category = category,
                     .summary = summary,
                     // Legacy systems often keep one text; Redress needs a description too.
                     .description = row.Cell(mapping.description).empty()
                                        ? summary
                                        : row.Cell(mapping.description),
                     .desired_outcome = row.Cell(mapping.desired_outcome),
                     .complainant = complainant,
                     .representative = std::nullopt,
                     .team = team_for(1, *received_on),
                     .handler = "",
                     .service_request_reference = "",
                     .possible_repeat_of = {}};
  {
    auto logged = core::Log(log, at);
    if (!logged) {
      for (const core::FieldError& field : logged.error().fields) {
        row.Report(ColumnOf(field.field, mapping.received_on, nullptr, mapping), field.message);
      }
      if (logged.error().fields.empty()) row.Report("", logged.error().message);
      return std::nullopt;
    }
    imported.complaint = std::move(logged->complaint);
    imported.events.push_back(std::move(logged->event));
  }

  for (const StageFacts& stage : stages) {
    const StageColumns& columns = *stage.columns;
    if (stage.number > 1 && stage.requested_on) {
      core::EscalateInput escalate{*stage.requested_on, "Escalation recorded in " + mapping.system,
                                   team_for(stage.number, *stage.requested_on), ""};
      if (!Apply(imported, row, mapping, columns.requested_on, &columns,
                 [&](const auto& c) { return core::Escalate(c, escalate, at); })) {
        return std::nullopt;
      }
    }
    if (stage.acknowledged_on &&
        imported.complaint.status == core::CaseStatus::kAwaitingAcknowledgement) {
      if (!Apply(imported, row, mapping, columns.acknowledged_on, &columns, [&](const auto& c) {
            return core::Acknowledge(c, core::AcknowledgeInput{*stage.acknowledged_on}, at);
          })) {
        return std::nullopt;
      }
    }
    if (stage.responded_on) {
      // Each stage answered by its own officer, as the Code requires of a later stage: the
      // legacy system names none, so each stage's responder is the import's, per stage.
      core::CaseContext responder = at;
      responder.actor = context.actor + " (stage " + std::to_string(stage.number) + ")";
      core::RespondInput respond{.on = *stage.responded_on,
                                 .outcome = stage.outcome,
                                 .root_causes = stage.root_causes,
                                 .remedies = stage.remedies,
                                 .actions = {},
                                 .learning = ""};
      if (!Apply(imported, row, mapping, columns.responded_on, &columns,
                 [&](const auto& c) { return core::Respond(c, respond, responder); })) {
        return std::nullopt;
      }
    }
  }

  const bool withdrawn = withdrawn_on || (status && *status == "withdrawn");
  if (withdrawn) {
    if (!withdrawn_on) {
      row.Report(mapping.withdrawn_on.empty() ? mapping.status : mapping.withdrawn_on,
                 "a withdrawn case needs the date it was withdrawn");
      return std::nullopt;
    }
    core::WithdrawInput withdraw{*withdrawn_on, "Withdrawn (recorded in " + mapping.system + ")"};
    if (!Apply(imported, row, mapping, mapping.withdrawn_on, nullptr,
               [&](const auto& c) { return core::Withdraw(c, withdraw, at); })) {
      return std::nullopt;
    }
  } else if (closed_on || (status && *status == "closed")) {
    if (imported.complaint.status == core::CaseStatus::kResponded) {
      core::Date on = closed_on.value_or(imported.complaint.current_stage().response->responded_on);
      const std::string& column = mapping.closed_on.empty() ? mapping.status : mapping.closed_on;
      if (!Apply(imported, row, mapping, column, nullptr,
                 [&](const auto& c) { return core::Close(c, core::CloseInput{on}, at); })) {
        return std::nullopt;
      }
    } else if (core::IsOpen(imported.complaint.status)) {
      row.Report(
          mapping.closed_on.empty() ? mapping.status : mapping.closed_on,
          "the case is closed in " + mapping.system + " but has no response at its last stage");
      return std::nullopt;
    }
  }
  return imported;
}

namespace {

// The rows of `reader`, as ConvertFile reads them.
std::size_t ConvertRows(RowSource& reader, const Mapping& mapping, const ConversionContext& context,
                        const std::function<bool(const std::string& legacy_reference)>& wanted,
                        const std::function<bool(ImportedCase&&)>& on_case,
                        std::vector<Problem>& problems) {
  std::vector<std::string> fields;
  if (!reader.Next(fields)) {
    problems.push_back({1, "", "the file is empty: it needs a header row and a row per case"});
    return 0;
  }
  if (!reader.problem().empty()) problems.push_back({1, "", reader.problem()});
  ColumnLayout layout = ColumnLayout::Resolve(mapping, fields, problems);
  if (!problems.empty()) return 0;  // without the columns no row can be read
  const auto reference_index = layout.IndexOf(mapping.reference);
  std::unordered_set<std::string> seen;
  std::size_t rows = 0;
  while (reader.Next(fields)) {
    if (IsBlank(fields)) continue;
    ++rows;
    const std::size_t row = reader.record();
    if (!reader.problem().empty()) {
      problems.push_back({row, "", reader.problem()});
      continue;
    }
    std::string reference =
        reference_index && *reference_index < fields.size() ? Trim(fields[*reference_index]) : "";
    if (!reference.empty() && !seen.insert(reference).second) {
      problems.push_back({row, mapping.reference,
                          "the legacy reference \"" + reference + "\" is given twice in the file"});
      continue;
    }
    if (!reference.empty() && !wanted(reference)) continue;
    auto converted = ConvertRow(mapping, layout, fields, row, context, problems);
    if (converted && !on_case(std::move(*converted))) break;
  }
  return rows;
}

}  // namespace

std::size_t ConvertFile(std::string_view text, const Mapping& mapping,
                        const ConversionContext& context,
                        const std::function<bool(const std::string& legacy_reference)>& wanted,
                        const std::function<bool(ImportedCase&&)>& on_case,
                        std::vector<Problem>& problems) {
  if (!LooksLikeXlsx(text)) {
    CsvReader reader(text);
    return ConvertRows(reader, mapping, context, wanted, on_case, problems);
  }
  auto reader = XlsxReader::Open(text);
  if (!reader) {
    problems.push_back({1, "",
                        reader.error().fields.empty() ? reader.error().message
                                                      : reader.error().fields[0].message});
    return 0;
  }
  ConversionContext spreadsheet = context;
  spreadsheet.date_cells = DateCells::kTextOrExcelSerial;
  return ConvertRows(*reader, mapping, spreadsheet, wanted, on_case, problems);
}

}  // namespace redress::legacy
