#include "storage/sqlite/complaint_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/case_statuses.hpp"
#include "storage/common/complaint_rows.hpp"
#include "storage/common/list_planning.hpp"
#include "storage/common/report_rows.hpp"
#include "storage/sqlite/complaint_list.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

namespace {

using common::BindComplaint;
using common::BindProcedure;
using common::BindStage;
using common::ComplaintReferences;
using common::kComplaintColumns;
using common::kComplaintProjectionColumns;
using common::kProcedureColumns;
using common::kStageColumns;
template <typename Item>
using StageList = common::StageList<Statement, ColumnReader, Item>;

// Whether a save starts the case's child rows afresh (insert) or replaces them (update).
enum class Children { kNew, kReplace };

// Deleting the stages cascades to their lists.
Status DeleteComplaintChildren(Connection& connection, std::int64_t complaint_id) {
  for (std::string_view sql :
       {"DELETE FROM complaint_stages WHERE complaint_id = ?",
        "DELETE FROM complaint_repeats WHERE complaint_id = ?",
        "DELETE FROM complaint_earlier_refusals WHERE complaint_id = ?",
        "DELETE FROM complaint_earlier_withdrawals WHERE complaint_id = ?"}) {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(complaint_id);
    if (Status deleted = statement->Run(); !deleted) return deleted;
  }
  return {};
}

// Inserts one row per item of a complaint-level list: (complaint_id, position, the columns
// `fields` gives for the item as a tuple), position 0-based in the list's order.
template <typename Item, typename Fields>
Status InsertPositioned(Connection& connection, const char* sql, std::int64_t complaint_id,
                        const std::vector<Item>& items, Fields fields) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    std::apply(
        [&](const auto&... values) {
          statement->BindAll(complaint_id, static_cast<std::int64_t>(i), values...);
        },
        fields(items[i]));
    if (Status inserted = statement->Run(); !inserted) return inserted;
  }
  return {};
}

// The refusals and withdrawals a reopening undid (migration 0011).
Status SaveEarlierDecisions(Connection& connection, const core::Complaint& complaint) {
  if (Status s = InsertPositioned(
          connection,
          "INSERT INTO complaint_earlier_refusals (complaint_id, position, decided_on, reason, "
          "explanation) VALUES (?, ?, ?, ?, ?)",
          complaint.id, complaint.earlier_refusals,
          [](const core::Refusal& refusal) {
            return std::tie(refusal.decided_on, refusal.reason, refusal.explanation);
          });
      !s) {
    return s;
  }
  return InsertPositioned(
      connection,
      "INSERT INTO complaint_earlier_withdrawals (complaint_id, position, withdrawn_on, reason, "
      "status_before) VALUES (?, ?, ?, ?, ?)",
      complaint.id, complaint.earlier_withdrawals, [](const core::Withdrawal& withdrawal) {
        return std::tie(withdrawal.withdrawn_on, withdrawal.reason, withdrawal.status_before);
      });
}

Status InsertProcedure(Connection& connection, std::int64_t complaint_id,
                       const core::Stage& stage) {
  if (stage.procedure == core::StageProcedure{}) return {};
  static const std::string sql = InsertSql("stage_procedures", kProcedureColumns);
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  BindProcedure(*statement, complaint_id, stage.number, stage.procedure);
  return statement->Run();
}

template <typename Item>
Status InsertStageList(Connection& connection, const StageList<Item>& list,
                       std::int64_t complaint_id, const core::Stage& stage) {
  const std::vector<Item>* items = list.source(stage);
  if (items == nullptr) return {};
  // Each item type has one list, so one SQL text per instantiation.
  static const std::string sql = InsertSql(list.table, StageListColumns(list));
  for (std::size_t i = 0; i < items->size(); ++i) {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(complaint_id, stage.number, static_cast<std::int64_t>(i));
    list.bind(*statement, (*items)[i]);
    if (Status inserted = statement->Run(); !inserted) return inserted;
  }
  return {};
}

Status SaveComplaintChildren(Connection& connection, const core::Complaint& complaint,
                             Children children) {
  if (children == Children::kReplace) {
    if (Status deleted = DeleteComplaintChildren(connection, complaint.id); !deleted)
      return deleted;
  }
  static const std::string stage_sql = InsertSql("complaint_stages", kStageColumns);
  for (const core::Stage& stage : complaint.stages) {
    Result<Statement> statement = connection.Prepare(stage_sql);
    if (!statement) return Unexpected(statement.error());
    BindStage(*statement, complaint.id, stage);
    if (Status inserted = statement->Run(); !inserted) return inserted;
    if (Status s = common::ForEachStageList<Statement, ColumnReader>([&](const auto& list) {
          return InsertStageList(connection, list, complaint.id, stage);
        });
        !s) {
      return s;
    }
    if (Status s = InsertProcedure(connection, complaint.id, stage); !s) return s;
  }
  if (Status s = SaveEarlierDecisions(connection, complaint); !s) return s;
  return InsertPositioned(
      connection,
      "INSERT INTO complaint_repeats (complaint_id, position, repeat_of) VALUES (?, ?, ?)",
      complaint.id, complaint.possible_repeat_of,
      [](const std::string& repeat_of) { return std::tie(repeat_of); });
}

// Runs the complaint INSERT or UPDATE `sql` (see SavedRowId), then rewrites the case's stages,
// their lists and its repeat links.
template <typename BindAll>
Status SaveComplaint(Connection& connection, const std::string& sql, core::Complaint& complaint,
                     Children children, BindAll bind_all) {
  Status saved = [&]() -> Status {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    bind_all(*statement);
    const RowChange change = children == Children::kNew ? RowChange::kInsert : RowChange::kUpdate;
    Result<std::int64_t> id =
        SavedRowId(connection, *statement, change, "complaints", complaint.reference, "complaint");
    if (!id) return Unexpected(id.error());
    complaint.id = *id;
    return SaveComplaintChildren(connection, complaint, children);
  }();
  return NameUnknownReference(connection, std::move(saved),
                              [&] { return ComplaintReferences(complaint); });
}

Status LoadProcedures(Connection& connection, core::Complaint& complaint) {
  static const std::string sql =
      SelectSql("stage_procedures", kProcedureColumns) + " WHERE complaint_id = ? ORDER BY stage";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint.id);
  Result<std::vector<std::pair<int, core::StageProcedure>>> rows =
      ReadAll(*statement, common::ReadProcedure<ColumnReader>);
  if (!rows) return Unexpected(rows.error());
  for (auto& [number, procedure] : *rows) {
    for (core::Stage& stage : complaint.stages) {
      if (stage.number == number) stage.procedure = std::move(procedure);
    }
  }
  return {};
}

Status LoadEarlierDecisions(Connection& connection, core::Complaint& complaint) {
  Result<Statement> refusals = connection.Prepare(
      "SELECT decided_on, reason, explanation FROM complaint_earlier_refusals "
      "WHERE complaint_id = ? ORDER BY position");
  if (!refusals) return Unexpected(refusals.error());
  refusals->Bind(complaint.id);
  auto refused = ReadAll(*refusals, [](ColumnReader& r) {
    return core::Refusal{r.Date(), r.Enumerator(core::ParseRefusalReason), r.Text()};
  });
  if (!refused) return Unexpected(refused.error());
  complaint.earlier_refusals = std::move(*refused);
  Result<Statement> withdrawals = connection.Prepare(
      "SELECT withdrawn_on, reason, status_before FROM complaint_earlier_withdrawals "
      "WHERE complaint_id = ? ORDER BY position");
  if (!withdrawals) return Unexpected(withdrawals.error());
  withdrawals->Bind(complaint.id);
  auto withdrawn = ReadAll(*withdrawals, [](ColumnReader& r) {
    return core::Withdrawal{r.Date(), r.Text(), r.Enumerator(core::ParseCaseStatus)};
  });
  if (!withdrawn) return Unexpected(withdrawn.error());
  complaint.earlier_withdrawals = std::move(*withdrawn);
  return {};
}

template <typename Item>
Status LoadStageList(Connection& connection, const StageList<Item>& list,
                     core::Complaint& complaint) {
  // Each item type has one list, so one SQL text per instantiation.
  static const std::string sql = common::StageListSelectSql(list, "?");
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint.id);
  Result<std::vector<std::pair<int, Item>>> rows =
      ReadAll(*statement, [&list](ColumnReader& r) { return common::ReadStageListRow(list, r); });
  if (!rows) return Unexpected(rows.error());
  return common::PlaceStageListItems(list, std::move(*rows), complaint);
}

Status LoadComplaintChildren(Connection& connection, core::Complaint& complaint) {
  static const std::string stage_sql =
      SelectSql("complaint_stages", kStageColumns) + " WHERE complaint_id = ? ORDER BY number";
  Result<Statement> statement = connection.Prepare(stage_sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(complaint.id);
  Result<std::vector<core::Stage>> stages = ReadAll(*statement, common::ReadStage<ColumnReader>);
  if (!stages) return Unexpected(stages.error());
  complaint.stages = std::move(*stages);

  if (Status s = common::ForEachStageList<Statement, ColumnReader>(
          [&](const auto& list) { return LoadStageList(connection, list, complaint); });
      !s) {
    return s;
  }
  if (Status s = LoadEarlierDecisions(connection, complaint); !s) return s;
  if (Status s = LoadProcedures(connection, complaint); !s) return s;

  Result<Statement> repeats = connection.Prepare(
      "SELECT repeat_of FROM complaint_repeats WHERE complaint_id = ? ORDER BY position");
  if (!repeats) return Unexpected(repeats.error());
  repeats->Bind(complaint.id);
  Result<std::vector<std::string>> references =
      ReadAll(*repeats, [](ColumnReader& r) { return r.Text(); });
  if (!references) return Unexpected(references.error());
  complaint.possible_repeat_of = std::move(*references);
  return {};
}

}  // namespace

Result<core::Complaint> SqliteComplaintRepository::Load(std::string_view reference) {
  static const std::string sql = "SELECT id, reference, version, " + Join(kComplaintColumns) +
                                 " FROM complaints WHERE reference = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  Result<core::Complaint> complaint = ReadOne(*statement, common::ReadComplaint<ColumnReader>,
                                              "no complaint " + std::string(reference));
  if (!complaint) return complaint;
  if (Status loaded = LoadComplaintChildren(connection_, *complaint); !loaded) {
    return Unexpected(loaded.error());
  }
  return complaint;
}

Result<core::Complaint> SqliteComplaintRepository::Insert(core::Complaint complaint,
                                                          const core::CaseEvent& event) {
  if (complaint.stages.empty()) return core::FailField("stages", "a complaint has a stage");
  Result<std::string> reference =
      NextReference(connection_, common::kComplaintPrefix, complaint.received_on.year());
  if (!reference) return Unexpected(reference.error());
  complaint.reference = std::move(*reference);
  complaint.version = kFirstVersion;

  constexpr std::size_t kReferenceAndVersion = 2;
  static const std::string sql = "INSERT INTO complaints (reference, version, " +
                                 Join(kComplaintColumns) + ", " +
                                 Join(kComplaintProjectionColumns) + ") VALUES (" +
                                 Placeholders(kReferenceAndVersion + kComplaintColumns.size() +
                                              kComplaintProjectionColumns.size()) +
                                 ")";
  Status saved = SaveComplaint(connection_, sql, complaint, Children::kNew, [&](Statement& s) {
    s.BindAll(complaint.reference, complaint.version);
    BindComplaint(s, complaint);
  });
  if (!saved) return Unexpected(saved.error());
  if (Status appended = events_.Append(EntityType::kComplaint, complaint.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return complaint;
}

Result<core::Complaint> SqliteComplaintRepository::Update(const core::Complaint& complaint,
                                                          std::int64_t expected_version,
                                                          const core::CaseEvent& event) {
  if (complaint.stages.empty()) return core::FailField("stages", "a complaint has a stage");
  core::Complaint stored = complaint;
  stored.version = expected_version + 1;
  constexpr std::size_t kVersion = 1;
  static const std::string sql =
      "UPDATE complaints SET (version, " + Join(kComplaintColumns) + ", " +
      Join(kComplaintProjectionColumns) + ") = (" +
      Placeholders(kVersion + kComplaintColumns.size() + kComplaintProjectionColumns.size()) +
      ") WHERE reference = ? AND version = ?";
  Status saved = SaveComplaint(connection_, sql, stored, Children::kReplace, [&](Statement& s) {
    s.Bind(stored.version);
    BindComplaint(s, stored);
    s.BindAll(stored.reference, expected_version);
  });
  if (!saved) return Unexpected(saved.error());
  if (Status appended = events_.Append(EntityType::kComplaint, stored.reference, event);
      !appended) {
    return Unexpected(appended.error());
  }
  return stored;
}

Result<std::vector<app::ComplaintRow>> SqliteComplaintRepository::List(
    const app::ComplaintQuery& query) {
  return ListComplaintsOn(connection_, query);
}

Result<std::vector<app::ComplaintRow>> SqliteComplaintRepository::ListByPerson(
    const core::PersonKey& key, const std::optional<std::string>& visible_to_team,
    std::size_t limit) {
  return ListByPersonOn(connection_, key, visible_to_team, limit);
}

Result<app::StatusCounts> SqliteComplaintRepository::CountByStatus(
    const app::ComplaintQuery& query) {
  Result<TextFilter> text = PrepareTextFilter(connection_, query.text);
  if (!text) return Unexpected(text.error());
  if (text->matches_nothing) return common::EveryStatusCount({});
  SqlQuery count{"SELECT status, count(*) FROM complaints WHERE 1 = 1", {}};
  AppendFilters(query, FilterForm{.fts_query = text->fts_query, .list_hidden_cases = true}, count);
  count.sql += " GROUP BY status";
  Result<Statement> statement = connection_.Prepare(count.sql);
  if (!statement) return Unexpected(statement.error());
  for (const SqlValue& value : count.values) statement->Bind(value);
  Result<app::StatusCounts> found = ReadAll(*statement, common::ReadStatusCount<ColumnReader>);
  if (!found) return found;
  return common::EveryStatusCount(*found);
}

Result<std::vector<core::RepeatCandidate>> SqliteComplaintRepository::RepeatCandidates(
    const core::RepeatKey& key, core::Date from, core::Date to, std::size_t limit) {
  // One query per key the complainant gave, each reading only its `limit` most recent matches
  // from the (key, category, received_on) index of migration 0010, whose entries end with the
  // rowid: the cost does not grow with how many complaints share the key (an MP's caseworker
  // writing for hundreds of constituents). The merged lists keep the `limit` most recent.
  std::vector<core::RepeatCandidate> merged;
  const auto add = [&](std::string_view column, const std::string& value) -> Status {
    if (value.empty()) return {};
    const std::string sql =
        "SELECT id, reference, email_key, phone_key, property_key, category, received_on, "
        "restricted FROM complaints WHERE " +
        std::string(column) + " = ? AND " + std::string(column) +
        " <> '' AND category = ? AND received_on BETWEEN ? AND ? "
        "ORDER BY received_on DESC, id DESC LIMIT ?";
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(value, key.category, from, to, static_cast<std::int64_t>(limit));
    auto rows = ReadAll(*statement, [](ColumnReader& r) {
      std::pair<std::int64_t, core::RepeatCandidate> row;
      row.first = r.Int64();
      core::RepeatCandidate& candidate = row.second;
      candidate.reference = r.Text();
      candidate.key.email = r.Text();
      candidate.key.phone = r.Text();
      candidate.key.property = r.Text();
      candidate.key.category = r.Text();
      candidate.key.received_on = r.Date();
      candidate.restricted = r.Int64() != 0;
      return row;
    });
    if (!rows) return Unexpected(rows.error());
    for (auto& [id, candidate] : *rows) {
      const bool known = std::any_of(merged.begin(), merged.end(), [&](const auto& c) {
        return c.reference == candidate.reference;
      });
      if (!known) merged.push_back(std::move(candidate));
    }
    return {};
  };
  for (const auto& [column, value] :
       {std::pair<std::string_view, const std::string&>{"email_key", key.email},
        {"phone_key", key.phone},
        {"property_key", key.property}}) {
    if (Status added = add(column, value); !added) return Unexpected(added.error());
  }
  // Most recent first; references of one year sort by their sequence, so they break ties.
  std::sort(merged.begin(), merged.end(), [](const auto& a, const auto& b) {
    return std::tie(b.key.received_on, b.reference) < std::tie(a.key.received_on, a.reference);
  });
  if (merged.size() > limit) merged.resize(limit);
  return merged;
}

}  // namespace redress::storage::sqlite
