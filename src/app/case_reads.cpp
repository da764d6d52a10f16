#include "app/case_reads.hpp"

#include <utility>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "app/store_values.hpp"
#include "core/person_search.hpp"

namespace redress::app {

Result<ComplaintView> ReadComplaint(Store& store, const Actor& actor, std::string_view reference) {
  return ReadValue<ComplaintView>(store, [&](Tx& tx) -> Result<ComplaintView> {
    auto complaint = LoadVisibleComplaint(tx, actor, reference);
    if (!complaint) return tl::unexpected(complaint.error());
    auto calendar = LoadCalendar(tx);
    if (!calendar) return tl::unexpected(calendar.error());
    auto events = VisibleTimeline(tx, actor, reference);
    if (!events) return tl::unexpected(events.error());
    return ComplaintView{std::move(*complaint), std::move(*events), std::move(*calendar)};
  });
}

Result<std::vector<StoredEvent>> ReadTimeline(Store& store, const Actor& actor,
                                              std::string_view reference) {
  return ReadValue<std::vector<StoredEvent>>(
      store, [&](Tx& tx) { return VisibleTimeline(tx, actor, reference); });
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
