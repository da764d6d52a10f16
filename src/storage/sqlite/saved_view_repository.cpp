#include "storage/sqlite/saved_view_repository.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/common/saved_view_rows.hpp"

namespace redress::storage::sqlite {
Result<std::vector<app::SavedView>> SqliteSavedViewRepository::ListFor(std::string_view username,
                                                                       std::string_view team) {
  static const std::string sql = std::string(common::kSavedViewSelect) +
                                 "WHERE v.owner = ? OR (v.shared = 1 AND ? <> '' AND u.team = ?) "
                                 "ORDER BY v.owner <> ?, v.name, v.id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(username, team, team, username);
  return ReadAll(*statement, common::ReadSavedView<ColumnReader>);
}

Result<app::SavedView> SqliteSavedViewRepository::Load(std::int64_t id) {
  static const std::string sql = std::string(common::kSavedViewSelect) + "WHERE v.id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return ReadOne(*statement, common::ReadSavedView<ColumnReader>,
                 "no saved view " + std::to_string(id));
}

Result<app::SavedView> SqliteSavedViewRepository::Insert(app::SavedView view) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO saved_views (owner, name, query, shared) VALUES (?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(view.owner, view.name, view.query, view.shared);
  if (Status run = statement->Run(); !run) {
    if (run.error().code == ErrorCode::kConflict) return common::SavedViewNameTaken(view);
    if (run.error().code == ErrorCode::kInvalidInput) {
      return core::FailField("owner", "unknown user '" + view.owner + "'",
                             core::FieldErrorCode::kUnknownReference);
    }
    return Unexpected(run.error());
  }
  view.id = statement->LastInsertRowid();
  return Load(view.id);
}

Status SqliteSavedViewRepository::Update(const app::SavedView& view) {
  Result<Statement> statement =
      connection_.Prepare("UPDATE saved_views SET name = ?, query = ?, shared = ? WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(view.name, view.query, view.shared, view.id);
  Status run = RunOnExistingRow(*statement, "no saved view " + std::to_string(view.id));
  if (!run && run.error().code == ErrorCode::kConflict) return common::SavedViewNameTaken(view);
  return run;
}

Status SqliteSavedViewRepository::Delete(std::int64_t id) {
  Result<Statement> statement = connection_.Prepare("DELETE FROM saved_views WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return RunOnExistingRow(*statement, "no saved view " + std::to_string(id));
}

}  // namespace redress::storage::sqlite
