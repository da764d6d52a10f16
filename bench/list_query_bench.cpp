// How long the SQLite store takes to answer complaint lists, free-text searches and counts by
// status on a big database, one query at a time: the reads behind GET /api/v1/complaints without
// the HTTP layer, so that a query plan can be judged on its own. Prints one Markdown table row per
// query shape (median and 99th percentile of the elapsed time over the repeats, median CPU time
// of the thread, rows returned), and with --plans the query plan of each list. The CPU time is
// the figure to compare on a busy machine: it leaves out the time waiting for a core.
//
//   redress_list_bench --db DATABASE [--repeats N] [--plans] [--only SUBSTRING]
//
// DATABASE is migrated on opening (as `redress serve` would), so give it a copy. The shapes are
// those of bench/wrk/list.lua and search.lua, as the API asks them (one row more than the page,
// visible to the team of the benchmark's user), the counts of the metrics endpoint and of a
// dashboard, and a few other common lists.

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <functional>
#include <string>
#include <vector>

#include "app/manual_clock.hpp"
#include "app/ports.hpp"
#include "main/allocator.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::bench {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int kDefaultRepeats = 50;
constexpr double kMicrosecondsPerMillisecond = 1000.0;
constexpr double kMedian = 0.50;
constexpr double kTail = 0.99;
// The API reads one row more than the page, to know whether another page follows.
constexpr int kListPage = 50 + 1;
constexpr int kSearchPage = 20 + 1;
// The team of the load benchmark's user (amira.khan): every API list is visible to it.
constexpr std::string_view kTeam = "housing-services";

const core::Date kToday = *core::Date::Parse("2022-06-30");

core::Date D(std::string_view iso) { return *core::Date::Parse(iso); }

struct Shape {
  std::string name;
  app::ComplaintQuery query;
  bool count = false;  // CountByStatus instead of ListComplaints
};

app::ComplaintQuery Visible(int limit) {
  app::ComplaintQuery query;
  query.limit = limit;
  query.visible_to_team = std::string(kTeam);
  return query;
}

app::ComplaintQuery Search(std::string_view text) {
  app::ComplaintQuery query = Visible(kSearchPage);
  query.text = std::string(text);
  return query;
}

std::vector<Shape> Shapes() {
  std::vector<Shape> shapes;
  const auto list = [&shapes](std::string name,
                              const std::function<void(app::ComplaintQuery&)>& set) {
    app::ComplaintQuery query = Visible(kListPage);
    set(query);
    shapes.push_back({std::move(name), std::move(query)});
  };
  // bench/wrk/list.lua
  list("status=in_progress&service_area=housing", [](app::ComplaintQuery& q) {
    q.status = core::CaseStatus::kInProgress;
    q.service_area = "housing";
  });
  list("status=awaiting_acknowledgement&sort=due_on", [](app::ComplaintQuery& q) {
    q.status = core::CaseStatus::kAwaitingAcknowledgement;
    q.sort = app::ComplaintSort::kDueOn;
  });
  list("service_area=environment&received 2022-01-01..2022-03-31", [](app::ComplaintQuery& q) {
    q.service_area = "environment";
    q.received_from = D("2022-01-01");
    q.received_to = D("2022-03-31");
  });
  list("stage=2", [](app::ComplaintQuery& q) { q.stage = 2; });
  list("regime=housing&received_from=2022-06-01&sort=received_on", [](app::ComplaintQuery& q) {
    q.regime = core::Regime::kHousing;
    q.received_from = D("2022-06-01");
    q.sort = app::ComplaintSort::kReceivedOn;
  });
  // bench/wrk/search.lua
  for (std::string_view text :
       {"mould kitchen", "boiler", "graffiti stairwell", "leak bath", "pothole street", "noise",
        "streetlight car park", "heating hallway"}) {
    shapes.push_back({"text=" + std::string(text), Search(text)});
  }
  // Other searches: descending, a later page, a rare word, a word with a filter.
  app::ComplaintQuery descending = Search("boiler");
  descending.direction = app::SortDirection::kDescending;
  shapes.push_back({"text=boiler&sort=-reference", descending});
  app::ComplaintQuery later = Search("boiler");
  later.after = app::ComplaintCursor{"", "CMP-2021-400000"};
  shapes.push_back({"text=boiler&cursor=CMP-2021-400000", later});
  shapes.push_back({"text=complaint 498514", Search("complaint 498514")});
  app::ComplaintQuery filtered = Search("boiler");
  filtered.service_area = "housing";
  shapes.push_back({"text=boiler&service_area=housing", filtered});
  app::ComplaintQuery by_date = Search("boiler");
  by_date.sort = app::ComplaintSort::kReceivedOn;
  shapes.push_back({"text=boiler&sort=received_on", by_date});
  // Finding people (issue 18): a generated complainant's full name and e-mail (the generator
  // numbers them from 1, so these exist in any database of 40,000 or more), a word of every
  // generated complainant's name, a demo complainant's surname, and a demo complainant's phone
  // and postcode (seed 2) as typed with spaces.
  for (std::string_view text : {"Bench Resident 40000", "resident40000@example.org", "Resident",
                                "Rahman", "07700 930460", "ZZ1 2JZ"}) {
    shapes.push_back({"text=" + std::string(text), Search(text)});
  }
  // Other lists.
  list("(no filter)", [](app::ComplaintQuery&) {});
  list("sort=due_on", [](app::ComplaintQuery& q) { q.sort = app::ComplaintSort::kDueOn; });
  list("overdue=true&sort=due_on", [](app::ComplaintQuery& q) {
    q.due_before = kToday;
    q.sort = app::ComplaintSort::kDueOn;
  });
  list("team=housing-services", [](app::ComplaintQuery& q) { q.team = "housing-services"; });
  list("team=housing-services&status=in_progress", [](app::ComplaintQuery& q) {
    q.team = "housing-services";
    q.status = core::CaseStatus::kInProgress;
  });
  list("handler=amira.khan", [](app::ComplaintQuery& q) { q.handler = "amira.khan"; });
  list("category=repairs", [](app::ComplaintQuery& q) { q.category = "repairs"; });
  list("service_area=housing&sort=-received_on", [](app::ComplaintQuery& q) {
    q.service_area = "housing";
    q.sort = app::ComplaintSort::kReceivedOn;
    q.direction = app::SortDirection::kDescending;
  });
  // Counts: the metrics endpoint's two, and a team's and a service area's dashboards.
  app::ComplaintQuery overdue;
  overdue.due_before = kToday;
  shapes.push_back({"count: all", app::ComplaintQuery{}, true});
  shapes.push_back({"count: overdue", overdue, true});
  app::ComplaintQuery team = Visible(kListPage);
  team.team = "housing-services";
  shapes.push_back({"count: team=housing-services", team, true});
  app::ComplaintQuery area = Visible(kListPage);
  area.service_area = "housing";
  shapes.push_back({"count: service_area=housing", area, true});
  return shapes;
}

// The CPU time this thread has used, in microseconds.
double ThreadCpuMicroseconds() {
  constexpr double kMicrosecondsPerSecond = 1e6;
  constexpr double kNanosecondsPerMicrosecond = 1e3;
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * kMicrosecondsPerSecond +
         static_cast<double>(now.tv_nsec) / kNanosecondsPerMicrosecond;
}

double Percentile(std::vector<double> values, double fraction) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  return values[index];
}

int Run(const std::string& path, int repeats, bool plans, const std::string& only) {
  app::ManualClock clock(kToday);
  auto store = storage::sqlite::SqliteStore::Open(path, clock);
  if (!store) {
    fmt::print(stderr, "{}\n", store.error().message);
    return 1;
  }
  fmt::print("| query | rows | p50 ms | p99 ms | CPU p50 ms |\n|---|---:|---:|---:|---:|\n");
  for (const Shape& shape : Shapes()) {
    if (!only.empty() && shape.name.find(only) == std::string::npos) continue;
    std::vector<double> milliseconds;
    std::vector<double> cpu_milliseconds;
    std::size_t rows = 0;
    // One run more than measured: the first warms the page cache and the statement cache.
    for (int run = 0; run <= repeats; ++run) {
      const Clock::time_point start = Clock::now();
      const double cpu_start = ThreadCpuMicroseconds();
      const core::Status read = (*store)->Read([&](app::Tx& tx) -> core::Status {
        if (shape.count) {
          auto counts = tx.Complaints().CountByStatus(shape.query);
          if (!counts) return tl::unexpected(counts.error());
          rows = counts->size();
        } else {
          auto listed = tx.Complaints().List(shape.query);
          if (!listed) return tl::unexpected(listed.error());
          rows = listed->size();
        }
        return {};
      });
      const auto elapsed =
          std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start);
      const double cpu = ThreadCpuMicroseconds() - cpu_start;
      if (!read) {
        fmt::print(stderr, "{}: {}\n", shape.name, read.error().message);
        return 1;
      }
      if (run > 0) {
        milliseconds.push_back(static_cast<double>(elapsed.count()) / kMicrosecondsPerMillisecond);
        cpu_milliseconds.push_back(cpu / kMicrosecondsPerMillisecond);
      }
    }
    fmt::print("| {} | {} | {:.2f} | {:.2f} | {:.2f} |\n", shape.name, rows,
               Percentile(milliseconds, kMedian), Percentile(milliseconds, kTail),
               Percentile(cpu_milliseconds, kMedian));
    if (plans && !shape.count) {
      auto plan = (*store)->ExplainComplaintList(shape.query);
      if (plan) fmt::print("{}", *plan);
    }
  }
  return 0;
}

}  // namespace
}  // namespace redress::bench

int main(int argc, char** argv) {
  // As `redress serve` runs, so that the figures are the queries' own.
  redress::TuneAllocatorForServer();
  CLI::App app{"Times complaint lists, searches and counts on a SQLite database"};
  std::string path;
  int repeats = redress::bench::kDefaultRepeats;
  bool plans = false;
  std::string only;
  app.add_option("--db", path, "the database (migrated on opening: use a copy)")->required();
  app.add_option("--repeats", repeats, "timed runs of each query")->check(CLI::PositiveNumber);
  app.add_flag("--plans", plans, "print each list's query plan");
  app.add_option("--only", only, "only the queries whose name contains this");
  CLI11_PARSE(app, argc, argv);
  return redress::bench::Run(path, repeats, plans, only);
}
