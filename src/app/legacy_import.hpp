#pragma once

// The import of complaints from a legacy system (issue 20; docs/legacy-import.md): a CSV export
// and a mapping (legacy/mapping.hpp) turned into cases with their history (legacy/conversion.hpp).
// A dry run reports every problem without writing anything; a real run is all or nothing for the
// file (one transaction: one problem and nothing is written), and a legacy reference already
// imported is skipped, so that running the same file again imports nothing twice.

#include <cstddef>
#include <string>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "legacy/conversion.hpp"

namespace redress::app {

struct ImportComplaintsInput {
  std::string mapping;    // the mapping file's TOML
  std::string csv;        // the export: CSV text, or an XLSX workbook's bytes (legacy::ConvertFile)
  std::string file_name;  // recorded on each case's `imported` event
  bool dry_run = false;
};

struct ImportReport {
  bool dry_run = false;
  std::string system;                     // the mapping's legacy system
  std::size_t rows = 0;                   // rows read, blank ones left out
  std::size_t imported = 0;               // cases imported (a dry run: the rows that would be)
  std::size_t already_imported = 0;       // rows whose reference was imported before: skipped
  std::vector<legacy::Problem> problems;  // every problem, by row and column; none = success
  // The first cases imported, legacy reference → Redress reference (at most kReportedCases).
  std::vector<std::pair<std::string, std::string>> cases;
};

inline constexpr std::size_t kReportedCases = 100;

// Imports the file as `actor`, who must manage the configuration (kForbidden otherwise).
// kInvalidInput naming every problem of the mapping when it is not one; problems with the file
// are the report's, with nothing written. Each case imported is logged, answered, escalated,
// withdrawn or closed on its original dates, as the core's transitions allow, with those events
// in its audit trail and then an `imported` event dated today naming the legacy system, its
// reference and the file.
Result<ImportReport> ImportComplaints(Store& store, const Clock& clock, const Actor& actor,
                                      const ImportComplaintsInput& input);

}  // namespace redress::app
