#include "app/case_reads.hpp"

#include <utility>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "app/store_values.hpp"

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

Result<std::shared_ptr<const core::WorkingCalendar>> ReadCalendar(Store& store) {
  return ReadValue<std::shared_ptr<const core::WorkingCalendar>>(store, LoadCalendar);
}

}  // namespace redress::app
