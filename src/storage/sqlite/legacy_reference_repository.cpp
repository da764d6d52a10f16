#include "storage/sqlite/legacy_reference_repository.hpp"

#include <string>

namespace redress::storage::sqlite {

Result<std::optional<std::string>> SqliteLegacyReferenceRepository::Find(
    std::string_view system, std::string_view legacy_reference) {
  Result<Statement> statement = connection_.Prepare(
      "SELECT complaint_reference FROM legacy_references WHERE system = ? AND "
      "legacy_reference = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(system, legacy_reference);
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  if (!*row) return std::optional<std::string>();
  return std::optional<std::string>(statement->Columns().Text());
}

Status SqliteLegacyReferenceRepository::Add(std::string_view system,
                                            std::string_view legacy_reference,
                                            std::string_view complaint_reference,
                                            std::string_view imported_at) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO legacy_references (system, legacy_reference, complaint_reference, "
      "imported_at) VALUES (?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(system, legacy_reference, complaint_reference, imported_at);
  if (Status run = statement->Run(); !run) {
    if (run.error().code == ErrorCode::kConflict) {
      return Fail(ErrorCode::kConflict, std::string(system) + "'s reference " +
                                            std::string(legacy_reference) + " is already imported");
    }
    return run;
  }
  return {};
}

}  // namespace redress::storage::sqlite
