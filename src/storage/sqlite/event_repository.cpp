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
#include "storage/common/change_codec.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

Status SqliteEventRepository::Append(EntityType type, std::string_view entity_ref,
                                     const core::CaseEvent& event) {
  Result<std::string> changes = common::ChangesToJson(event.changes);
  if (!changes) return Unexpected(changes.error());

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

  common::ChainRecord record;
  record.prev_hash = std::move(last->second);
  record.sequence = last->first + 1;
  record.entity_type = std::string(ToString(type));
  record.entity_ref = std::string(entity_ref);
  record.type = std::string(ToString(event.type));
  record.occurred_on = event.occurred_on.ToIso();
  record.stage = event.stage;
  record.actor = event.actor;
  record.summary = event.summary;
  record.changes = std::move(*changes);
  record.recorded_at = clock_.NowRfc3339();

  static const std::string sql = InsertSql("events", kEventColumns);
  Result<Statement> insert = connection_.Prepare(sql);
  if (!insert) return Unexpected(insert.error());
  insert->BindAll(record.prev_hash, record.sequence, record.entity_type, record.entity_ref,
                  record.type, record.occurred_on, record.stage, record.actor, record.summary,
                  record.changes, record.recorded_at, common::ChainHash(record));
  return insert->Run();
}

Result<std::vector<app::StoredEvent>> SqliteEventRepository::EventsOf(EntityType type,
                                                                      std::string_view entity_ref) {
  static const std::string sql =
      "SELECT sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary, "
      "changes, recorded_at, hash FROM events WHERE entity_type = ? AND entity_ref = ? "
      "ORDER BY sequence";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(type, entity_ref);
  std::vector<std::string> changes_json;
  Result<std::vector<app::StoredEvent>> events =
      ReadAll(*statement, [&changes_json](ColumnReader& r) {
        app::StoredEvent stored;
        stored.sequence = r.Int64();
        stored.entity_type = r.Enumerator(app::ParseEntityType);
        stored.entity_ref = r.Text();
        stored.event.type = r.Enumerator(core::ParseEventType);
        stored.event.occurred_on = r.Date();
        stored.event.stage = r.Int();
        stored.event.actor = r.Text();
        stored.event.summary = r.Text();
        changes_json.push_back(r.Text());
        stored.recorded_at = r.Text();
        stored.hash = r.Text();
        return stored;
      });
  if (!events) return events;
  for (std::size_t i = 0; i < events->size(); ++i) {
    Result<std::vector<core::Change>> changes = common::ChangesFromJson(changes_json[i]);
    if (!changes) return Unexpected(changes.error());
    (*events)[i].event.changes = std::move(*changes);
  }
  return events;
}

}  // namespace redress::storage::sqlite
