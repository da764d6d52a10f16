#include "app/case_reads.hpp"

#include <utility>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "app/store_values.hpp"
#include "core/case_actions.hpp"
#include "core/permissions.hpp"
#include "core/person_search.hpp"
#include "core/regime.hpp"

namespace redress::app {
namespace {

// The display names of the timeline's actors and the stages' handlers, from the same snapshot.
Result<PeopleNames> PeopleNamedIn(Tx& tx, const std::vector<StoredEvent>& events,
                                  const core::Complaint* complaint) {
  auto users = tx.Accounts().ListUsers();
  if (!users) return tl::unexpected(users.error());
  PeopleNames all;
  for (const User& user : *users) {
    if (!user.display_name.empty()) all.emplace(user.username, user.display_name);
  }
  PeopleNames named;
  auto add = [&](const std::string& username) {
    if (auto found = all.find(username); found != all.end()) named.insert(*found);
  };
  for (const StoredEvent& event : events) add(event.event.actor);
  if (complaint != nullptr) {
    for (const core::Stage& stage : complaint->stages) add(stage.handler);
  }
  return named;
}

}  // namespace

Result<ComplaintView> ReadComplaint(Store& store, const Actor& actor, std::string_view reference) {
  return ReadValue<ComplaintView>(store, [&](Tx& tx) -> Result<ComplaintView> {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto calendar = LoadCalendar(tx);
    if (!calendar) return tl::unexpected(calendar.error());
    auto events = VisibleTimelineOf(tx, actor, *complaint);
    if (!events) return tl::unexpected(events.error());
    auto people = PeopleNamedIn(tx, *events, &*complaint);
    if (!people) return tl::unexpected(people.error());
    return ComplaintView{std::move(*complaint), std::move(*events), std::move(*calendar),
                         std::move(*people)};
  });
}

Result<TimelineView> ReadTimeline(Store& store, const Actor& actor, std::string_view reference) {
  return ReadValue<TimelineView>(store, [&](Tx& tx) -> Result<TimelineView> {
    auto events = VisibleTimeline(tx, actor, reference);
    if (!events) return tl::unexpected(events.error());
    auto people = PeopleNamedIn(tx, *events, nullptr);
    if (!people) return tl::unexpected(people.error());
    return TimelineView{std::move(*events), std::move(*people)};
  });
}

Result<EligibleHandlers> ListEligibleHandlers(Store& store, const Actor& actor,
                                              std::string_view reference,
                                              std::optional<int> stage) {
  return ReadValue<EligibleHandlers>(store, [&](Tx& tx) -> Result<EligibleHandlers> {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    const int current = complaint->current_stage().number;
    const int number = stage.value_or(current);
    const bool next_exists = !core::IsFinalStage(complaint->regime, current);
    if (number != current && !(number == current + 1 && next_exists)) {
      return core::FailField(
          "stage",
          "must be the current stage (" + std::to_string(current) + ")" +
              (next_exists ? " or the next (" + std::to_string(current + 1) + ")" : std::string()),
          core::FieldErrorCode::kOutOfRange);
    }
    auto users = tx.Accounts().ListUsers();
    if (!users) return tl::unexpected(users.error());
    EligibleHandlers eligible{number, {}};
    for (User& user : *users) {
      const bool sees = core::CanSee(user.team, *complaint);
      if (user.active && sees &&
          core::MayHandleStage(*complaint, number, user.role, user.username)) {
        eligible.users.push_back(std::move(user));
      }
    }
    return eligible;
  });
}

Result<std::vector<ComplaintRow>> ReadPersonComplaints(Store& store, const Actor& actor,
                                                       const core::Person& person,
                                                       std::string_view except_reference) {
  const core::PersonKey key = core::PersonKeyOf(person);
  if (key.empty()) return std::vector<ComplaintRow>();
  const std::optional<std::string> visible_to_team =
      actor.reach == Reach::kEverything ? std::nullopt : std::optional<std::string>(actor.team);
  return ReadValue<std::vector<ComplaintRow>>(
      store, [&](Tx& tx) -> Result<std::vector<ComplaintRow>> {
        // One more than kept, for the case itself.
        auto rows = tx.Complaints().ListByPerson(key, visible_to_team, kMaxPersonComplaints + 1);
        if (!rows) return rows;
        std::erase_if(*rows,
                      [&](const ComplaintRow& row) { return row.reference == except_reference; });
        if (rows->size() > kMaxPersonComplaints) rows->resize(kMaxPersonComplaints);
        return rows;
      });
}

Result<std::shared_ptr<const core::WorkingCalendar>> ReadCalendar(Store& store) {
  return ReadValue<std::shared_ptr<const core::WorkingCalendar>>(store, LoadCalendar);
}

}  // namespace redress::app
