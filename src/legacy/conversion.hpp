#pragma once

// One row of a legacy system's export turned into a Redress case with its history: logged on
// the date it was received, acknowledged, answered, escalated, withdrawn and closed on the dates
// the legacy system recorded, through the core's own transitions (core/transitions.hpp), so that
// an imported case obeys every rule a case logged in Redress obeys and its events carry their
// original dates: a past year's annual report counts it in the year it happened. Every problem is
// reported by row and column, all of them, never only the first. Pure: "today" is passed in.

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/complaint.hpp"
#include "core/event.hpp"
#include "core/routing.hpp"
#include "legacy/mapping.hpp"

namespace redress::legacy {

// A problem with the file: its row (1 = the header, as a spreadsheet numbers them), the column's
// header ("" when it concerns the whole row) and what is wrong.
struct Problem {
  std::size_t row = 0;
  std::string column;
  std::string message;
  friend bool operator==(const Problem&, const Problem&) = default;
};

// How a date column's cells may be written: as text in one of the mapping's date forms, or also
// as an Excel date serial (a spreadsheet's cell holds a date as its serial, xlsx_reader.hpp).
enum class DateCells { kText, kTextOrExcelSerial };

// What the conversion checks codes against: the organisation's reference data as it is now.
struct ConversionContext {
  const core::WorkingCalendar* calendar = nullptr;  // never null
  core::Date today;                                 // no date may be after it
  std::string actor;                                // who imports: the events' author
  const std::set<std::string, std::less<>>* root_causes = nullptr;  // active codes
  const std::set<std::string, std::less<>>* categories = nullptr;   // active codes
  // Each service area's code and the team that owns its complaints.
  const std::map<std::string, std::string, std::less<>>* service_area_teams = nullptr;
  const core::RoutingConfig* routing = nullptr;
  DateCells date_cells = DateCells::kText;  // ConvertFile sets it from the file's kind
};

struct ImportedCase {
  std::string legacy_reference;
  core::Complaint complaint;            // as it stands after its history
  std::vector<core::CaseEvent> events;  // its history, oldest first, each on its original date
};

// The mapping's columns found in a file's header.
class ColumnLayout {
 public:
  // Each column the mapping names must be in `header` (a problem on row 1 for each one missing);
  // a header given twice is a problem too.
  static ColumnLayout Resolve(const Mapping& mapping, const std::vector<std::string>& header,
                              std::vector<Problem>& problems);
  // The index of the column `name`; nullopt when the mapping names none or the file lacks it.
  std::optional<std::size_t> IndexOf(std::string_view name) const;

 private:
  std::map<std::string, std::size_t, std::less<>> indices_;
};

// The case row `row` (its fields in `fields`) describes, or nullopt with its problems appended
// to `problems`.
std::optional<ImportedCase> ConvertRow(const Mapping& mapping, const ColumnLayout& layout,
                                       const std::vector<std::string>& fields, std::size_t row,
                                       const ConversionContext& context,
                                       std::vector<Problem>& problems);

// Reads the file `text` whole, CSV text or an XLSX workbook's bytes (LooksLikeXlsx: its first
// worksheet, whose date columns may hold Excel serials): the header, then each row converted and
// handed to `on_case`
// (skipped when `wanted` says false of its legacy reference, as for one already imported), every
// problem appended to `problems` (a reference given twice in the file is one). Returns the
// number of rows read, blank ones left out. Stops early when `on_case` returns false.
std::size_t ConvertFile(std::string_view text, const Mapping& mapping,
                        const ConversionContext& context,
                        const std::function<bool(const std::string& legacy_reference)>& wanted,
                        const std::function<bool(ImportedCase&&)>& on_case,
                        std::vector<Problem>& problems);

}  // namespace redress::legacy
