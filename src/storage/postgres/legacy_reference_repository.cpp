#include "storage/postgres/legacy_reference_repository.hpp"

#include <string>

namespace redress::storage::postgres {

Result<std::optional<std::string>> PostgresLegacyReferenceRepository::Find(
    std::string_view system, std::string_view legacy_reference) {
  Result<Rows> rows = connection_.Query(
      "SELECT complaint_reference FROM legacy_references WHERE system = $1 AND "
      "legacy_reference = $2",
      Params().Bind(system).Bind(legacy_reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<std::string>();
  Result<std::string> reference = rows->ReadOne([](RowReader& r) { return r.Text(); }, "");
  if (!reference) return Unexpected(reference.error());
  return std::optional<std::string>(std::move(*reference));
}

Status PostgresLegacyReferenceRepository::Add(std::string_view system,
                                              std::string_view legacy_reference,
                                              std::string_view complaint_reference,
                                              std::string_view imported_at) {
  // ON CONFLICT DO NOTHING: on PostgreSQL a failed statement would end the caller's transaction.
  Result<Rows> rows = connection_.Query(
      "INSERT INTO legacy_references (system, legacy_reference, complaint_reference, imported_at) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT (system, legacy_reference) DO NOTHING RETURNING 1",
      Params().Bind(system).Bind(legacy_reference).Bind(complaint_reference).Bind(imported_at));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    return Fail(ErrorCode::kConflict, std::string(system) + "'s reference " +
                                          std::string(legacy_reference) + " is already imported");
  }
  return {};
}

}  // namespace redress::storage::postgres
