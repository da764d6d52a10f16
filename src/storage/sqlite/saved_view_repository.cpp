#include "storage/sqlite/saved_view_repository.hpp"

#include <string>
#include <utility>
#include <vector>

namespace redress::storage::sqlite {
namespace {

// The owner's team comes from their account now, so that a view shared follows its owner.
constexpr std::string_view kSelect =
    "SELECT v.id, v.owner, v.name, v.query, v.shared, coalesce(u.team, '') "
    "FROM saved_views v JOIN users u ON u.username = v.owner ";

app::SavedView ReadView(ColumnReader& r) {
  app::SavedView view;
  view.id = r.Int64();
  view.owner = r.Text();
  view.name = r.Text();
  view.query = r.Text();
  view.shared = r.Bool();
  view.team = r.Text();
  return view;
}

tl::unexpected<core::Error> NameTaken(const app::SavedView& view) {
  return core::FailField("name", "You already have a view called '" + view.name + "'",
                         core::FieldErrorCode::kDuplicate);
}

}  // namespace

Result<std::vector<app::SavedView>> SqliteSavedViewRepository::ListFor(std::string_view username,
                                                                       std::string_view team) {
  static const std::string sql = std::string(kSelect) +
                                 "WHERE v.owner = ? OR (v.shared = 1 AND ? <> '' AND u.team = ?) "
                                 "ORDER BY v.owner <> ?, v.name, v.id";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(username, team, team, username);
  return ReadAll(*statement, ReadView);
}

Result<app::SavedView> SqliteSavedViewRepository::Load(std::int64_t id) {
  static const std::string sql = std::string(kSelect) + "WHERE v.id = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return ReadOne(*statement, ReadView, "no saved view " + std::to_string(id));
}

Result<app::SavedView> SqliteSavedViewRepository::Insert(app::SavedView view) {
  Result<Statement> statement = connection_.Prepare(
      "INSERT INTO saved_views (owner, name, query, shared) VALUES (?, ?, ?, ?)");
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(view.owner, view.name, view.query, view.shared);
  if (Status run = statement->Run(); !run) {
    if (run.error().code == ErrorCode::kConflict) return NameTaken(view);
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
  if (!run && run.error().code == ErrorCode::kConflict) return NameTaken(view);
  return run;
}

Status SqliteSavedViewRepository::Delete(std::int64_t id) {
  Result<Statement> statement = connection_.Prepare("DELETE FROM saved_views WHERE id = ?");
  if (!statement) return Unexpected(statement.error());
  statement->Bind(id);
  return RunOnExistingRow(*statement, "no saved view " + std::to_string(id));
}

}  // namespace redress::storage::sqlite
