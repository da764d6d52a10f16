#pragma once

// The complaint list on SQLite: filters, FTS5 free text, sort orders and keyset cursors, planned
// as one or more SELECTs (or chunks of references for a common word), with the engine-neutral
// parts from storage/common/list_planning.hpp. Internal to the SQLite adapter; the complaint
// repository lists and counts with it, the store explains its plans.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/complaint_repository.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// How the free text of a query filters the complaints.
struct TextFilter {
  std::string fts_query;         // the FTS5 query; empty when the text has no words: no filter
  bool matches_nothing = false;  // its last word begins no indexed word: no complaint matches
};

// A SELECT being built: its text and the values of its parameters, in order.
struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> values;

  // Appends " AND <condition>"; `sql` already ends in a WHERE clause.
  template <typename... Values>
  void And(std::string_view condition, Values... condition_values) {
    sql += " AND ";
    sql += condition;
    (values.push_back(SqlValue(std::move(condition_values))), ...);
  }
};

// How AppendFilters writes the conditions whose form decides how SQLite reads them.
struct FilterForm {
  std::string fts_query;  // the text's FTS5 query; empty: no text condition
  // The text condition as `+id IN (matches)`, for a text many complaints match: SQLite then reads
  // the rows by another index (a filter's, or the order's) and looks each id up among the
  // matches, rather than reading every match and sorting them.
  bool probe_matches = false;
  // The restricted cases hidden from the team (ComplaintQuery::visible_to_team) listed once, by
  // the index of restricted cases, and each row tested by its id alone, which every index holds:
  // SQLite can then count a team's cases from an index without reading them. A page reads few
  // rows, and tests each one instead.
  bool list_hidden_cases = false;
};

// How a page of the complaint list is read: the SELECTs of ComplaintListParts, or, for a search in
// reference order of a text many complaints match, chunks of references (ListMatchesInChunks).
struct ListPlan {
  TextFilter text;
  std::vector<SqlQuery> parts;
  std::optional<std::int64_t> first_chunk;  // set: read in chunks, the first this big
};

// The FTS5 query for free text (ComplaintQuery::text): every word, AND-ed, the last one also as a
// prefix. When that prefix begins few indexed words (complaints_fts_terms) it becomes their OR,
// and when it begins none nothing matches. Otherwise, and when the last word is several tokens
// (a phrase, "car-park"), FTS5 reads the prefix itself.
Result<TextFilter> PrepareTextFilter(Connection& connection, std::string_view text);

// Appends the query's filters but the cursor to `out`.
void AppendFilters(const app::ComplaintQuery& query, const FilterForm& form, SqlQuery& out);

Result<ListPlan> PlanList(Connection& connection, const app::ComplaintQuery& query);

// A page of the complaint list (Tx::ListComplaints).
// The complaints of one person (ComplaintRepository::ListByPerson).
Result<std::vector<app::ComplaintRow>> ListByPersonOn(
    Connection& connection, const core::PersonKey& key,
    const std::optional<std::string>& visible_to_team, std::size_t limit);

Result<std::vector<app::ComplaintRow>> ListComplaintsOn(Connection& connection,
                                                        const app::ComplaintQuery& query);

}  // namespace redress::storage::sqlite
