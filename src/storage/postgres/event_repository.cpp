#include "storage/postgres/event_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/audit_chain.hpp"
#include "storage/common/change_codec.hpp"
#include "storage/postgres/audit_log.hpp"

namespace redress::storage::postgres {

Status PostgresEventRepository::Append(app::EntityType type, std::string_view entity_ref,
                                       const core::CaseEvent& event) {
  Result<std::string> changes = common::ChangesToJson(event.changes);
  if (!changes) return Unexpected(changes.error());
  common::ChainRecord record;
  record.entity_type = std::string(ToString(type));
  record.entity_ref = std::string(entity_ref);
  record.type = std::string(ToString(event.type));
  record.occurred_on = event.occurred_on.ToIso();
  record.stage = event.stage;
  record.actor = event.actor;
  record.summary = event.summary;
  record.changes = std::move(*changes);
  record.recorded_at = clock_.NowRfc3339();
  Result<std::int64_t> appended = AppendChained(connection_, std::move(record));
  if (!appended) return Unexpected(appended.error());
  return {};
}

Result<std::vector<app::StoredEvent>> PostgresEventRepository::EventsOf(
    app::EntityType type, std::string_view entity_ref) {
  Result<Rows> rows = connection_.Query(
      "SELECT sequence, entity_type, entity_ref, type, occurred_on, stage, actor, summary, "
      "changes, recorded_at, hash FROM events WHERE entity_type = $1 AND entity_ref = $2 "
      "ORDER BY sequence",
      Params().BindAll(type, entity_ref));
  if (!rows) return Unexpected(rows.error());
  std::vector<std::string> changes_json;
  Result<std::vector<app::StoredEvent>> events = rows->ReadAll([&changes_json](RowReader& r) {
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

}  // namespace redress::storage::postgres
