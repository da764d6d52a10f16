#include "app/list_exports.hpp"

#include <string_view>
#include <utility>
#include <vector>

#include "core/pending_deadline.hpp"

namespace redress::app {
namespace {

using report::TableCell;

std::string YesNo(bool value) { return value ? "yes" : "no"; }

// References one after the other, as a cell holds a list.
std::string Joined(const std::vector<std::string>& references) {
  std::string text;
  for (const std::string& reference : references) {
    if (!text.empty()) text += "; ";
    text += reference;
  }
  return text;
}

std::vector<TableCell> ComplaintCells(const ComplaintRow& row, core::Date today) {
  return {TableCell::Text(row.reference),
          TableCell::Text(std::string(core::ToString(row.regime))),
          TableCell::Text(std::string(core::ToString(row.status))),
          TableCell::Number(row.stage),
          TableCell::Text(row.service_area),
          TableCell::Text(row.category),
          TableCell::Text(row.team),
          TableCell::Text(row.handler),
          TableCell::Day(row.received_on),
          TableCell::Day(row.due_on),
          TableCell::Text(YesNo(core::IsOverdue(row.due_on, today))),
          TableCell::Text(row.summary)};
}

const std::vector<std::string> kComplaintHeadings = {
    "Reference", "Regime",  "Status",      "Stage",  "Service area", "Category",
    "Team",      "Handler", "Received on", "Due on", "Overdue",      "Summary"};

std::vector<TableCell> OmbudsmanCaseCells(const core::OmbudsmanCase& c, core::Date today) {
  std::vector<TableCell> cells = {
      TableCell::Text(c.reference), TableCell::Text(std::string(core::ToString(c.ombudsman))),
      TableCell::Text(c.ombudsman_reference), TableCell::Text(Joined(c.complaints)),
      TableCell::Text(c.summary)};
  for (const core::OmbudsmanCaseDate& date : core::kOmbudsmanCaseDates) {
    cells.push_back(TableCell::Day(c.*date.date));
  }
  cells.push_back(TableCell::Text(YesNo(core::IsInformationOverdue(c, today))));
  cells.push_back(TableCell::Text(YesNo(core::IsAnyRemedyOverdue(c, today))));
  return cells;
}

// In the order of core::kOmbudsmanCaseDates.
const std::vector<std::string> kOmbudsmanCaseHeadings = {"Reference",
                                                         "Ombudsman",
                                                         "Ombudsman's reference",
                                                         "Complaints",
                                                         "Summary",
                                                         "Referred on",
                                                         "Enquiry received on",
                                                         "Information due on",
                                                         "Information sent on",
                                                         "Draft decision on",
                                                         "Final decision on",
                                                         "Information overdue",
                                                         "Remedy overdue"};

std::vector<TableCell> LearningActionCells(const core::LearningAction& a, core::Date today) {
  return {TableCell::Text(a.reference),
          TableCell::Text(std::string(core::ToString(a.status))),
          TableCell::Text(std::string(core::ToString(a.source))),
          TableCell::Text(Joined(a.complaints)),
          TableCell::Text(a.ombudsman_case),
          TableCell::Text(a.category),
          TableCell::Text(a.root_cause),
          TableCell::Text(a.lesson),
          TableCell::Text(a.action),
          TableCell::Text(a.owner),
          TableCell::Day(a.raised_on),
          TableCell::Day(a.due_on),
          TableCell::Day(a.completed_on),
          TableCell::Text(YesNo(core::IsOverdue(a, today)))};
}

const std::vector<std::string> kLearningActionHeadings = {
    "Reference", "Status", "Source", "Complaints", "Ombudsman case", "Category",     "Root cause",
    "Lesson",    "Action", "Owner",  "Raised on",  "Due on",         "Completed on", "Overdue"};

// Appends the download's event on the actor's user, in its own transaction.
Status RecordExport(Store& store, const Clock& clock, const Actor& actor, std::string_view list,
                    const ExportRequest& request, std::int64_t rows) {
  const std::string count = std::to_string(rows);
  core::CaseEvent event{core::EventType::kListExported,
                        clock.Today(),
                        actor.username,
                        0,
                        "Downloaded the " + std::string(list) + " list as " + request.format +
                            " (" + count + (rows == 1 ? " row)" : " rows)"),
                        {{"list", "", std::string(list)},
                         {"format", "", request.format},
                         {"filters", "", request.filters},
                         {"rows", "", count}}};
  return store.Write(
      [&](Tx& tx) { return tx.Events().Append(EntityType::kUser, actor.username, event); });
}

// Writes `records` to the sink under `headings`, records the download and returns the row count.
template <typename Record, typename CellsOf>
Result<std::int64_t> ExportRecords(Store& store, const Clock& clock, const Actor& actor,
                                   std::string_view list, const std::vector<Record>& records,
                                   const std::vector<std::string>& headings, CellsOf cells_of,
                                   const ExportRequest& request, report::TableSink& sink) {
  const core::Date today = clock.Today();
  sink.Headings(headings);
  for (const Record& record : records) sink.Row(cells_of(record, today));
  const auto rows = static_cast<std::int64_t>(records.size());
  if (auto recorded = RecordExport(store, clock, actor, list, request, rows); !recorded) {
    return tl::unexpected(recorded.error());
  }
  return rows;
}

}  // namespace

Result<std::int64_t> ExportComplaints(const CaseContext& context, const Actor& actor,
                                      ComplaintQuery query, const ExportRequest& request,
                                      report::TableSink& sink) {
  // The list's own visibility: the command line's reader sees every case.
  if (actor.reach != Reach::kEverything) query.visible_to_team = actor.team;
  query.limit = kExportPageSize;
  query.after_reference.clear();
  query.after.reset();
  const core::Date today = context.clock.Today();
  std::int64_t rows = 0;
  sink.Headings(kComplaintHeadings);
  auto read = context.store.Read([&](Tx& tx) -> Status {
    auto page_query = WithDueRange(context, tx, query);
    if (!page_query) return tl::unexpected(page_query.error());
    while (true) {
      auto page = tx.Complaints().List(*page_query);
      if (!page) return tl::unexpected(page.error());
      for (const ComplaintRow& row : *page) sink.Row(ComplaintCells(row, today));
      rows += static_cast<std::int64_t>(page->size());
      if (static_cast<int>(page->size()) < kExportPageSize) return {};
      page_query->after = CursorAfter(page->back(), page_query->sort);
    }
  });
  if (!read) return tl::unexpected(read.error());
  if (auto recorded =
          RecordExport(context.store, context.clock, actor, "complaints", request, rows);
      !recorded) {
    return tl::unexpected(recorded.error());
  }
  return rows;
}

Result<std::int64_t> ExportOmbudsmanCases(Store& store, const Clock& clock, const Actor& actor,
                                          const OmbudsmanCaseFilter& filter,
                                          const ExportRequest& request, report::TableSink& sink) {
  auto cases = ListOmbudsmanCases(store, actor, filter);
  if (!cases) return tl::unexpected(cases.error());
  return ExportRecords(store, clock, actor, "Ombudsman cases", *cases, kOmbudsmanCaseHeadings,
                       OmbudsmanCaseCells, request, sink);
}

Result<std::int64_t> ExportLearningActions(Store& store, const Clock& clock, const Actor& actor,
                                           const LearningFilter& filter,
                                           const ExportRequest& request, report::TableSink& sink) {
  auto actions = ListLearningActions(store, actor, filter, clock.Today());
  if (!actions) return tl::unexpected(actions.error());
  return ExportRecords(store, clock, actor, "learning actions", *actions, kLearningActionHeadings,
                       LearningActionCells, request, sink);
}

}  // namespace redress::app
