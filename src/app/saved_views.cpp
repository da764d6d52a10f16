#include "app/saved_views.hpp"

#include <string>
#include <utility>
#include <vector>

#include "app/store_values.hpp"

namespace redress::app {
namespace {

std::string YesNo(bool value) { return value ? "yes" : "no"; }

// The view as the event's changes: every field that differs between `before` and `after` (an
// empty side for a view created or deleted), the view's id always.
std::vector<core::Change> ChangesOf(const SavedView* before, const SavedView* after) {
  std::vector<core::Change> changes{{"view", before != nullptr ? std::to_string(before->id) : "",
                                     after != nullptr ? std::to_string(after->id) : ""}};
  auto add = [&](std::string field, std::string was, std::string now) {
    if (was != now) changes.push_back({std::move(field), std::move(was), std::move(now)});
  };
  add("name", before != nullptr ? before->name : "", after != nullptr ? after->name : "");
  add("query", before != nullptr ? before->query : "", after != nullptr ? after->query : "");
  add("shared", before != nullptr ? YesNo(before->shared) : "",
      after != nullptr ? YesNo(after->shared) : "");
  return changes;
}

Status AppendChange(Tx& tx, const Clock& clock, const Actor& actor, const std::string& owner,
                    std::string summary, std::vector<core::Change> changes) {
  core::CaseEvent event{core::EventType::kSavedViewChanged,
                        clock.Today(),
                        actor.username,
                        0,
                        std::move(summary),
                        std::move(changes)};
  return tx.Events().Append(EntityType::kUser, owner, event);
}

// The view `id` if the actor may change it: kNotFound when they cannot see it, kForbidden when
// it is a view of their team's that someone else owns.
Result<SavedView> LoadOwn(Tx& tx, const Actor& actor, std::int64_t id) {
  Result<SavedView> view = tx.SavedViews().Load(id);
  if (!view) return view;
  if (view->owner == actor.username) return view;
  if (view->shared && !actor.team.empty() && view->team == actor.team) {
    return core::Fail(core::ErrorCode::kForbidden,
                      "only " + view->owner + ", who saved the view, may change it");
  }
  return core::Fail(core::ErrorCode::kNotFound, "no saved view " + std::to_string(id));
}

Status CheckInput(const SavedViewInput& input) {
  core::FieldErrors errors;
  CheckSavedViewInput(input, errors);
  if (!errors.empty()) return errors.ToError();
  return {};
}

}  // namespace

void CheckSavedViewInput(const SavedViewInput& input, core::FieldErrors& errors) {
  bool blank = true;
  for (char c : input.name) blank = blank && (c == ' ' || c == '\t');
  if (blank) {
    errors.Add("name", "Enter a name for the view", core::FieldErrorCode::kRequired);
  } else if (input.name.size() > kMaxSavedViewName) {
    errors.Add("name", "must be " + std::to_string(kMaxSavedViewName) + " characters or fewer",
               core::FieldErrorCode::kTooLong);
  }
  if (input.query.size() > kMaxSavedViewQuery) {
    errors.Add("query", "must be " + std::to_string(kMaxSavedViewQuery) + " characters or fewer",
               core::FieldErrorCode::kTooLong);
  }
}

Result<std::vector<SavedView>> ListSavedViews(Store& store, const Actor& actor) {
  return ReadValue<std::vector<SavedView>>(
      store, [&](Tx& tx) { return tx.SavedViews().ListFor(actor.username, actor.team); });
}

Result<SavedView> CreateSavedView(Store& store, const Clock& clock, const Actor& actor,
                                  const SavedViewInput& input) {
  if (Status checked = CheckInput(input); !checked) return tl::unexpected(checked.error());
  return WriteValue<SavedView>(store, [&](Tx& tx) -> Result<SavedView> {
    SavedView view{0, actor.username, input.name, input.query, input.shared, ""};
    Result<SavedView> saved = tx.SavedViews().Insert(view);
    if (!saved) return saved;
    if (Status appended = AppendChange(tx, clock, actor, actor.username,
                                       "Saved the view of the case list '" + saved->name + "'",
                                       ChangesOf(nullptr, &*saved));
        !appended) {
      return tl::unexpected(appended.error());
    }
    return saved;
  });
}

Result<SavedView> UpdateSavedView(Store& store, const Clock& clock, const Actor& actor,
                                  std::int64_t id, const SavedViewInput& input) {
  if (Status checked = CheckInput(input); !checked) return tl::unexpected(checked.error());
  return WriteValue<SavedView>(store, [&](Tx& tx) -> Result<SavedView> {
    Result<SavedView> before = LoadOwn(tx, actor, id);
    if (!before) return before;
    SavedView after = *before;
    after.name = input.name;
    after.query = input.query;
    after.shared = input.shared;
    if (after == *before) return after;  // nothing changed: no event
    if (Status updated = tx.SavedViews().Update(after); !updated) {
      return tl::unexpected(updated.error());
    }
    std::string summary =
        before->name == after.name
            ? "Changed the view of the case list '" + after.name + "'"
            : "Renamed the view of the case list '" + before->name + "' to '" + after.name + "'";
    if (Status appended = AppendChange(tx, clock, actor, before->owner, std::move(summary),
                                       ChangesOf(&*before, &after));
        !appended) {
      return tl::unexpected(appended.error());
    }
    return after;
  });
}

Status DeleteSavedView(Store& store, const Clock& clock, const Actor& actor, std::int64_t id) {
  return store.Write([&](Tx& tx) -> Status {
    Result<SavedView> before = LoadOwn(tx, actor, id);
    if (!before) return tl::unexpected(before.error());
    if (Status deleted = tx.SavedViews().Delete(id); !deleted) return deleted;
    return AppendChange(tx, clock, actor, before->owner,
                        "Deleted the view of the case list '" + before->name + "'",
                        ChangesOf(&*before, nullptr));
  });
}

}  // namespace redress::app
