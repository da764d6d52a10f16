#pragma once

// The lists of the web app as downloads (issue 20): the complaints with the list's filters, the
// Ombudsman cases and the learning actions, each row what the list shows the actor and nothing
// more (restricted cases and what concerns them left out exactly as in the list: the complaint
// list's visible_to_team, app::Visibility for the others), written to a report::TableSink that
// the adapter lays out as CSV or XLSX (report/render/table_writer.hpp). The columns are decided
// here, once, for every adapter.
//
// Each download is recorded: once every row has gone to the sink, an event `list_exported` on the
// actor's user (which list, the format, the filters as asked and the number of rows) is appended in
// a transaction of its own. A caller sends the document only when the use case succeeded, so no
// download goes unrecorded. The rows are read from one snapshot, the complaints a page at a time
// (kExportPageSize), so the rows in memory are one page's whatever the list's length.

#include <cstdint>
#include <string>

#include "app/case_use_cases.hpp"
#include "app/learning.hpp"
#include "app/ombudsman.hpp"
#include "report/table.hpp"

namespace redress::app {

inline constexpr int kExportPageSize = 500;

// What the audit records of a download besides the list and its row count.
struct ExportRequest {
  std::string format;   // the document's format as the adapter names it: "csv", "xlsx"
  std::string filters;  // the filters as asked, e.g. "regime=housing&status=in_progress"
};

// The complaints matching `query`'s filters in its order (its limit and cursor are ignored: the
// export is the whole list). Returns the number of rows written.
Result<std::int64_t> ExportComplaints(const CaseContext& context, const Actor& actor,
                                      ComplaintQuery query, const ExportRequest& request,
                                      report::TableSink& sink);
// The Ombudsman cases of ListOmbudsmanCases(filter), in its order.
Result<std::int64_t> ExportOmbudsmanCases(Store& store, const Clock& clock, const Actor& actor,
                                          const OmbudsmanCaseFilter& filter,
                                          const ExportRequest& request, report::TableSink& sink);
// The learning actions of ListLearningActions(filter) as at today, in its order.
Result<std::int64_t> ExportLearningActions(Store& store, const Clock& clock, const Actor& actor,
                                           const LearningFilter& filter,
                                           const ExportRequest& request, report::TableSink& sink);

}  // namespace redress::app
