// The composition root: chooses the adapters, wires them into the app and the CLI, and runs.

#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cli.hpp"
#include "main/system_clock.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

constexpr const char* kDefaultTimeZone = "Europe/London";

redress::core::Result<std::unique_ptr<redress::app::Store>> OpenStore(
    const std::string& database, const redress::app::Clock& clock) {
  auto store = redress::storage::sqlite::SqliteStore::Open(database, clock);
  if (!store) return tl::unexpected(store.error());
  return std::unique_ptr<redress::app::Store>(std::move(*store));
}

}  // namespace

int main(int argc, char** argv) {
  // Councils in England count days in UK time; TZ in the environment overrides it.
  setenv("TZ", kDefaultTimeZone, /*overwrite=*/0);
  tzset();
  redress::SystemClock clock;
  redress::cli::Dependencies dependencies{OpenStore, &clock};
  return redress::cli::Run(argc, argv, dependencies, std::cin, std::cout, std::cerr);
}
