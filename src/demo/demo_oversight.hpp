#pragma once

// The demo council's oversight records, built after its complaints through the same use cases as
// real work: Ombudsman cases on some of its stage 2 complaints (Housing Ombudsman for housing,
// LGSCO for the others) with findings, decisions, orders and their compliance; a Complaint
// Handling Failure Order; the LGSCO annual letter of each year ended; learning actions from the
// decisions and from the year's themes; and the Code self-assessment of each year ended, approved
// by Cabinet. Nothing is random, so the same complaints give the same records, and nothing is
// dated after `today`. Internal to the demo.

#include "app/manual_clock.hpp"
#include "app/ports.hpp"

namespace redress::demo {

// `clock` is the store's clock; each record is made on the day it would have been.
core::Status SeedDemoOversight(app::Store& store, app::ManualClock& clock, core::Date today);

}  // namespace redress::demo
