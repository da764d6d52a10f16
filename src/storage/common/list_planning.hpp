#pragma once

// The parts of a complaint list's query planning that do not depend on an engine or an SQL
// dialect: the words of a free-text search, the position a page starts after, and the window of
// references a list in reference order may return. Each engine turns them into its own SQL.

#include <algorithm>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/complaint_repository.hpp"
#include "core/case_statuses.hpp"
#include "core/result.hpp"

namespace redress::storage::common {

// The words of free text a user typed (ComplaintQuery::text), split at whitespace after the
// spacing of phone numbers and postcodes is taken out (core::NormaliseSearchText, so that they
// meet the normalised forms of core::PeopleSearchText that the engines index). Double quotes,
// special in a search engine's query syntax (FTS5 strings, tsquery phrases), NUL, which would
// end a query early, and bytes that are not UTF-8 are dropped. No words: no text filter.
std::vector<std::string> SearchWords(std::string_view text);

// The field error of a cursor that is not a position in the list's sort order.
core::Error InvalidCursor();

// The position the query's page starts after: `after`, else `after_reference` (reference order
// only). kInvalidInput for a cursor without a reference or an after_reference in another order.
core::Result<std::optional<app::ComplaintCursor>> EffectiveCursor(const app::ComplaintQuery& query);

// A row of a complaint list, read from an engine's row (its ColumnReader or RowReader) of the
// columns "reference, regime, status, current_stage, service_area, category, team, handler,
// received_on, due_on, summary, version, complainant_name", in that order.
template <typename Reader>
app::ComplaintRow ReadComplaintRow(Reader& r) {
  app::ComplaintRow row;
  row.reference = r.Text();
  row.regime = r.Enumerator(core::ParseRegime);
  row.status = r.Enumerator(core::ParseCaseStatus);
  row.stage = r.Int();
  row.service_area = r.Text();
  row.category = r.Text();
  row.team = r.Text();
  row.handler = r.Text();
  row.received_on = r.Date();
  row.due_on = r.OptionalDate();
  row.summary = r.Text();
  row.version = r.Int64();
  row.complainant = r.Text();
  return row;
}

// A range of references: after `low` (from it when low_inclusive) and before `high` (up to it
// when high_inclusive); an empty bound is no bound.
struct ReferenceWindow {
  std::string low;
  bool low_inclusive = false;
  std::string high;
  bool high_inclusive = false;

  // Narrows the window to references after (or from) `bound`.
  void RaiseLow(std::string bound, bool inclusive) {
    if (low.empty() || bound > low || (bound == low && !inclusive)) {
      low = std::move(bound);
      low_inclusive = inclusive;
    }
  }
  // Narrows the window to references before (or up to) `bound`.
  void LowerHigh(std::string bound, bool inclusive) {
    if (high.empty() || bound < high || (bound == high && !inclusive)) {
      high = std::move(bound);
      high_inclusive = inclusive;
    }
  }
};

// The references a list in reference order may return: those after the cursor and, when its
// receipt dates are bounded, those of the years the dates allow (see kFirstFourDigitYear). A
// lower date of a four-digit year keeps every row that can match to four-digit years, so that
// the upper bound holds for them too.
ReferenceWindow ReferenceWindowOf(const app::ComplaintQuery& query,
                                  const std::optional<app::ComplaintCursor>& cursor);

// The counts by status of a list: every status, in core::kAllCaseStatuses' order, with 0 for one
// the store's GROUP BY did not return (`found`).
inline app::StatusCounts EveryStatusCount(const app::StatusCounts& found) {
  app::StatusCounts counts;
  counts.reserve(std::size(core::kAllCaseStatuses));
  for (core::CaseStatus status : core::kAllCaseStatuses) {
    auto match = std::find_if(found.begin(), found.end(),
                              [status](const auto& entry) { return entry.first == status; });
    counts.emplace_back(status, match == found.end() ? 0 : match->second);
  }
  return counts;
}

}  // namespace redress::storage::common
