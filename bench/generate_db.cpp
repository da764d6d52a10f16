// Generates the load benchmark's database: the demo council (its organisation, users and history)
// plus as many further complaints as asked, one million by default, logged through the
// LogComplaint use case in large transactions (one Write per batch: one commit and one fsync per
// batch, not per complaint).
//
//   redress_generate_db --db PATH [--complaints 1000000] [--batch 5000]
//
// Complaints spread over the demo's service areas and categories and the year before the demo's
// "today" (2022-06-30); each has its own complainant (no repeats) and a summary drawn from a small
// vocabulary, so that free-text search has both rare and common words to find. Prints progress
// and the time taken.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <array>
#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/case_use_cases.hpp"
#include "app/manual_clock.hpp"
#include "app/organisation.hpp"
#include "demo/demo.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr std::int64_t kDefaultComplaints = 1'000'000;
constexpr std::int64_t kDefaultBatch = 5'000;
constexpr std::uint64_t kDemoSeed = 2;
constexpr int kDaysOfHistory = 365;
constexpr std::int64_t kProgressEvery = 100'000;
const core::Date kToday = *core::Date::Parse("2022-06-30");

constexpr std::array<std::string_view, 12> kProblems = {
    "mould",   "leak",        "boiler", "rubbish", "pothole", "noise",
    "parking", "streetlight", "fence",  "heating", "damp",    "graffiti"};
constexpr std::array<std::string_view, 8> kPlaces = {"bedroom",  "kitchen",  "stairwell", "garden",
                                                     "car park", "bathroom", "hallway",   "street"};

struct Options {
  std::string database;
  std::int64_t complaints = kDefaultComplaints;
  std::int64_t batch = kDefaultBatch;
};

app::LogComplaintCommand ComplaintNumber(std::int64_t n, const std::vector<std::string>& areas,
                                         const std::vector<std::string>& categories) {
  const auto index = static_cast<std::size_t>(n);
  app::LogComplaintCommand command;
  command.service_area = areas[index % areas.size()];
  command.regime =
      command.service_area == "housing" ? core::Regime::kHousing : core::Regime::kCorporate;
  command.channel = core::Channel::kEmail;
  command.received_on = kToday.AddDays(-static_cast<int>(index % kDaysOfHistory));
  command.category = categories[index / areas.size() % categories.size()];
  const std::string_view problem = kProblems[index % kProblems.size()];
  const std::string_view place = kPlaces[index / kProblems.size() % kPlaces.size()];
  command.summary = fmt::format("{} in the {} again", problem, place);
  command.description =
      fmt::format("Complaint {} about the {} in the {}: reported before and still not fixed.", n,
                  problem, place);
  command.complainant = {fmt::format("Bench Resident {}", n),
                         fmt::format("resident{}@example.org", n), "", "", ""};
  return command;
}

core::Status Generate(const Options& options) {
  app::ManualClock clock(kToday);
  auto store = storage::sqlite::SqliteStore::Open(options.database, clock);
  if (!store) return tl::unexpected(store.error());
  const SteadyClock::time_point started = SteadyClock::now();
  auto demo = demo::BuildDemo(**store, clock, demo::DemoOptions{kDemoSeed, kToday});
  if (!demo) return tl::unexpected(demo.error());
  clock.Set(kToday, 0);
  fmt::print("demo council: {} complaints in {:.1f} s\n", demo->complaints,
             std::chrono::duration<double>(SteadyClock::now() - started).count());

  const app::Actor officer{"amira.khan", core::Role::kComplaintsOfficer, ""};
  std::int64_t logged = 0;
  while (logged < options.complaints) {
    const std::int64_t end = std::min(options.complaints, logged + options.batch);
    auto written = (*store)->Write([&](app::Tx& tx) -> core::Status {
      auto organisation = app::LoadOrganisation(tx);
      if (!organisation) return tl::unexpected(organisation.error());
      std::vector<std::string> areas;
      for (const auto& [code, area] : organisation->service_areas) areas.push_back(code);
      std::vector<std::string> categories(organisation->categories.begin(),
                                          organisation->categories.end());
      for (std::int64_t n = logged; n < end; ++n) {
        auto complaint = app::LogComplaintIn(tx, *organisation, officer, kToday,
                                             ComplaintNumber(n, areas, categories));
        if (!complaint) return tl::unexpected(complaint.error());
      }
      return {};
    });
    if (!written) return written;
    if (end / kProgressEvery != logged / kProgressEvery) {
      fmt::print("{} complaints in {:.1f} s\n", end,
                 std::chrono::duration<double>(SteadyClock::now() - started).count());
      std::fflush(stdout);
    }
    logged = end;
  }
  fmt::print("done: {} complaints added in {:.1f} s\n", logged,
             std::chrono::duration<double>(SteadyClock::now() - started).count());
  return {};
}

}  // namespace
}  // namespace redress::bench

int main(int argc, char** argv) {
  redress::bench::Options options;
  CLI::App app("Generates the load benchmark's database");
  app.add_option("--db", options.database, "database file to create")->required();
  app.add_option("--complaints", options.complaints, "complaints to add to the demo council")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{100'000'000}));
  app.add_option("--batch", options.batch, "complaints per transaction")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{1'000'000}));
  CLI11_PARSE(app, argc, argv);
  if (auto generated = redress::bench::Generate(options); !generated) {
    fmt::print(stderr, "redress_generate_db: {}\n", generated.error().message);
    return 1;
  }
  return 0;
}
