#include "storage/postgres/subject_access_repository.hpp"

#include <utility>

#include "storage/postgres/versioned_tables.hpp"

namespace redress::storage::postgres {

Result<core::SubjectAccessRequest> PostgresSubjectAccessRepository::Insert(
    core::SubjectAccessRequest request, int year) {
  return InsertVersioned(connection_, std::move(request), year);
}

Result<core::SubjectAccessRequest> PostgresSubjectAccessRepository::Update(
    core::SubjectAccessRequest request, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(request), expected_version);
}

Result<core::SubjectAccessRequest> PostgresSubjectAccessRepository::Load(
    std::string_view reference) {
  return LoadVersioned<core::SubjectAccessRequest>(connection_, reference);
}

Result<std::vector<core::SubjectAccessRequest>> PostgresSubjectAccessRepository::List() {
  return ListVersioned<core::SubjectAccessRequest>(connection_);
}

Status PostgresSubjectAccessRepository::AddWithholding(std::string_view reference,
                                                       const app::Withholding& withholding) {
  // ON CONFLICT DO NOTHING: on PostgreSQL a failed statement would end the caller's transaction.
  Result<Rows> rows = connection_.Query(
      "INSERT INTO subject_access_withholdings (request_id, item, reason, withheld_by, "
      "withheld_at) SELECT id, $1, $2, $3, $4 FROM subject_access_requests WHERE reference = $5 "
      "ON CONFLICT (request_id, item) DO NOTHING RETURNING 1",
      Params()
          .Bind(withholding.item)
          .Bind(withholding.reason)
          .Bind(withholding.withheld_by)
          .Bind(withholding.withheld_at)
          .Bind(reference));
  if (!rows) return Unexpected(rows.error());
  if (!rows->empty()) return {};
  // Nothing inserted: an unknown request, or the item withheld already.
  if (auto request = Load(reference); !request) return Unexpected(request.error());
  return Fail(ErrorCode::kConflict, withholding.item + " is withheld already");
}

Result<std::vector<app::Withholding>> PostgresSubjectAccessRepository::WithholdingsOf(
    std::string_view reference) {
  Result<Rows> rows = connection_.Query(
      "SELECT w.item, w.reason, w.withheld_by, w.withheld_at FROM subject_access_withholdings w "
      "JOIN subject_access_requests r ON r.id = w.request_id WHERE r.reference = $1 ORDER BY w.id",
      Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& row) {
    app::Withholding withholding;
    withholding.item = row.Text();
    withholding.reason = row.Text();
    withholding.withheld_by = row.Text();
    withholding.withheld_at = row.Text();
    return withholding;
  });
}

}  // namespace redress::storage::postgres
