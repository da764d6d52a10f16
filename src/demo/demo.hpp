#pragma once

// The demo council: a realistic multi-year complaints history built through the same use cases as
// real work, for `make demo`, manual testing and the report tests.
//
// It looks like the council in shared/seeds/: service areas from Housing to Planning, an
// independent complaints team that takes Housing's stage 2 complaints since April 2024, users in
// every role, and complaints from 1 April 2021 up to "today" in every regime. Housing's figures
// match the seed council's Cabinet report: 371 stage 1 complaints in 2022/23 and 284 in 2023/24,
// and 21 and 39 escalations to stage 2. Counting rule: a complaint counts in the financial year
// its stage started (received, or escalation requested), whatever happened to it afterwards.

#include <cstdint>
#include <string>
#include <vector>

#include "app/manual_clock.hpp"
#include "app/ports.hpp"

namespace redress::demo {

inline constexpr int kDemoFirstFinancialYear = 2021;

struct DemoOptions {
  std::uint64_t seed = 1;
  core::Date today;  // history is simulated up to and including this day
};

struct DemoSignIn {
  std::string username;
  std::string role;
  std::string team;
  std::string password;
};

struct DemoResult {
  std::string organisation;
  std::int64_t complaints = 0;
  std::int64_t service_requests = 0;
  std::vector<DemoSignIn> sign_ins;
};

// Fills an empty database. `clock` must be the clock the store was opened with: the demo sets it
// to each simulated day. The same seed and today give the same database, byte for byte in every
// table. Fails with kConflict when the database already holds complaints.
core::Result<DemoResult> BuildDemo(app::Store& store, app::ManualClock& clock,
                                   const DemoOptions& options);

// The planned number of housing stage 1 complaints received, and of stage 2 escalations
// requested, in financial year `year` (for the full years the demo covers).
int DemoHousingStage1(int year);
int DemoHousingStage2(int year);

}  // namespace redress::demo
