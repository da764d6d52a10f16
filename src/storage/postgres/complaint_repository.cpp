#include "storage/postgres/complaint_repository.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string>
#include <tuple>
#include <utility>

#include "core/case_statuses.hpp"
#include "storage/common/complaint_rows.hpp"
#include "storage/common/list_planning.hpp"
#include "storage/common/report_rows.hpp"
#include "storage/postgres/references.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {

namespace {

using common::BindComplaint;
using common::BindProcedure;
using common::BindStage;
using common::kComplaintColumns;
using common::kComplaintProjectionColumns;
using common::kProcedureColumns;
using common::kStageColumns;

constexpr std::string_view kComplaintPrefix = common::kComplaintPrefix;

std::string InsertSql(std::string_view table, std::span<const std::string_view> columns) {
  return "INSERT INTO " + std::string(table) + " (" + JoinColumns(columns) + ") VALUES (" +
         ParameterList(columns.size()) + ")";
}

// A statement built filter by filter, numbering its parameters as they are added.
struct SqlQuery {
  std::string sql;
  Params params;
  int count = 0;

  // The next parameter's placeholder, bound to `value`.
  template <typename T>
  std::string Param(const T& value) {
    params.Bind(value);
    return "$" + std::to_string(++count);
  }
  void And(const std::string& condition) { sql += " AND " + condition; }
};

// A complaint list's columns, read by ReadListRow (common::ReadComplaintRow), then what its
// visibility filter reads when the list is a subquery (ListByPerson).
constexpr std::string_view kListSelect =
    "SELECT reference, regime, status, current_stage, service_area, category, "
    "coalesce(team, '') AS team, handler, received_on, due_on, summary, version, "
    "complainant_name, restricted, id FROM complaints";

app::ComplaintRow ReadListRow(RowReader& r) { return common::ReadComplaintRow(r); }

// The search vector's folding (complaints.search) applied to a word of a query.
std::string Folded(const std::string& placeholder) {
  return "public.unaccent('public.unaccent'::regdictionary, " + placeholder + ")";
}

// A word of a search as the list's condition reads it: every word as a word, the last also as
// the prefix of one ("mou" finds "mould").
struct SearchWord {
  std::string word;
  enum class Match { kWord, kWordOrPrefix } match = Match::kWord;
};

// The words of `text` that make a query. A word with no letters ("-") folds to an empty tsquery,
// which adds no condition, as on FTS5. Which words those are is asked of the database in one
// statement before the list's, so that the list's condition is a plain `search @@ …` that the
// GIN index answers: a `numnode(q) = 0 OR search @@ q` in the statement itself hides the index
// from the planner, and every search then reads the whole table (bench/RESULTS.md, 1,000,000).
Result<std::vector<SearchWord>> SearchedWords(Connection& connection, std::string_view text) {
  const std::vector<std::string> words = common::SearchWords(text);
  std::vector<SearchWord> searched;
  if (words.empty()) return searched;
  SqlQuery probe{"SELECT", {}, 0};
  for (std::size_t i = 0; i < words.size(); ++i) {
    probe.sql += std::string(i == 0 ? " " : ", ") + "numnode(plainto_tsquery('simple', " +
                 Folded(probe.Param(words[i])) + "))";
  }
  Result<Rows> rows = connection.Query(probe.sql, probe.params);
  if (!rows) return Unexpected(rows.error());
  if (rows->size() != 1) return Fail(ErrorCode::kStorage, "the search probe gave no row");
  RowReader reader = rows->Row(0);
  for (std::size_t i = 0; i < words.size(); ++i) {
    const bool has_lexemes = reader.Int64() > 0;
    if (!has_lexemes) continue;
    searched.push_back({words[i], i + 1 < words.size() ? SearchWord::Match::kWord
                                                       : SearchWord::Match::kWordOrPrefix});
  }
  if (!reader.status()) return Unexpected(reader.status().error());
  return searched;
}

// The list's conditions. `searched` are the query's text as SearchedWords gives it.
void AppendFilters(const app::ComplaintQuery& query, std::span<const SearchWord> searched,
                   SqlQuery& out) {
  if (query.status) out.And("status = " + out.Param(*query.status));
  if (query.stage) out.And("current_stage = " + out.Param(*query.stage));
  if (query.regime) out.And("regime = " + out.Param(*query.regime));
  const auto text_filter = [&out](std::string_view column, const std::string& value) {
    if (!value.empty()) out.And(std::string(column) + " = " + out.Param(value));
  };
  text_filter("service_area", query.service_area);
  text_filter("team", query.team);
  text_filter("handler", query.handler);
  text_filter("category", query.category);
  if (query.channel) out.And("channel = " + out.Param(*query.channel));
  if (query.assignment == app::ComplaintQuery::Assignment::kUnassigned) out.And("handler = ''");
  if (query.received_from) out.And("received_on >= " + out.Param(*query.received_from));
  if (query.received_to) out.And("received_on <= " + out.Param(*query.received_to));
  if (query.due_from) out.And("due_on >= " + out.Param(*query.due_from));
  if (query.due_before) out.And("due_on < " + out.Param(*query.due_before));
  for (const SearchWord& searched_word : searched) {
    const std::string folded = Folded(out.Param(searched_word.word));
    const std::string tsquery =
        searched_word.match == SearchWord::Match::kWord
            ? "plainto_tsquery('simple', " + folded + ")"
            : "coalesce((SELECT to_tsquery('simple', string_agg(quote_literal(t.lexeme) || "
              "':*', ' & ')) FROM unnest(to_tsvector('simple', " +
                  folded + ")) AS t), plainto_tsquery('simple', " + folded + "))";
    out.And("search @@ " + tsquery);
  }
  if (query.visible_to_team) {
    out.And(
        "(NOT restricted OR EXISTS (SELECT 1 FROM complaint_stages AS s "
        "WHERE s.complaint_id = complaints.id AND s.team = " +
        out.Param(*query.visible_to_team) + "))");
  }
}

// The keyset condition of the page after `cursor`, and the ORDER BY of the query's sort.
Result<std::string> AppendOrder(const app::ComplaintQuery& query, SqlQuery& out) {
  Result<std::optional<app::ComplaintCursor>> effective = common::EffectiveCursor(query);
  if (!effective) return Unexpected(effective.error());
  const std::optional<app::ComplaintCursor>& cursor = *effective;
  const bool ascending = query.direction == app::SortDirection::kAscending;
  const std::string after = ascending ? " > " : " < ";
  const std::string direction = ascending ? " ASC" : " DESC";
  switch (query.sort) {
    case app::ComplaintSort::kReference:
      if (cursor) out.And("reference" + after + out.Param(cursor->reference));
      return "reference" + direction;
    case app::ComplaintSort::kReceivedOn:
      if (cursor) {
        std::optional<core::Date> key = core::Date::Parse(cursor->sort_key);
        if (!key) return Unexpected(common::InvalidCursor());
        const std::string date = out.Param(*key);
        out.And("(received_on, reference)" + after + "(" + date + ", " +
                out.Param(cursor->reference) + ")");
      }
      return "received_on" + direction + ", reference" + direction;
    case app::ComplaintSort::kDueOn:
      if (cursor) {
        const std::string reference = out.Param(cursor->reference);
        if (cursor->sort_key.empty()) {
          // After a case with no deadline: those come last ascending, first descending.
          out.And(ascending ? "(due_on IS NULL AND reference > " + reference + ")"
                            : "((due_on IS NULL AND reference < " + reference +
                                  ") OR due_on IS NOT NULL)");
        } else {
          std::optional<core::Date> key = core::Date::Parse(cursor->sort_key);
          if (!key) return Unexpected(common::InvalidCursor());
          const std::string date = out.Param(*key);
          out.And(ascending ? "(due_on > " + date + " OR (due_on = " + date + " AND reference > " +
                                  reference + ") OR due_on IS NULL)"
                            : "(due_on < " + date + " OR (due_on = " + date + " AND reference < " +
                                  reference + "))");
        }
      }
      return ascending ? "due_on ASC NULLS LAST, reference ASC"
                       : "due_on DESC NULLS FIRST, reference DESC";
  }
  return "reference";
}

}  // namespace

Result<core::Complaint> PostgresComplaintRepository::Load(std::string_view reference) {
  static const std::string sql = "SELECT id, reference, version, " +
                                 JoinColumns(kComplaintColumns) +
                                 " FROM complaints WHERE reference = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  Result<core::Complaint> complaint =
      rows->ReadOne(common::ReadComplaint<RowReader>, "no complaint " + std::string(reference));
  if (!complaint) return complaint;
  if (Status loaded = LoadChildren(*complaint); !loaded) return Unexpected(loaded.error());
  return complaint;
}

Result<core::Complaint> PostgresComplaintRepository::Insert(core::Complaint complaint,
                                                            const core::CaseEvent& event) {
  if (complaint.stages.empty()) return core::FailField("stages", "a complaint has a stage");
  if (Status known = CheckReferences(connection_, common::ComplaintReferences(complaint)); !known) {
    return Unexpected(known.error());
  }
  Result<std::string> reference =
      NextReference(connection_, kComplaintPrefix, complaint.received_on.year());
  if (!reference) return Unexpected(reference.error());
  complaint.reference = std::move(*reference);
  complaint.version = kFirstVersion;
  static const std::string sql =
      "INSERT INTO complaints (reference, version, " + JoinColumns(kComplaintColumns) + ", " +
      JoinColumns(kComplaintProjectionColumns) + ") VALUES (" +
      ParameterList(2 + kComplaintColumns.size() + kComplaintProjectionColumns.size()) +
      ") RETURNING id";
  Params params;
  params.BindAll(complaint.reference, complaint.version);
  BindComplaint(params, complaint);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  complaint.id = *id;
  if (Status saved = SaveChildren(complaint); !saved) return Unexpected(saved.error());
  if (Status appended = events_.Append(app::EntityType::kComplaint, complaint.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return complaint;
}

Result<core::Complaint> PostgresComplaintRepository::Update(const core::Complaint& complaint,
                                                            std::int64_t expected_version,
                                                            const core::CaseEvent& event) {
  if (complaint.stages.empty()) return core::FailField("stages", "a complaint has a stage");
  if (Status known = CheckReferences(connection_, common::ComplaintReferences(complaint)); !known) {
    return Unexpected(known.error());
  }
  core::Complaint stored = complaint;
  stored.version = expected_version + 1;
  constexpr std::size_t kColumnCount =
      1 + kComplaintColumns.size() + kComplaintProjectionColumns.size();
  // A concurrent Update of the same case waits on its row lock, then (READ COMMITTED) finds the
  // version changed and matches nothing: kStaleVersion, never a lost update.
  static const std::string sql =
      "UPDATE complaints SET (version, " + JoinColumns(kComplaintColumns) + ", " +
      JoinColumns(kComplaintProjectionColumns) + ") = (" + ParameterList(kColumnCount) +
      ") WHERE reference = $" + std::to_string(kColumnCount + 1) + " AND version = $" +
      std::to_string(kColumnCount + 2) + " RETURNING id";
  Params params;
  params.Bind(stored.version);
  BindComplaint(params, stored);
  params.BindAll(stored.reference, expected_version);
  Result<Rows> rows = connection_.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    Result<Rows> exists = connection_.Query("SELECT 1 FROM complaints WHERE reference = $1",
                                            Params().Bind(stored.reference));
    if (!exists) return Unexpected(exists.error());
    if (exists->empty()) return Fail(ErrorCode::kNotFound, "no complaint " + stored.reference);
    return Fail(ErrorCode::kStaleVersion, "the complaint changed since you loaded it");
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  stored.id = *id;
  // Deleting the stages cascades to their lists.
  for (std::string_view remove :
       {"DELETE FROM complaint_stages WHERE complaint_id = $1",
        "DELETE FROM complaint_repeats WHERE complaint_id = $1",
        "DELETE FROM complaint_earlier_refusals WHERE complaint_id = $1",
        "DELETE FROM complaint_earlier_withdrawals WHERE complaint_id = $1"}) {
    if (Status removed = connection_.Run(remove, Params().Bind(stored.id)); !removed) {
      return Unexpected(removed.error());
    }
  }
  if (Status saved = SaveChildren(stored); !saved) return Unexpected(saved.error());
  if (Status appended = events_.Append(app::EntityType::kComplaint, stored.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return stored;
}

Status PostgresComplaintRepository::SaveChildren(const core::Complaint& complaint) {
  static const std::string stage_sql = InsertSql("complaint_stages", kStageColumns);
  const auto insert_list = [&](const auto& list, const core::Stage& stage) -> Status {
    const auto* items = list.source(stage);
    if (items == nullptr) return {};
    const std::string sql = InsertSql(list.table, common::StageListColumns(list));
    for (std::size_t i = 0; i < items->size(); ++i) {
      Params params;
      params.BindAll(complaint.id, stage.number, static_cast<std::int64_t>(i));
      list.bind(params, (*items)[i]);
      if (Status inserted = connection_.Run(sql, params); !inserted) return inserted;
    }
    return {};
  };
  for (const core::Stage& stage : complaint.stages) {
    Params params;
    BindStage(params, complaint.id, stage);
    if (Status inserted = connection_.Run(stage_sql, params); !inserted) return inserted;
    if (Status s = common::ForEachStageList<Params, RowReader>(
            [&](const auto& list) { return insert_list(list, stage); });
        !s) {
      return s;
    }
    if (stage.procedure != core::StageProcedure{}) {
      static const std::string procedure_sql = InsertSql("stage_procedures", kProcedureColumns);
      Params procedure;
      BindProcedure(procedure, complaint.id, stage.number, stage.procedure);
      if (Status s = connection_.Run(procedure_sql, procedure); !s) return s;
    }
  }
  for (std::size_t i = 0; i < complaint.earlier_refusals.size(); ++i) {
    const core::Refusal& refusal = complaint.earlier_refusals[i];
    if (Status s = connection_.Run(
            "INSERT INTO complaint_earlier_refusals (complaint_id, position, decided_on, reason, "
            "explanation) VALUES ($1, $2, $3, $4, $5)",
            Params().BindAll(complaint.id, static_cast<std::int64_t>(i), refusal.decided_on,
                             refusal.reason, refusal.explanation));
        !s) {
      return s;
    }
  }
  for (std::size_t i = 0; i < complaint.earlier_withdrawals.size(); ++i) {
    const core::Withdrawal& withdrawal = complaint.earlier_withdrawals[i];
    if (Status s = connection_.Run(
            "INSERT INTO complaint_earlier_withdrawals (complaint_id, position, withdrawn_on, "
            "reason, status_before) VALUES ($1, $2, $3, $4, $5)",
            Params().BindAll(complaint.id, static_cast<std::int64_t>(i), withdrawal.withdrawn_on,
                             withdrawal.reason, withdrawal.status_before));
        !s) {
      return s;
    }
  }
  for (std::size_t i = 0; i < complaint.possible_repeat_of.size(); ++i) {
    if (Status s = connection_.Run(
            "INSERT INTO complaint_repeats (complaint_id, position, repeat_of) VALUES ($1, $2, $3)",
            Params().BindAll(complaint.id, static_cast<std::int64_t>(i),
                             complaint.possible_repeat_of[i]));
        !s) {
      return s;
    }
  }
  return {};
}

Status PostgresComplaintRepository::LoadChildren(core::Complaint& complaint) {
  static const std::string stage_sql = "SELECT " + JoinColumns(kStageColumns) +
                                       " FROM complaint_stages WHERE complaint_id = $1 "
                                       "ORDER BY number";
  Result<Rows> stage_rows = connection_.Query(stage_sql, Params().Bind(complaint.id));
  if (!stage_rows) return Unexpected(stage_rows.error());
  Result<std::vector<core::Stage>> stages = stage_rows->ReadAll(common::ReadStage<RowReader>);
  if (!stages) return Unexpected(stages.error());
  complaint.stages = std::move(*stages);

  const auto load_list = [&](const auto& list) -> Status {
    Result<Rows> rows =
        connection_.Query(common::StageListSelectSql(list, "$1"), Params().Bind(complaint.id));
    if (!rows) return Unexpected(rows.error());
    auto items = rows->ReadAll([&list](RowReader& r) { return common::ReadStageListRow(list, r); });
    if (!items) return Unexpected(items.error());
    return common::PlaceStageListItems(list, std::move(*items), complaint);
  };
  if (complaint.stages.empty()) {
    return Fail(ErrorCode::kStorage, "complaint " + complaint.reference + " has no stage");
  }
  if (Status s = common::ForEachStageList<Params, RowReader>(load_list); !s) return s;

  static const std::string procedure_sql = "SELECT " + JoinColumns(kProcedureColumns) +
                                           " FROM stage_procedures WHERE complaint_id = $1 "
                                           "ORDER BY stage";
  Result<Rows> procedures = connection_.Query(procedure_sql, Params().Bind(complaint.id));
  if (!procedures) return Unexpected(procedures.error());
  auto read_procedures = procedures->ReadAll(common::ReadProcedure<RowReader>);
  if (!read_procedures) return Unexpected(read_procedures.error());
  for (auto& [number, procedure] : *read_procedures) {
    for (core::Stage& stage : complaint.stages) {
      if (stage.number == number) stage.procedure = std::move(procedure);
    }
  }

  Result<Rows> refusals = connection_.Query(
      "SELECT decided_on, reason, explanation FROM complaint_earlier_refusals "
      "WHERE complaint_id = $1 ORDER BY position",
      Params().Bind(complaint.id));
  if (!refusals) return Unexpected(refusals.error());
  auto refused = refusals->ReadAll([](RowReader& r) {
    return core::Refusal{r.Date(), r.Enumerator(core::ParseRefusalReason), r.Text()};
  });
  if (!refused) return Unexpected(refused.error());
  complaint.earlier_refusals = std::move(*refused);

  Result<Rows> withdrawals = connection_.Query(
      "SELECT withdrawn_on, reason, status_before FROM complaint_earlier_withdrawals "
      "WHERE complaint_id = $1 ORDER BY position",
      Params().Bind(complaint.id));
  if (!withdrawals) return Unexpected(withdrawals.error());
  auto withdrawn = withdrawals->ReadAll([](RowReader& r) {
    return core::Withdrawal{r.Date(), r.Text(), r.Enumerator(core::ParseCaseStatus)};
  });
  if (!withdrawn) return Unexpected(withdrawn.error());
  complaint.earlier_withdrawals = std::move(*withdrawn);

  Result<Rows> repeats = connection_.Query(
      "SELECT repeat_of FROM complaint_repeats WHERE complaint_id = $1 ORDER BY position",
      Params().Bind(complaint.id));
  if (!repeats) return Unexpected(repeats.error());
  auto references = repeats->ReadAll([](RowReader& r) { return r.Text(); });
  if (!references) return Unexpected(references.error());
  complaint.possible_repeat_of = std::move(*references);
  return {};
}

Result<std::vector<app::ComplaintRow>> PostgresComplaintRepository::List(
    const app::ComplaintQuery& query) {
  if (query.limit < 1) return core::FailField("limit", "must be at least 1");
  Result<std::vector<SearchWord>> searched = SearchedWords(connection_, query.text);
  if (!searched) return Unexpected(searched.error());
  SqlQuery list{std::string(kListSelect) + " WHERE TRUE", {}, 0};
  AppendFilters(query, *searched, list);
  Result<std::string> order = AppendOrder(query, list);
  if (!order) return Unexpected(order.error());
  list.sql += " ORDER BY " + *order + " LIMIT " + list.Param(std::max(query.limit, 0));
  Result<Rows> rows = connection_.Query(list.sql, list.params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadListRow);
}

// One statement: each known part of the key is an equality the planner answers from the index
// that leads with it (migrations 0001 and 0005), OR-ed as a bitmap.
Result<std::vector<app::ComplaintRow>> PostgresComplaintRepository::ListByPerson(
    const core::PersonKey& key, const std::optional<std::string>& visible_to_team,
    std::size_t limit) {
  if (key.empty() || limit == 0) return std::vector<app::ComplaintRow>();
  SqlQuery list{std::string(kListSelect) + " WHERE FALSE", {}, 0};
  for (const auto& [column, value] :
       {std::pair<std::string_view, const std::string&>{"email_key", key.email},
        {"phone_key", key.phone},
        {"person_key", key.name_postcode}}) {
    if (value.empty()) continue;
    list.sql += " OR (" + std::string(column) + " = " + list.Param(value) + " AND " +
                std::string(column) + " <> '')";
  }
  list.sql = "SELECT * FROM (" + list.sql + ") AS complaints WHERE TRUE";
  app::ComplaintQuery visibility;
  visibility.visible_to_team = visible_to_team;
  AppendFilters(visibility, {}, list);
  list.sql += " ORDER BY received_on DESC, reference DESC LIMIT " +
              list.Param(static_cast<std::int64_t>(limit));
  Result<Rows> rows = connection_.Query(list.sql, list.params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(ReadListRow);
}

Result<app::StatusCounts> PostgresComplaintRepository::CountByStatus(
    const app::ComplaintQuery& query) {
  Result<std::vector<SearchWord>> searched = SearchedWords(connection_, query.text);
  if (!searched) return Unexpected(searched.error());
  SqlQuery count{"SELECT status, count(*) FROM complaints WHERE TRUE", {}, 0};
  AppendFilters(query, *searched, count);
  count.sql += " GROUP BY status";
  Result<Rows> rows = connection_.Query(count.sql, count.params);
  if (!rows) return Unexpected(rows.error());
  Result<app::StatusCounts> found = rows->ReadAll(common::ReadStatusCount<RowReader>);
  if (!found) return Unexpected(found.error());
  return common::EveryStatusCount(*found);
}

Result<std::vector<core::RepeatCandidate>> PostgresComplaintRepository::RepeatCandidates(
    const core::RepeatKey& key, core::Date from, core::Date to, std::size_t limit) {
  // One query per key the complainant gave, each reading only its `limit` most recent matches
  // from its (key, category, received_on) index; the merged lists keep the `limit` most recent.
  std::vector<core::RepeatCandidate> merged;
  for (const auto& [column, value] :
       {std::pair<std::string_view, const std::string&>{"email_key", key.email},
        {"phone_key", key.phone},
        {"property_key", key.property}}) {
    if (value.empty()) continue;
    const std::string sql =
        "SELECT reference, email_key, phone_key, property_key, category, received_on, "
        "restricted FROM complaints WHERE " +
        std::string(column) + " = $1 AND " + std::string(column) +
        " <> '' AND category = $2 AND received_on BETWEEN $3 AND $4 "
        "ORDER BY received_on DESC, id DESC LIMIT $5";
    Result<Rows> rows = connection_.Query(
        sql, Params().BindAll(value, key.category, from, to, static_cast<std::int64_t>(limit)));
    if (!rows) return Unexpected(rows.error());
    auto candidates = rows->ReadAll([](RowReader& r) {
      core::RepeatCandidate candidate;
      candidate.reference = r.Text();
      candidate.key.email = r.Text();
      candidate.key.phone = r.Text();
      candidate.key.property = r.Text();
      candidate.key.category = r.Text();
      candidate.key.received_on = r.Date();
      candidate.restricted = r.Bool();
      return candidate;
    });
    if (!candidates) return Unexpected(candidates.error());
    for (core::RepeatCandidate& candidate : *candidates) {
      const bool known = std::any_of(merged.begin(), merged.end(), [&](const auto& c) {
        return c.reference == candidate.reference;
      });
      if (!known) merged.push_back(std::move(candidate));
    }
  }
  // Most recent first; references of one year sort by their sequence, so they break ties.
  std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
    return std::tie(b.key.received_on, b.reference) < std::tie(a.key.received_on, a.reference);
  });
  if (merged.size() > limit) merged.resize(limit);
  return merged;
}

}  // namespace redress::storage::postgres
