#pragma once

// What the server's operational endpoints ask of the store, as use cases like any other, so that
// no handler opens a transaction: whether the store can serve (/readyz) and the case gauges
// (/metrics).

#include <cstdint>

#include "app/ports.hpp"

namespace redress::app {

// Ok when the organisation's settings can be read and a change could be committed now
// (Store::CheckWritable: a full disk or an unwritable file shows here first, and clears as soon
// as the fault does); otherwise kStorage, saying which of the two failed.
Status CheckReady(Store& store);

// How many of `counts` are open (core::IsOpen): the dashboard's and the gauges' one sum.
std::int64_t OpenCount(const StatusCounts& counts);

// The open complaints and, of them, those whose acknowledgement or response is
// overdue as at the clock's today (core::OverdueRange).
struct CaseGauges {
  std::int64_t open = 0;
  std::int64_t overdue = 0;
};
Result<CaseGauges> CountCaseGauges(Store& store, const Clock& clock);

}  // namespace redress::app
