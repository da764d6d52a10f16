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
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO subject_access_withholdings (request_id, item, reason, withheld_by, "
      "withheld_at) SELECT id, ?, ?, ?, ? FROM subject_access_requests WHERE reference = ? "
      "ON CONFLICT (request_id, item) DO NOTHING RETURNING 1");
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
  Result<Statement> statement = connection_.Prepare(
      "SELECT w.item, w.reason, w.withheld_by, w.withheld_at FROM subject_access_withholdings w "
      "JOIN subject_access_requests r ON r.id = w.request_id WHERE r.reference = ? ORDER BY w.id");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(reference);
  return ReadAll(*statement, [](ColumnReader& row) {
    app::Withholding withholding;
    withholding.item = row.Text();
    withholding.reason = row.Text();
    withholding.withheld_by = row.Text();
    withholding.withheld_at = row.Text();
    return withholding;
  });
}

}  // namespace redress::storage::sqlite
