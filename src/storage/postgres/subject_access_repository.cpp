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
  static const std::string sql = common::InsertWithholdingSql(ParameterMarker);
  Result<Rows> rows = connection_.Query(sql, Params()
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
  static const std::string sql = common::WithholdingsSql(ParameterMarker);
  Result<Rows> rows = connection_.Query(sql, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadWithholding<RowReader>);
}

}  // namespace redress::storage::postgres
