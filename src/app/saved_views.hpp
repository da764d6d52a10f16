#pragma once

// Saved views of the case list (issue 18): list, save, change (rename, new filters, sharing) and
// delete. A view is its owner's: others of the team see a shared one and may apply it, but only
// the owner changes it. Each change is an event `saved_view_changed` on the owner's user.

#include <cstdint>
#include <string>
#include <vector>

#include "app/organisation.hpp"
#include "app/ports.hpp"
#include "core/result.hpp"

namespace redress::app {

inline constexpr std::size_t kMaxSavedViewName = 80;
inline constexpr std::size_t kMaxSavedViewQuery = 2000;

struct SavedViewInput {
  std::string name;
  std::string query;  // the case list's query string; the HTTP adapter checks its parameters
  bool shared = false;
};

// Every problem of the input's own fields: `name` required and at most kMaxSavedViewName
// characters, `query` at most kMaxSavedViewQuery. Added to `errors`.
void CheckSavedViewInput(const SavedViewInput& input, core::FieldErrors& errors);

// The actor's views and those their team shares.
Result<std::vector<SavedView>> ListSavedViews(Store& store, const Actor& actor);
Result<SavedView> CreateSavedView(Store& store, const Clock& clock, const Actor& actor,
                                  const SavedViewInput& input);
// kNotFound for a view the actor cannot see, kForbidden for a shared view of someone else.
Result<SavedView> UpdateSavedView(Store& store, const Clock& clock, const Actor& actor,
                                  std::int64_t id, const SavedViewInput& input);
Status DeleteSavedView(Store& store, const Clock& clock, const Actor& actor, std::int64_t id);

}  // namespace redress::app
