#include "storage/sqlite/event_repository.hpp"

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

#include "storage/common/audit_chain.hpp"
#include "storage/common/event_rows.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Status SqliteEventRepository::Append(EntityType type, std::string_view entity_ref,
                                     const core::CaseEvent& event) {
  Result<common::ChainRecord> record =
      common::ChainRecordOf(type, entity_ref, event, clock_.NowRfc3339());
  if (!record) return Unexpected(record.error());

  // The next sequence number follows the highest ever used (AUTOINCREMENT's record), so a
  // removed last row leaves a gap the verification finds rather than a reused number.
  Result<Statement> head = connection_.Prepare(
      "SELECT (SELECT seq FROM sqlite_sequence WHERE name = 'events'), "
      "(SELECT hash FROM events ORDER BY sequence DESC LIMIT 1)");
  if (!head) return Unexpected(head.error());
  Result<std::pair<std::int64_t, std::string>> last = ReadOne(
      *head,
      [](ColumnReader& r) {
        return std::pair{r.Int64(), r.Text()};
      },
      "no chain head");
  if (!last) return Unexpected(last.error());

  record->prev_hash = std::move(last->second);
  record->sequence = last->first + 1;

  static const std::string sql = InsertSql("events", kEventColumns);
  Result<Statement> insert = connection_.Prepare(sql);
  if (!insert) return Unexpected(insert.error());
  insert->BindAll(record->prev_hash, record->sequence, record->entity_type, record->entity_ref,
                  record->type, record->occurred_on, record->stage, record->actor, record->summary,
                  record->changes, record->recorded_at, record->chain_version,
                  record->content_digest, record->content_salt, record->content_erased_at,
                  common::ChainHash(*record));
  return insert->Run();
}

Result<std::vector<app::StoredEvent>> SqliteEventRepository::EventsOf(EntityType type,
                                                                      std::string_view entity_ref) {
  static const std::string sql = std::string(common::kEventsOfSelect) +
                                 " WHERE entity_type = ? AND entity_ref = ? ORDER BY sequence";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(type, entity_ref);
  std::vector<std::string> changes_json;
  return common::AttachChanges(ReadAll(*statement,
                                       [&changes_json](ColumnReader& r) {
                                         return common::ReadStoredEvent(r, changes_json);
                                       }),
                               changes_json);
}

Status SqliteEventRepository::EraseContent(EntityType type, std::string_view entity_ref,
                                           std::string_view erased_at) {
  static const std::string sql = common::EraseContentSql("?", "entity_type = ? AND entity_ref = ?");
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(erased_at, type, entity_ref);
  return statement->Run();
}

Status SqliteEventRepository::EraseContentOfSequences(std::span<const std::int64_t> sequences,
                                                      std::string_view erased_at) {
  static const std::string sql = common::EraseContentSql("?", "sequence = ?");
  for (const std::int64_t sequence : sequences) {
    Result<Statement> statement = connection_.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->BindAll(erased_at, sequence);
    if (Status erased = statement->Run(); !erased) return erased;
  }
  return {};
}

}  // namespace redress::storage::sqlite
