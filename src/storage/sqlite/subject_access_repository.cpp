#include "storage/sqlite/subject_access_repository.hpp"

#include <utility>

#include "storage/sqlite/versioned_tables.hpp"

namespace redress::storage::sqlite {

Result<core::SubjectAccessRequest> SqliteSubjectAccessRepository::Insert(
    core::SubjectAccessRequest request, int year) {
  return InsertVersioned(connection_, std::move(request), year);
}

Result<core::SubjectAccessRequest> SqliteSubjectAccessRepository::Update(
    core::SubjectAccessRequest request, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(request), expected_version);
}

Result<core::SubjectAccessRequest> SqliteSubjectAccessRepository::Load(std::string_view reference) {
  return LoadVersioned<core::SubjectAccessRequest>(connection_, reference);
}

Result<std::vector<core::SubjectAccessRequest>> SqliteSubjectAccessRepository::List() {
  return ListVersioned<core::SubjectAccessRequest>(connection_);
}

Status SqliteSubjectAccessRepository::AddWithholding(std::string_view reference,
                                                     const app::Withholding& withholding) {
  static const std::string sql = common::InsertWithholdingSql(ParameterMarker);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(withholding.item, withholding.reason, withholding.withheld_by,
                     withholding.withheld_at, reference);
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  if (*row) return {};
  // Nothing inserted: an unknown request, or the item withheld already.
  if (auto request = Load(reference); !request) return Unexpected(request.error());
  return Fail(ErrorCode::kConflict, withholding.item + " is withheld already");
}

Result<std::vector<app::Withholding>> SqliteSubjectAccessRepository::WithholdingsOf(
    std::string_view reference) {
  static const std::string sql = common::WithholdingsSql(ParameterMarker);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(reference);
  return ReadAll(*statement, common::ReadWithholding<ColumnReader>);
}

}  // namespace redress::storage::sqlite
