// How many complaints per second the SQLite store takes through the LogComplaint use case, with
// durable (fsync'd) commits, from 1, 8 and 32 threads: the writes behind POST /api/v1/complaints
// without the HTTP layer. Prints one Markdown table row per run, for bench/RESULTS.md.
//
//   redress_store_bench [--seconds S] [--threads 1,8,32] [--max-writes-per-commit 64]
//                       [--dir DIRECTORY]
//
// Each run gets a fresh database with a small organisation (teams, service areas, categories,
// root causes) set up through the app's configuration use cases. Every thread then logs
// complaints, each from a different complainant (so the repeat check finds nothing, as for most
// complaints), for S seconds. The database directory must be on the disk being measured (not
// tmpfs): the point is the cost of fsync.

#include <fmt/format.h>
#include <stdlib.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "app/case_use_cases.hpp"
#include "app/manual_clock.hpp"
#include "app/organisation.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr double kDefaultSeconds = 10.0;
// Room reserved per thread for latencies, so that recording one allocates nothing while timed.
constexpr std::size_t kMaxComplaintsPerThreadPerSecond = 20000;
constexpr double kMicrosecondsPerMillisecond = 1000.0;
constexpr double kMedian = 0.50;
constexpr double kTail = 0.99;

// "Today" for the use cases; complaints are received a few days before.
const core::Date kToday = *core::Date::Parse("2025-03-31");
const core::Date kReceivedOn = *core::Date::Parse("2025-03-28");

struct Options {
  double seconds = kDefaultSeconds;
  std::vector<int> threads = {1, 8, 32};
  std::vector<std::size_t> max_writes_per_commit = {storage::sqlite::kDefaultMaxWritesPerCommit};
  std::string directory;
};

struct RunResult {
  int threads = 0;
  std::size_t max_writes_per_commit = 0;
  double seconds = 0;
  std::int64_t complaints = 0;
  std::int64_t failures = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  storage::sqlite::WriteStatistics statistics;
};

// The organisation a complaint needs: routing to a team, a category, root causes.
core::Status SetUpOrganisation(app::Store& store) {
  const app::Actor admin = app::SystemActor();
  return store.Write([&](app::Tx& tx) -> core::Status {
    for (const app::Team& team : {app::Team{"housing-services", "Housing Services"},
                                  app::Team{"independent", "Independent Complaints"},
                                  app::Team{"revenues", "Revenues and Benefits"}}) {
      if (auto saved = app::SaveTeamIn(tx, admin, kToday, team); !saved) return saved;
    }
    const app::OrganisationSettings settings{"Bench Borough Council",
                                             core::Division::kEnglandAndWales, "independent", ""};
    if (auto saved = app::SaveSettingsIn(tx, admin, kToday, settings); !saved) return saved;
    for (const app::ServiceArea& area :
         {app::ServiceArea{"housing", "Housing", "housing-services"},
          app::ServiceArea{"council-tax", "Council Tax", "revenues"}}) {
      if (auto saved = app::SaveServiceAreaIn(tx, admin, kToday, area); !saved) return saved;
    }
    for (const char* code : {"repairs", "damp-mould", "billing"}) {
      if (auto saved = app::SaveCategoryIn(tx, admin, kToday, {code, code, true}); !saved) {
        return saved;
      }
    }
    for (const char* code : {"delay", "poor-communication"}) {
      if (auto saved = app::SaveRootCauseIn(tx, admin, kToday, {code, code, true}); !saved) {
        return saved;
      }
    }
    return {};
  });
}

// The n-th complaint of a thread: a housing complaint by phone from its own complainant.
app::LogComplaintCommand Complaint(int thread, std::int64_t n) {
  app::LogComplaintCommand command;
  command.regime = core::Regime::kHousing;
  command.channel = core::Channel::kPhone;
  command.received_on = kReceivedOn;
  command.service_area = "housing";
  command.category = "damp-mould";
  command.summary = "Mould in the bedroom has come back";
  command.description =
      "The mould treated in March has come back in the back bedroom and the child is unwell.";
  command.complainant = {fmt::format("Resident {}-{}", thread, n),
                         fmt::format("resident-{}-{}@example.org", thread, n), "",
                         fmt::format("{} Bench Street, Demoton", n),
                         fmt::format("ZZ{} {}AB", thread % 100, n % 10)};
  return command;
}

double Percentile(std::vector<std::int64_t>& sorted_microseconds, double fraction) {
  if (sorted_microseconds.empty()) return 0;
  const auto index = static_cast<std::size_t>(fraction * (sorted_microseconds.size() - 1));
  return sorted_microseconds[index] / kMicrosecondsPerMillisecond;
}

core::Result<RunResult> Run(const Options& options, int threads,
                            std::size_t max_writes_per_commit) {
  const std::filesystem::path database =
      std::filesystem::path(options.directory) /
      fmt::format("bench-{}-threads-{}-per-commit.db", threads, max_writes_per_commit);
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(database.string() + suffix);
  }
  app::ManualClock clock(kToday);
  auto store = storage::sqlite::SqliteStore::Open(
      database.string(), clock, storage::sqlite::SqliteOptions{max_writes_per_commit});
  if (!store) return tl::unexpected(store.error());
  if (auto set_up = SetUpOrganisation(**store); !set_up) return tl::unexpected(set_up.error());
  app::OrganisationCache organisations;
  const app::CaseContext cases{**store, clock, organisations};
  const app::Actor officer{"officer", core::Role::kComplaintsOfficer, "housing-services"};
  const storage::sqlite::WriteStatistics before = (*store)->Statistics();

  const auto reserve = static_cast<std::size_t>(options.seconds * kMaxComplaintsPerThreadPerSecond);
  std::vector<std::vector<std::int64_t>> latencies(threads);
  for (auto& thread_latencies : latencies) thread_latencies.reserve(reserve);
  std::atomic<bool> stop = false;
  std::atomic<std::int64_t> failures = 0;
  std::vector<std::thread> workers;
  const Clock::time_point start = Clock::now();
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      for (std::int64_t n = 0; !stop.load(std::memory_order_relaxed); ++n) {
        const app::LogComplaintCommand command = Complaint(t, n);
        const Clock::time_point begun = Clock::now();
        auto logged = app::LogComplaint(cases, officer, command);
        const Clock::time_point ended = Clock::now();
        if (!logged) {
          ++failures;
          continue;
        }
        if (latencies[t].size() < latencies[t].capacity()) {
          latencies[t].push_back(
              std::chrono::duration_cast<std::chrono::microseconds>(ended - begun).count());
        }
      }
    });
  }
  std::this_thread::sleep_for(std::chrono::duration<double>(options.seconds));
  stop = true;
  for (std::thread& worker : workers) worker.join();
  const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();

  std::vector<std::int64_t> all;
  for (const auto& thread_latencies : latencies) {
    all.insert(all.end(), thread_latencies.begin(), thread_latencies.end());
  }
  std::sort(all.begin(), all.end());
  const storage::sqlite::WriteStatistics after = (*store)->Statistics();
  RunResult result;
  result.threads = threads;
  result.max_writes_per_commit = max_writes_per_commit;
  result.seconds = elapsed;
  result.complaints = static_cast<std::int64_t>(all.size());
  result.failures = failures;
  result.p50_ms = Percentile(all, kMedian);
  result.p99_ms = Percentile(all, kTail);
  result.statistics.commits = after.commits - before.commits;
  result.statistics.writes = after.writes - before.writes;
  result.statistics.failed_writes = after.failed_writes - before.failed_writes;
  result.statistics.largest_batch = after.largest_batch;
  store->reset();
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(database.string() + suffix);
  }
  return result;
}

std::string TemporaryDirectory() {
  std::string pattern = (std::filesystem::temp_directory_path() / "redress-bench-XXXXXX").string();
  return mkdtemp(pattern.data()) != nullptr ? pattern : std::string();
}

int Main(int argc, char** argv) {
  Options options;
  CLI::App app{"Complaints logged per second through the SQLite store, with durable commits"};
  app.add_option("--seconds", options.seconds, "how long each run logs complaints")
      ->check(CLI::PositiveNumber);
  app.add_option("--threads", options.threads, "thread counts to run, e.g. 1,8,32")->delimiter(',');
  app.add_option("--max-writes-per-commit", options.max_writes_per_commit,
                 "group commit caps to run, e.g. 1,64 (1 = a commit per complaint)")
      ->delimiter(',');
  app.add_option("--dir", options.directory,
                 "where the databases go (default: a new temporary directory); not tmpfs");
  CLI11_PARSE(app, argc, argv);

  const bool own_directory = options.directory.empty();
  if (own_directory) options.directory = TemporaryDirectory();
  if (options.directory.empty()) {
    fmt::print(stderr, "cannot create a temporary directory\n");
    return 1;
  }
  fmt::print(
      "| threads | writes/commit cap | complaints/s | p50 ms | p99 ms | complaints | "
      "commits | mean writes/commit |\n");
  fmt::print("|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  int status = 0;
  for (std::size_t cap : options.max_writes_per_commit) {
    for (int threads : options.threads) {
      auto result = Run(options, threads, cap);
      if (!result) {
        fmt::print(stderr, "run with {} threads, cap {} failed: {}\n", threads, cap,
                   result.error().message);
        status = 1;
        continue;
      }
      const double per_commit =
          result->statistics.commits > 0
              ? static_cast<double>(result->statistics.writes) / result->statistics.commits
              : 0;
      fmt::print("| {} | {} | {:.0f} | {:.2f} | {:.2f} | {} | {} | {:.1f} |\n", threads, cap,
                 result->complaints / result->seconds, result->p50_ms, result->p99_ms,
                 result->complaints, result->statistics.commits, per_commit);
      if (result->failures > 0) {
        fmt::print(stderr, "{} complaints failed to log\n", result->failures);
        status = 1;
      }
      std::fflush(stdout);
    }
  }
  if (own_directory) std::filesystem::remove_all(options.directory);
  return status;
}

}  // namespace
}  // namespace redress::bench

int main(int argc, char** argv) { return redress::bench::Main(argc, argv); }
