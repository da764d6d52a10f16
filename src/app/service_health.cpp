#include "app/service_health.hpp"

#include "core/complaint.hpp"
#include "core/pending_deadline.hpp"

namespace redress::app {

std::int64_t OpenCount(const StatusCounts& counts) {
  std::int64_t open = 0;
  for (const auto& [status, count] : counts) {
    if (core::IsOpen(status)) open += count;
  }
  return open;
}

Status CheckReady(Store& store) {
  auto read = store.Read([](Tx& tx) -> Status {
    auto settings = tx.Organisation().LoadSettings();
    if (!settings) return tl::unexpected(settings.error());
    return {};
  });
  if (!read) {
    return core::Fail(core::ErrorCode::kStorage,
                      "the database cannot be read: " + read.error().message);
  }
  if (auto written = store.CheckWritable(); !written) {
    return core::Fail(core::ErrorCode::kStorage,
                      "the database cannot be written: " + written.error().message);
  }
  return {};
}

Result<CaseGauges> CountCaseGauges(Store& store, const Clock& clock) {
  const core::Date today = clock.Today();
  CaseGauges gauges;
  auto counted = store.Read([&](Tx& tx) -> Status {
    // Only open cases have a pending deadline, so every case due before today is an open one.
    ComplaintQuery overdue;
    const core::DueRange range = core::OverdueRange(today);
    overdue.due_from = range.from;
    overdue.due_before = range.before;
    auto all_counts = tx.Complaints().CountByStatus(ComplaintQuery{});
    if (!all_counts) return tl::unexpected(all_counts.error());
    auto overdue_counts = tx.Complaints().CountByStatus(overdue);
    if (!overdue_counts) return tl::unexpected(overdue_counts.error());
    gauges.open = OpenCount(*all_counts);
    gauges.overdue = OpenCount(*overdue_counts);
    return {};
  });
  if (!counted) return tl::unexpected(counted.error());
  return gauges;
}

}  // namespace redress::app
