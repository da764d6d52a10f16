#pragma once
// A saved view of the case list as both engines read it (issue 18): the select, the row reader and
// the answer to a name the owner already uses. Each engine runs the SQL with its own reader.

#include <string>
#include <string_view>

#include "app/saved_view_repository.hpp"
#include "core/result.hpp"

namespace redress::storage::common {

// The owner's team comes from their account now, so that a view shared follows its owner.
inline constexpr std::string_view kSavedViewSelect =
    "SELECT v.id, v.owner, v.name, v.query, v.shared, coalesce(u.team, '') "
    "FROM saved_views v JOIN users u ON u.username = v.owner ";

// Reads kSavedViewSelect's columns.
template <typename Reader>
app::SavedView ReadSavedView(Reader& r) {
  app::SavedView view;
  view.id = r.Int64();
  view.owner = r.Text();
  view.name = r.Text();
  view.query = r.Text();
  view.shared = r.Bool();
  view.team = r.Text();
  return view;
}

// The refusal of a name the owner already gives another view.
inline tl::unexpected<core::Error> SavedViewNameTaken(const app::SavedView& view) {
  return core::FailField("name", "You already have a view called '" + view.name + "'",
                         core::FieldErrorCode::kDuplicate);
}

}  // namespace redress::storage::common
