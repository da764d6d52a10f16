#pragma once

// Saved views of the case list (issue 18): a name a member of staff gives to the list's filters
// and order, kept per user and optionally offered to the rest of their team.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace redress::app {

struct SavedView {
  std::int64_t id = 0;
  std::string owner;  // the username of who saved it; only they may change or delete it
  std::string name;   // unique per owner
  // The case list's query string, filters and order as GET /api/v1/complaints takes them
  // ("status=open&sort=due_on"); kept as text so that a filter added later needs no migration.
  std::string query;
  bool shared = false;  // offered to the owner's team as well
  // Read only: the owner's team now (a view shared follows its owner to another team).
  std::string team;
  friend bool operator==(const SavedView&, const SavedView&) = default;
};

class SavedViewRepository {
 public:
  virtual ~SavedViewRepository() = default;
  // The views `username` owns and, when `team` is not empty, those others of `team` shared; the
  // user's own first, then by name.
  virtual core::Result<std::vector<SavedView>> ListFor(std::string_view username,
                                                       std::string_view team) = 0;
  // kNotFound for an unknown id.
  virtual core::Result<SavedView> Load(std::int64_t id) = 0;
  // The view with its id; kConflict naming `name` when the owner has a view of that name,
  // kInvalidInput naming `owner` for an unknown user.
  virtual core::Result<SavedView> Insert(SavedView view) = 0;
  // Replaces the name, query and sharing of view.id; kNotFound, kConflict as Insert.
  virtual core::Status Update(const SavedView& view) = 0;
  // kNotFound for an unknown id.
  virtual core::Status Delete(std::int64_t id) = 0;
};

}  // namespace redress::app
