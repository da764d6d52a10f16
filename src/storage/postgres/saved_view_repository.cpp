#include "storage/postgres/saved_view_repository.hpp"

#include <string>
#include <utility>
#include <vector>

#include "storage/common/saved_view_rows.hpp"

namespace redress::storage::postgres {
namespace {

// Whether the owner already has another view called `name`. Asked before writing: on PostgreSQL
// a failed statement would end the caller's transaction, and a taken name is an answer.
Result<bool> NameIsTaken(Connection& connection, const app::SavedView& view) {
  Result<Rows> rows =
      connection.Query("SELECT 1 FROM saved_views WHERE owner = $1 AND name = $2 AND id <> $3",
                       Params().BindAll(view.owner, view.name, view.id));
  if (!rows) return Unexpected(rows.error());
  return !rows->empty();
}

}  // namespace

Result<std::vector<app::SavedView>> PostgresSavedViewRepository::ListFor(std::string_view username,
                                                                         std::string_view team) {
  static const std::string sql = std::string(common::kSavedViewSelect) +
                                 "WHERE v.owner = $1 OR (v.shared AND $2 <> '' AND u.team = $2) "
                                 "ORDER BY v.owner <> $1, v.name, v.id";
  Result<Rows> rows = connection_.Query(sql, Params().BindAll(username, team));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll(common::ReadSavedView<RowReader>);
}

Result<app::SavedView> PostgresSavedViewRepository::Load(std::int64_t id) {
  static const std::string sql = std::string(common::kSavedViewSelect) + "WHERE v.id = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(id));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne(common::ReadSavedView<RowReader>, "no saved view " + std::to_string(id));
}

Result<app::SavedView> PostgresSavedViewRepository::Insert(app::SavedView view) {
  Result<Rows> user =
      connection_.Query("SELECT 1 FROM users WHERE username = $1", Params().Bind(view.owner));
  if (!user) return Unexpected(user.error());
  if (user->empty()) {
    return core::FailField("owner", "unknown user '" + view.owner + "'",
                           core::FieldErrorCode::kUnknownReference);
  }
  Result<Rows> rows = connection_.Query(
      "INSERT INTO saved_views (owner, name, query, shared) VALUES ($1, $2, $3, $4) "
      "ON CONFLICT (owner, name) DO NOTHING RETURNING id",
      Params().BindAll(view.owner, view.name, view.query, view.shared));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return common::SavedViewNameTaken(view);
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  return Load(*id);
}

Status PostgresSavedViewRepository::Update(const app::SavedView& view) {
  Result<bool> taken = NameIsTaken(connection_, view);
  if (!taken) return Unexpected(taken.error());
  if (*taken) return common::SavedViewNameTaken(view);
  Result<Rows> rows =
      connection_.Query("UPDATE saved_views SET name = $1, query = $2, shared = $3 WHERE id = $4",
                        Params().BindAll(view.name, view.query, view.shared, view.id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kNotFound, "no saved view " + std::to_string(view.id));
  }
  return {};
}

Status PostgresSavedViewRepository::Delete(std::int64_t id) {
  Result<Rows> rows = connection_.Query("DELETE FROM saved_views WHERE id = $1", Params().Bind(id));
  if (!rows) return Unexpected(rows.error());
  if (rows->Affected() == 0) {
    return Fail(ErrorCode::kNotFound, "no saved view " + std::to_string(id));
  }
  return {};
}

}  // namespace redress::storage::postgres
