#include "storage/postgres/event_repository.hpp"

#include <string>
#include <utility>

#include "storage/common/audit_chain.hpp"
#include "storage/common/event_rows.hpp"
#include "storage/postgres/audit_log.hpp"

namespace redress::storage::postgres {

Status PostgresEventRepository::Append(app::EntityType type, std::string_view entity_ref,
                                       const core::CaseEvent& event) {
  Result<common::ChainRecord> record =
      common::ChainRecordOf(type, entity_ref, event, clock_.NowRfc3339());
  if (!record) return Unexpected(record.error());
  Result<std::int64_t> appended = AppendChained(connection_, std::move(*record));
  if (!appended) return Unexpected(appended.error());
  return {};
}

Result<std::vector<app::StoredEvent>> PostgresEventRepository::EventsOf(
    app::EntityType type, std::string_view entity_ref) {
  static const std::string sql = std::string(common::kEventsOfSelect) +
                                 " WHERE entity_type = $1 AND entity_ref = $2 ORDER BY sequence";
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(type, entity_ref));
  if (!rows) return Unexpected(rows.error());
  std::vector<std::string> changes_json;
  return common::AttachChanges(rows->ReadAll([&changes_json](RowReader& r) {
    return common::ReadStoredEvent(r, changes_json);
  }),
                               changes_json);
}

Status PostgresEventRepository::EraseContent(app::EntityType type, std::string_view entity_ref,
                                             std::string_view erased_at) {
  static const std::string sql =
      common::EraseContentSql("$1", "entity_type = $2 AND entity_ref = $3");
  return connection_.Run(sql, Params().BindAll(erased_at, type, entity_ref));
}

Status PostgresEventRepository::EraseContentOfSequences(std::span<const std::int64_t> sequences,
                                                        std::string_view erased_at) {
  // One statement whatever the number of events: the sequences as one array parameter.
  std::string array = "{";
  for (const std::int64_t sequence : sequences) {
    if (array.size() > 1) array += ',';
    array += std::to_string(sequence);
  }
  array += '}';
  static const std::string sql = common::EraseContentSql("$1", "sequence = ANY($2::bigint[])");
  return connection_.Run(sql, Params().BindAll(erased_at, array));
}

}  // namespace redress::storage::postgres
