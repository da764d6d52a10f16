// The composition root: chooses the adapters, wires them into the app and the CLI, and runs.

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>

#include "cli/cli.hpp"
#include "http/serve.hpp"
#include "main/allocator.hpp"
#include "main/system_clock.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace {

constexpr const char* kDefaultTimeZone = "Europe/London";

redress::core::Result<std::unique_ptr<redress::app::Store>> OpenStore(
    const std::string& database, const redress::app::Clock& clock,
    const redress::cli::AuditAnchorOptions& audit) {
  namespace common = redress::storage::common;
  common::CheckpointerOptions anchor;
  anchor.paths = common::AnchorPaths::Beside(database);
  if (!audit.key.empty()) anchor.paths.key = audit.key;
  if (!audit.checkpoints.empty()) anchor.paths.checkpoints = audit.checkpoints;
  anchor.interval = std::chrono::seconds(audit.checkpoint_interval);
  // A checkpoint that fails in the background does not stop the store: the database is the
  // record; the operator is told, and the next checkpoint anchors what this one missed.
  anchor.on_failure = [](const redress::core::Error& error) {
    std::cerr << "redress: audit checkpoint not written: " << error.message << '\n';
  };
  auto store = redress::storage::sqlite::SqliteStore::Open(
      database, clock, {}, redress::storage::sqlite::AuditAnchor{anchor, audit.read_only});
  if (!store) return tl::unexpected(store.error());
  return std::unique_ptr<redress::app::Store>(std::move(*store));
}

redress::core::Status ServeApi(const redress::cli::ServeOptions& options,
                               redress::app::Store& store, const redress::app::Clock& clock) {
  redress::http::ServerOptions server;
  server.host = options.host;
  server.port = static_cast<std::uint16_t>(options.port);
  server.threads = options.threads;
  if (options.handler_threads > 0) server.handler_threads = options.handler_threads;
  const redress::http::CookieSecurity cookie_security =
      options.secure_cookies ? redress::http::CookieSecurity::kHttpsOnly
                             : redress::http::CookieSecurity::kAnyTransport;
  return redress::http::Serve(server, cookie_security, options.web_root, store, clock);
}

}  // namespace

int main(int argc, char** argv) {
  redress::TuneAllocatorForServer();
  // Councils in England count days in UK time; TZ in the environment overrides it.
  setenv("TZ", kDefaultTimeZone, /*overwrite=*/0);
  tzset();
  redress::SystemClock clock;
  redress::cli::Dependencies dependencies{OpenStore, &clock, ServeApi};
  return redress::cli::Run(argc, argv, dependencies, std::cin, std::cout, std::cerr);
}
