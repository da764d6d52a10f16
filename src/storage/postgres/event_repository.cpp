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

}  // namespace redress::storage::postgres
