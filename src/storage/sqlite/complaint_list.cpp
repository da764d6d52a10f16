#include "storage/sqlite/complaint_list.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <iterator>
#include <span>
#include <tuple>
#include <utility>

#include "storage/common/list_planning.hpp"

namespace redress::storage::sqlite {
namespace {

constexpr std::string_view kListColumns =
    "reference, regime, status, current_stage, service_area, category, team, handler, "
    "received_on, due_on, summary, version, complainant_name";

// The stage every case starts at. A filter on a later stage also says `kEscalatedCondition`,
// word for word the condition of the partial index on escalated cases (migration 0005): SQLite
// uses a partial index only for a query that states its condition.
constexpr int kFirstStage = 1;
constexpr std::string_view kEscalatedCondition = "current_stage <> 1";

// Text search. The last word of a search is a prefix. When it begins at most this many indexed
// words, it is searched as those words (OR), which FTS5 reads lazily in id order, so a page stops
// early; as a prefix, FTS5 merges the whole posting list of every such word before it answers
// (milliseconds for a common word). A short prefix ("a") begins thousands of words, whose OR would
// cost more than the merge.
constexpr int kMaxPrefixWords = 64;
// A search in reference order reads either every matching complaint and sorts them, or the
// references in order, a chunk at a time, searching the text only among each chunk's complaints
// (ListMatchesInChunks). The first costs about this many times the second per complaint read
// (a complaint read and sorted against an index entry read in order, measured at a million).
constexpr double kSortedMatchCost = 10.0;
// How many matches the choice samples: fewer matches than this are simply sorted.
constexpr std::int64_t kMatchSample = 256;
// The chunks: the first spans twice the references a page of matches is expected to span, and
// each next one is twice as big, up to kMaxChunks; should the page still not be full (other
// filters are selective), the rest of it is sorted after all.
constexpr double kChunkMargin = 2.0;
constexpr std::int64_t kSmallestChunk = 64;
constexpr std::int64_t kLargestChunk = 262144;
constexpr int kMaxChunks = 3;

// ---------------------------------------------------------------------------------------------
// Complaint lists: filters, free text, sort orders and keyset cursors.

// `word` as an FTS5 string: searched for as words, never read as search syntax (AND, NEAR, *, ^,
// :, parentheses...). A double quote inside, which SearchWords never leaves, would be doubled.
std::string FtsString(std::string_view word) {
  std::string quoted = "\"";
  for (char c : word) {
    quoted += c;
    if (c == '"') quoted += '"';
  }
  quoted += '"';
  return quoted;
}

// One bound per side, so that SQLite starts and stops an index in reference order at it (given
// two lower bounds, it may pick either for the index and test the other on every row).
void AppendWindow(const common::ReferenceWindow& window, SqlQuery& out) {
  if (!window.low.empty()) {
    out.And(window.low_inclusive ? "reference >= ?" : "reference > ?", window.low);
  }
  if (!window.high.empty()) {
    out.And(window.high_inclusive ? "reference <= ?" : "reference < ?", window.high);
  }
}

// Appends the ORDER BY and the LIMIT, bound when the part runs to the rows still wanted.
SqlQuery Ordered(SqlQuery part, std::string_view order) {
  part.sql += " ORDER BY ";
  part.sql += order;
  part.sql += " LIMIT ?";
  return part;
}

// The SELECT of a list in reference order within `window`.
SqlQuery ReferenceOrderPart(const app::ComplaintQuery& query, const FilterForm& form,
                            const common::ReferenceWindow& window) {
  SqlQuery part{"SELECT " + std::string(kListColumns) + " FROM complaints WHERE 1 = 1", {}};
  AppendFilters(query, form, part);
  AppendWindow(window, part);
  return Ordered(std::move(part), query.direction == app::SortDirection::kDescending
                                      ? "reference DESC"
                                      : "reference");
}

// The SELECTs that read a page of the complaint list, run in turn until the page is full; each
// ends in `LIMIT ?`. Keyset conditions are row-value comparisons on (sort column, reference),
// which SQLite answers from an index on the same pair.
Result<std::vector<SqlQuery>> ComplaintListParts(const app::ComplaintQuery& query,
                                                 const FilterForm& form) {
  if (query.limit < 1) return core::FailField("limit", "must be at least 1");
  Result<std::optional<app::ComplaintCursor>> cursor = common::EffectiveCursor(query);
  if (!cursor) return Unexpected(cursor.error());
  const bool descending = query.direction == app::SortDirection::kDescending;
  const std::string after = descending ? " < " : " > ";
  const std::string direction = descending ? " DESC" : "";
  SqlQuery base{"SELECT " + std::string(kListColumns) + " FROM complaints WHERE 1 = 1", {}};
  AppendFilters(query, form, base);

  switch (query.sort) {
    case app::ComplaintSort::kReference:
      return std::vector<SqlQuery>{
          ReferenceOrderPart(query, form, common::ReferenceWindowOf(query, *cursor))};
    case app::ComplaintSort::kReceivedOn: {
      SqlQuery part = base;
      if (*cursor) {
        if (!core::Date::Parse((*cursor)->sort_key)) return tl::unexpected(common::InvalidCursor());
        part.And("(received_on, reference)" + after + "(?, ?)", (*cursor)->sort_key,
                 (*cursor)->reference);
      }
      return std::vector<SqlQuery>{
          Ordered(std::move(part), "received_on" + direction + ", reference" + direction)};
    }
    case app::ComplaintSort::kDueOn: {
      // Cases with no deadline come after the dated ones ascending, before them descending. The
      // index on (due_on, reference) holds dated cases only, and SQLite reads no index in NULLS
      // LAST order, so dated and undated cases are two parts, each read from an index in order.
      // A due filter keeps dated cases only.
      const bool dated_only = query.due_from || query.due_before;
      const bool after_undated = *cursor && (*cursor)->sort_key.empty();
      if (*cursor && !after_undated && !core::Date::Parse((*cursor)->sort_key)) {
        return tl::unexpected(common::InvalidCursor());
      }
      std::optional<SqlQuery> dated;
      if (!after_undated || descending) {
        dated = base;
        dated->And("due_on IS NOT NULL");
        if (*cursor && !after_undated) {
          dated->And("(due_on, reference)" + after + "(?, ?)", (*cursor)->sort_key,
                     (*cursor)->reference);
        }
        dated = Ordered(std::move(*dated), "due_on" + direction + ", reference" + direction);
      }
      std::optional<SqlQuery> undated;
      if (!dated_only && (after_undated || !descending || !*cursor)) {
        undated = base;
        undated->And("due_on IS NULL");
        if (after_undated) undated->And("reference" + after + "?", (*cursor)->reference);
        undated = Ordered(std::move(*undated), "reference" + direction);
      }
      std::vector<SqlQuery> parts;
      for (std::optional<SqlQuery>* part :
           descending ? std::array{&undated, &dated} : std::array{&dated, &undated}) {
        if (*part) parts.push_back(std::move(**part));
      }
      return parts;
    }
  }
  return core::FailField("sort", "is not a known sort order");
}

app::ComplaintRow ReadComplaintRow(ColumnReader& r) { return common::ReadComplaintRow(r); }

// Runs `part` for up to `limit` rows.
Result<std::vector<app::ComplaintRow>> ReadListPart(Connection& connection, const SqlQuery& part,
                                                    std::size_t limit) {
  Result<Statement> statement = connection.Prepare(part.sql);
  if (!statement) return Unexpected(statement.error());
  for (const SqlValue& value : part.values) statement->Bind(value);
  statement->Bind(static_cast<std::int64_t>(limit));
  return ReadAll(*statement, ReadComplaintRow);
}

// Runs the parts in turn until `limit` rows are read.
Result<std::vector<app::ComplaintRow>> ReadListParts(Connection& connection,
                                                     const std::vector<SqlQuery>& parts,
                                                     std::size_t limit) {
  std::vector<app::ComplaintRow> rows;
  for (const SqlQuery& part : parts) {
    if (rows.size() >= limit) break;
    Result<std::vector<app::ComplaintRow>> read =
        ReadListPart(connection, part, limit - rows.size());
    if (!read) return read;
    std::move(read->begin(), read->end(), std::back_inserter(rows));
  }
  return rows;
}

// What the first matches of an FTS5 query say of all of them: how many there are among the
// complaints up to an id (at most kMatchSample), and how many complaints there are.
struct MatchSample {
  std::int64_t matches = 0;
  std::int64_t up_to_id = 0;
  std::int64_t last_id = 0;  // the greatest complaint id
};

// FTS5 reads a query of whole words lazily in id order, so this reads kMatchSample matches at most.
Result<MatchSample> SampleMatches(Connection& connection, const std::string& fts_query) {
  Result<Statement> sample = connection.Prepare(
      "SELECT count(*), coalesce(max(rowid), 0), (SELECT coalesce(max(id), 0) FROM complaints) "
      "FROM (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ? ORDER BY rowid "
      "LIMIT ?)");
  if (!sample) return Unexpected(sample.error());
  sample->BindAll(fts_query, kMatchSample);
  return ReadOne(
      *sample,
      [](ColumnReader& r) {
        MatchSample read;
        read.matches = r.Int64();
        read.up_to_id = r.Int64();
        read.last_id = r.Int64();
        return read;
      },
      "");
}

// The references the first chunk of ListMatchesInChunks should span, or nothing when sorting
// every match costs less (see kSortedMatchCost). Ids are given in order from 1, so the sample's
// density of matches holds, roughly, for every id.
std::optional<std::int64_t> FirstChunk(const MatchSample& sample, int limit) {
  if (sample.matches < kMatchSample) return std::nullopt;
  const double density = static_cast<double>(sample.matches) / static_cast<double>(sample.up_to_id);
  const double page_span = limit / density;
  const double all_matches = density * static_cast<double>(sample.last_id);
  if (page_span > kSortedMatchCost * all_matches) return std::nullopt;
  return std::clamp(static_cast<std::int64_t>(kChunkMargin * page_span), kSmallestChunk,
                    kLargestChunk);
}

// A chunk of the references in a window, in list order: how many there are (at most the chunk's
// size), the least and greatest id among them, and the last reference when the chunk is full
// (else the chunk ends with the window).
struct ReferenceChunk {
  std::int64_t count = 0;
  std::int64_t first_id = 0;
  std::int64_t last_id = 0;
  std::string last_reference;
};

// Steps through the chunk's index entries here rather than aggregating them in SQL, which costs
// twice as much per entry (a subquery's co-routine).
Result<ReferenceChunk> ReadReferenceChunk(Connection& connection,
                                          const common::ReferenceWindow& window, bool descending,
                                          std::int64_t size) {
  SqlQuery entries{"SELECT id, reference FROM complaints WHERE 1 = 1", {}};
  AppendWindow(window, entries);
  entries.sql += descending ? " ORDER BY reference DESC LIMIT ?" : " ORDER BY reference LIMIT ?";
  entries.values.emplace_back(size);
  Result<Statement> statement = connection.Prepare(entries.sql);
  if (!statement) return Unexpected(statement.error());
  for (const SqlValue& value : entries.values) statement->Bind(value);
  ReferenceChunk chunk;
  for (;;) {
    Result<bool> row = statement->Step();
    if (!row) return Unexpected(row.error());
    if (!*row) return chunk;
    ColumnReader r = statement->Columns();
    const std::int64_t id = r.Int64();
    chunk.first_id = chunk.count == 0 ? id : std::min(chunk.first_id, id);
    chunk.last_id = chunk.count == 0 ? id : std::max(chunk.last_id, id);
    if (++chunk.count == size) chunk.last_reference = r.Text();
  }
}

// A page of a search in reference order whose text matches many complaints. Sorting every match
// by reference would read tens of thousands of complaints for a common word. The text index is
// in id order, which is not reference order (a reference carries the year received, and
// complaints are not all logged in order of receipt) but close to it: within a year, references
// are given in id order. So the references are read in order from the cursor, a chunk at a time,
// and the text is searched only among the ids from the least to the greatest of the chunk's
// complaints, until the page is full or the window ends. The rows are those sorting every match
// would give: each chunk gives all of its references that match, in order.
Result<std::vector<app::ComplaintRow>> ListMatchesInChunks(Connection& connection,
                                                           const app::ComplaintQuery& query,
                                                           const std::string& fts_query,
                                                           common::ReferenceWindow window,
                                                           std::int64_t first_chunk) {
  const bool descending = query.direction == app::SortDirection::kDescending;
  const auto limit = static_cast<std::size_t>(query.limit);
  std::vector<app::ComplaintRow> rows;
  const auto read = [&](const SqlQuery& part) -> Status {
    Result<std::vector<app::ComplaintRow>> found =
        ReadListPart(connection, part, limit - rows.size());
    if (!found) return Unexpected(found.error());
    std::move(found->begin(), found->end(), std::back_inserter(rows));
    return {};
  };
  std::int64_t chunk_size = first_chunk;
  for (int chunks = 0; rows.size() < limit; ++chunks) {
    if (chunks == kMaxChunks) {
      const FilterForm probing{.fts_query = fts_query, .probe_matches = true};
      if (Status sorted = read(ReferenceOrderPart(query, probing, window)); !sorted) {
        return Unexpected(sorted.error());
      }
      break;
    }
    Result<ReferenceChunk> chunk = ReadReferenceChunk(connection, window, descending, chunk_size);
    if (!chunk) return Unexpected(chunk.error());
    if (chunk->count == 0) break;

    common::ReferenceWindow chunk_window = window;
    const bool last_chunk = chunk->count < chunk_size;  // the window holds no more references
    if (!last_chunk && descending) chunk_window.RaiseLow(chunk->last_reference, true);
    if (!last_chunk && !descending) chunk_window.LowerHigh(chunk->last_reference, true);
    SqlQuery page{"SELECT " + std::string(kListColumns) +
                      " FROM complaints WHERE id IN (SELECT rowid FROM complaints_fts "
                      "WHERE complaints_fts MATCH ? AND rowid BETWEEN ? AND ?)",
                  {fts_query, chunk->first_id, chunk->last_id}};
    AppendFilters(query, FilterForm{}, page);
    AppendWindow(chunk_window, page);
    if (Status found = read(Ordered(std::move(page), descending ? "reference DESC" : "reference"));
        !found) {
      return Unexpected(found.error());
    }

    if (last_chunk) break;
    if (descending) {
      window.LowerHigh(chunk->last_reference, false);
    } else {
      window.RaiseLow(chunk->last_reference, false);
    }
    chunk_size = std::min(2 * chunk_size, kLargestChunk);
  }
  return rows;
}

}  // namespace

// The FTS5 query for free text (ComplaintQuery::text): every word, AND-ed, the last one also as a
// prefix. When that prefix begins few indexed words (complaints_fts_terms) it becomes their OR,
// and when it begins none nothing matches. Otherwise, and when the last word is several tokens
// (a phrase, "car-park"), FTS5 reads the prefix itself.
Result<TextFilter> PrepareTextFilter(Connection& connection, std::string_view text) {
  const std::vector<std::string> words = common::SearchWords(text);
  TextFilter filter;
  if (words.empty()) return filter;
  const std::span<const std::string> all_but_last(words.data(), words.size() - 1);
  for (const std::string& word : all_but_last) filter.fts_query += FtsString(word) + " ";
  filter.fts_query += FtsString(words.back()) + "*";

  Result<const TextTokenizer*> tokenizer = connection.Tokenizer();
  if (!tokenizer) return Unexpected(tokenizer.error());
  std::vector<std::string> tokens;
  Status split = (*tokenizer)
                     ->Tokenize(words.back(), FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX,
                                [&tokens](std::string_view token) { tokens.emplace_back(token); });
  if (!split) return Unexpected(split.error());
  if (tokens.size() != 1) return filter;

  Result<Statement> statement = connection.Prepare(
      "SELECT term FROM complaints_fts_terms WHERE term >= ? AND term < ? ORDER BY term LIMIT ?");
  if (!statement) return Unexpected(statement.error());
  // Every word the token begins sorts from the token to the token followed by byte 0xFF, which no
  // UTF-8 text holds.
  statement->BindAll(tokens.front(), tokens.front() + '\xff', kMaxPrefixWords + 1);
  Result<std::vector<std::string>> prefixed =
      ReadAll(*statement, [](ColumnReader& r) { return r.Text(); });
  if (!prefixed) return Unexpected(prefixed.error());
  if (prefixed->empty()) {
    filter.matches_nothing = true;
    return filter;
  }
  if (prefixed->size() > static_cast<std::size_t>(kMaxPrefixWords)) return filter;
  // FTS5 takes a parenthesised group only after an explicit AND, which, unlike an implicit one,
  // matches nothing with a word of no tokens ("-"): such words, no condition, are left out.
  filter.fts_query.clear();
  for (const std::string& word : all_but_last) {
    bool has_tokens = false;
    Status read =
        (*tokenizer)->Tokenize(word, FTS5_TOKENIZE_QUERY, [&has_tokens](std::string_view) {
          has_tokens = true;
        });
    if (!read) return Unexpected(read.error());
    if (has_tokens) filter.fts_query += FtsString(word) + " AND ";
  }
  std::string any_word;
  for (const std::string& word : *prefixed) {
    any_word += (any_word.empty() ? "" : " OR ") + FtsString(word);
  }
  filter.fts_query += "(" + any_word + ")";
  return filter;
}

// Appends the query's filters but the cursor to `out`.
void AppendFilters(const app::ComplaintQuery& query, const FilterForm& form, SqlQuery& out) {
  const auto text_filter = [&out](std::string_view condition, const std::string& value) {
    if (!value.empty()) out.And(condition, value);
  };
  if (query.status) out.And("status = ?", std::string(ToString(*query.status)));
  if (query.stage) {
    out.And("current_stage = ?", std::int64_t{*query.stage});
    if (*query.stage != kFirstStage) out.And(kEscalatedCondition);
  }
  if (query.regime) out.And("regime = ?", std::string(ToString(*query.regime)));
  text_filter("service_area = ?", query.service_area);
  text_filter("team = ?", query.team);
  text_filter("handler = ?", query.handler);
  text_filter("category = ?", query.category);
  if (query.channel) out.And("channel = ?", std::string(ToString(*query.channel)));
  if (query.assignment == app::ComplaintQuery::Assignment::kUnassigned) out.And("handler = ''");
  if (query.received_from) out.And("received_on >= ?", query.received_from->ToIso());
  if (query.received_to) out.And("received_on <= ?", query.received_to->ToIso());
  if (query.due_from) out.And("due_on >= ?", query.due_from->ToIso());
  if (query.due_before) out.And("due_on < ?", query.due_before->ToIso());
  text_filter(form.probe_matches
                  ? "+id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)"
                  : "id IN (SELECT rowid FROM complaints_fts WHERE complaints_fts MATCH ?)",
              form.fts_query);
  if (query.visible_to_team && form.list_hidden_cases) {
    out.And(
        "id NOT IN (SELECT r.id FROM complaints AS r WHERE r.restricted = 1 AND NOT EXISTS "
        "(SELECT 1 FROM complaint_stages AS s WHERE s.complaint_id = r.id AND s.team = ?))",
        *query.visible_to_team);
  } else if (query.visible_to_team) {
    out.And(
        "(restricted = 0 OR EXISTS (SELECT 1 FROM complaint_stages AS s "
        "WHERE s.complaint_id = complaints.id AND s.team = ?))",
        *query.visible_to_team);
  }
}

Result<ListPlan> PlanList(Connection& connection, const app::ComplaintQuery& query) {
  ListPlan plan;
  Result<TextFilter> text = PrepareTextFilter(connection, query.text);
  if (!text) return Unexpected(text.error());
  plan.text = std::move(*text);
  if (!plan.text.fts_query.empty() && !plan.text.matches_nothing) {
    Result<MatchSample> sample = SampleMatches(connection, plan.text.fts_query);
    if (!sample) return Unexpected(sample.error());
    plan.first_chunk = FirstChunk(*sample, query.limit);
  }
  // Where chunks would pay, so does probing the matches in the list's order.
  const FilterForm form{.fts_query = plan.text.fts_query,
                        .probe_matches = plan.first_chunk.has_value()};
  Result<std::vector<SqlQuery>> parts = ComplaintListParts(query, form);
  if (!parts) return Unexpected(parts.error());
  plan.parts = std::move(*parts);
  if (query.sort != app::ComplaintSort::kReference) plan.first_chunk.reset();
  return plan;
}

// A page of the complaint list (Tx::ListComplaints).
Result<std::vector<app::ComplaintRow>> ListComplaintsOn(Connection& connection,
                                                        const app::ComplaintQuery& query) {
  Result<ListPlan> plan = PlanList(connection, query);
  if (!plan) return Unexpected(plan.error());
  if (plan->text.matches_nothing) return std::vector<app::ComplaintRow>();
  if (plan->first_chunk) {
    Result<std::optional<app::ComplaintCursor>> cursor = common::EffectiveCursor(query);
    if (!cursor) return Unexpected(cursor.error());
    return ListMatchesInChunks(connection, query, plan->text.fts_query,
                               common::ReferenceWindowOf(query, *cursor), *plan->first_chunk);
  }
  return ReadListParts(connection, plan->parts, static_cast<std::size_t>(query.limit));
}

// The person's complaints (ComplaintRepository::ListByPerson): one query per known part of the
// key, each reading at most `limit` rows from the index that leads with it (migrations 0010 and
// 0020; each states its index's condition for SQLite to use it), merged, most recent first.
Result<std::vector<app::ComplaintRow>> ListByPersonOn(
    Connection& connection, const core::PersonKey& key,
    const std::optional<std::string>& visible_to_team, std::size_t limit) {
  std::vector<app::ComplaintRow> merged;
  app::ComplaintQuery visibility;
  visibility.visible_to_team = visible_to_team;
  for (const auto& [column, value] :
       {std::pair<std::string_view, const std::string&>{"email_key", key.email},
        {"phone_key", key.phone},
        {"person_key", key.name_postcode}}) {
    if (value.empty()) continue;
    SqlQuery part{"SELECT " + std::string(kListColumns) + " FROM complaints WHERE " +
                      std::string(column) + " = ? AND " + std::string(column) + " <> ''",
                  {value}};
    AppendFilters(visibility, FilterForm{}, part);
    Result<std::vector<app::ComplaintRow>> rows = ReadListPart(
        connection, Ordered(std::move(part), "received_on DESC, reference DESC"), limit);
    if (!rows) return rows;
    for (app::ComplaintRow& row : *rows) {
      const bool known = std::any_of(merged.begin(), merged.end(), [&](const auto& kept) {
        return kept.reference == row.reference;
      });
      if (!known) merged.push_back(std::move(row));
    }
  }
  std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
    return std::tie(b.received_on, b.reference) < std::tie(a.received_on, a.reference);
  });
  if (merged.size() > limit) merged.resize(limit);
  return merged;
}

}  // namespace redress::storage::sqlite
