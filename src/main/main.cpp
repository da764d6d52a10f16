// The composition root: chooses the adapters, wires them into the app and the CLI, and runs.

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <iostream>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/outbox_worker.hpp"
#include "app/periodic_loop.hpp"
#include "app/reminders.hpp"
#include "cli/cli.hpp"
#include "core/reminders.hpp"
#include "files/clamd_scanner.hpp"
#include "files/local_file_store.hpp"
#include "files/magic_media_types.hpp"
#include "files/zip_archive.hpp"
#include "http/correspondence_admin_handlers.hpp"
#include "http/letter_handlers.hpp"
#include "http/serve.hpp"
#include "mail/smtp_mailer.hpp"
#include "main/allocator.hpp"
#include "main/system_clock.hpp"
#include "oidc/oidc_provider.hpp"
#include "passwords/pwquality_password_policy.hpp"
#include "portal/key_file.hpp"
#include "portal/portal.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#ifdef REDRESS_WITH_POSTGRES
#include "storage/postgres/postgres_store.hpp"
#include "storage/transfer/database_copy.hpp"
#endif

namespace {

constexpr const char* kDefaultTimeZone = "Europe/London";

// The engine is chosen by what --db names: a postgresql:// (or postgres://) URL is a PostgreSQL
// database, anything else the path of a SQLite file.
bool IsPostgresUrl(std::string_view database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

// A PostgreSQL database has no file to keep its audit anchor beside: the chain is anchored when
// both --audit-key and --audit-checkpoints name where, and is otherwise verified in the database
// alone (audit verify says so).
redress::core::Result<std::unique_ptr<redress::app::Store>> OpenPostgresStore(
    const std::string& url, const redress::app::Clock& clock, redress::app::OpenMode mode,
    const redress::cli::AuditAnchorOptions& audit,
    std::function<void(const redress::core::Error&)> on_failure) {
#ifdef REDRESS_WITH_POSTGRES
  namespace postgres = redress::storage::postgres;
  std::optional<postgres::PostgresAuditAnchor> anchor;
  if (!audit.key.empty() && !audit.checkpoints.empty()) {
    redress::storage::common::CheckpointerOptions checkpointer;
    checkpointer.paths.key = audit.key;
    checkpointer.paths.checkpoints = audit.checkpoints;
    checkpointer.interval = std::chrono::seconds(audit.checkpoint_interval);
    checkpointer.on_failure = std::move(on_failure);
    anchor = postgres::PostgresAuditAnchor{std::move(checkpointer), audit.read_only};
  }
  postgres::PostgresOptions options;
  options.open_mode = mode;
  auto store = postgres::PostgresStore::Open(url, clock, options, std::move(anchor));
  if (!store) return tl::unexpected(store.error());
  return std::unique_ptr<redress::app::Store>(std::move(*store));
#else
  (void)url, (void)clock, (void)mode, (void)audit, (void)on_failure;
  return redress::core::Fail(redress::core::ErrorCode::kInvalidInput,
                             "this redress was built without PostgreSQL (REDRESS_WITH_POSTGRES)");
#endif
}

// The one place a store is opened: every command's --db comes here.
redress::core::Result<std::unique_ptr<redress::app::Store>> OpenStore(
    const std::string& database, const redress::app::Clock& clock, redress::app::OpenMode mode,
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
  if (IsPostgresUrl(database)) {
    return OpenPostgresStore(database, clock, mode, audit, anchor.on_failure);
  }
  redress::storage::sqlite::SqliteOptions options;
  options.open_mode = mode;
  auto store = redress::storage::sqlite::SqliteStore::Open(
      database, clock, options, redress::storage::sqlite::AuditAnchor{anchor, audit.read_only});
  if (!store) return tl::unexpected(store.error());
  return std::unique_ptr<redress::app::Store>(std::move(*store));
}

// `redress migrate`: from a SQLite file into an empty PostgreSQL database, or from a PostgreSQL
// database into a new SQLite file.
redress::core::Result<std::vector<redress::cli::CopiedTableCount>> CopyDatabase(
    const std::string& from, const std::string& to, const redress::app::Clock& clock) {
#ifdef REDRESS_WITH_POSTGRES
  if (IsPostgresUrl(from) == IsPostgresUrl(to)) {
    return redress::core::Fail(redress::core::ErrorCode::kInvalidInput,
                               "migrate copies between the engines: a SQLite database (PATH or "
                               "sqlite:PATH) and a PostgreSQL one (postgresql://...)");
  }
  auto copies = IsPostgresUrl(to)
                    ? redress::storage::transfer::CopySqliteToPostgres(from, to, clock)
                    : redress::storage::transfer::CopyPostgresToSqlite(from, to, clock);
  if (!copies) return tl::unexpected(copies.error());
  std::vector<redress::cli::CopiedTableCount> counts;
  for (const auto& copy : *copies) counts.push_back({copy.table, copy.rows});
  return counts;
#else
  (void)from, (void)to, (void)clock;
  return redress::core::Fail(redress::core::ErrorCode::kInvalidInput,
                             "this redress was built without PostgreSQL (REDRESS_WITH_POSTGRES)");
#endif
}

redress::core::Status ServeApi(const redress::cli::ServeOptions& options,
                               redress::app::Store& store, const redress::app::Clock& clock,
                               const redress::app::PasswordPolicy& password_policy,
                               redress::app::IdentityProvider& identity_provider) {
  redress::http::ServerOptions server;
  server.host = options.host;
  server.port = static_cast<std::uint16_t>(options.port);
  server.threads = options.threads;
  if (options.handler_threads > 0) server.handler_threads = options.handler_threads;
  if (options.max_connections > 0) server.max_connections = options.max_connections;
  server.disposal_poll = std::chrono::seconds(options.disposal_poll_seconds);
  if (options.idle_timeout_seconds > 0) {
    server.idle_timeout = std::chrono::seconds(options.idle_timeout_seconds);
  }
  const redress::http::CookieSecurity cookie_security =
      options.secure_cookies || options.behind_tls ? redress::http::CookieSecurity::kHttpsOnly
                                                   : redress::http::CookieSecurity::kAnyTransport;
  const redress::http::TransportSecurity transport =
      options.behind_tls ? redress::http::TransportSecurity::kBehindTls
                         : redress::http::TransportSecurity::kPlainHttp;
  redress::http::LogSink log = redress::http::StdoutLogSink();
  if (!options.log_file.empty()) {
    auto file_log = redress::http::FileLogSink(options.log_file);
    if (!file_log) return tl::unexpected(file_log.error());
    log = std::move(*file_log);
  }
  auto files = redress::files::LocalFileStore::Create(options.files_directory);
  if (!files) return tl::unexpected(files.error());
  auto detector = redress::files::MagicMediaTypes::Open();
  if (!detector) return tl::unexpected(detector.error());
  std::optional<redress::files::ClamdScanner> scanner;
  if (!options.clamd_socket.empty()) scanner.emplace(options.clamd_socket);
  redress::files::ZipArchiveWriter archive;
  const redress::http::AttachmentPorts attachments{files->get(), detector->get(),
                                                   scanner ? &*scanner : nullptr, &archive};
  // The letters' email: a worker thread sends the outbox through the relay while the server runs.
  std::unique_ptr<redress::mail::SmtpMailer> mailer;
  std::unique_ptr<redress::app::OutboxWorker> worker;
  std::unique_ptr<redress::app::PeriodicLoop> loop;
  std::unique_ptr<redress::app::PeriodicLoop> reminders;
  if (!options.smtp_url.empty()) {
    redress::mail::SmtpOptions smtp;
    smtp.relay_url = options.smtp_url;
    smtp.from = options.mail_from;
    smtp.tls = options.smtp_tls == "starttls"   ? redress::mail::SmtpTls::kStartTls
               : options.smtp_tls == "implicit" ? redress::mail::SmtpTls::kImplicit
                                                : redress::mail::SmtpTls::kNone;
    mailer = std::make_unique<redress::mail::SmtpMailer>(smtp);
    redress::app::OutboxWorkerOptions outbox;
    outbox.token = redress::app::NewWorkerToken();
    constexpr std::int64_t kSecondsPerHour = 3600;
    outbox.retry.first_delay_seconds = options.outbox_retry_seconds;
    outbox.lease_seconds = options.outbox_lease_seconds;
    outbox.retry.give_up_after_seconds = options.outbox_give_up_hours * kSecondsPerHour;
    worker = std::make_unique<redress::app::OutboxWorker>(store, clock, *mailer, outbox);
    loop = std::make_unique<redress::app::PeriodicLoop>(
        std::chrono::milliseconds(options.outbox_poll_milliseconds),
        [&worker]() -> redress::core::Result<bool> {
          auto run = worker->RunOnce();
          if (!run) return tl::unexpected(run.error());
          return run->sent + run->retried + run->failed > 0;
        },
        [](const redress::core::Error& error) {
          std::cerr << "redress: outbox: " << error.message << '\n';
        });
    // Staff digests go through the same outbox, so only where a relay can send them.
    redress::app::ReminderSettings settings;
    settings.hours = redress::core::ParseOfficeHours(options.office_hours).value_or(settings.hours);
    settings.app_url = options.app_url;
    while (!settings.app_url.empty() && settings.app_url.back() == '/') settings.app_url.pop_back();
    reminders = std::make_unique<redress::app::PeriodicLoop>(
        std::chrono::seconds(options.reminders_poll_seconds),
        [&store, &clock, settings]() -> redress::core::Result<bool> {
          auto run = redress::app::QueueReminderDigests(
              store, clock, settings, redress::app::LocalTimeOf(clock.NowUnixSeconds()));
          if (!run) return tl::unexpected(run.error());
          return false;  // the next check is the next interval's: one pass queues the day's
        },
        [](const redress::core::Error& error) {
          std::cerr << "redress: reminders: " << error.message << '\n';
        });
  }
  // The resident's public service on the same router, its one-time codes sent through the relay.
  redress::portal::PortalOptions portal_options;
  portal_options.base_path = options.portal_path;
  portal_options.assets_dir = options.portal_assets;
  if (portal_options.assets_dir.empty()) {
    std::error_code ignored;
    portal_options.assets_dir =
        std::filesystem::read_symlink("/proc/self/exe", ignored).parent_path() / "portal-assets";
  }
  portal_options.session_idle_seconds = std::int64_t{options.portal_session_minutes} * 60;
  portal_options.complaint.regime =
      redress::core::ParseRegime(options.portal_regime).value_or(redress::core::Regime::kCorporate);
  portal_options.code_lifetime_seconds = options.portal_code_seconds;
  portal_options.complaint.category = options.portal_category;
  portal_options.complaint.mail_domain = std::string(redress::http::kLetterMailDomain);
  portal_options.other_ways = options.portal_other_ways;
  portal_options.privacy_notice = options.portal_privacy_notice;
  portal_options.cookie_security = cookie_security;
  portal_options.submissions_per_hour = options.portal_submissions_per_hour;
  portal_options.forms_with_files_per_hour = options.portal_forms_per_hour;
  if (!options.portal_key.empty()) {
    auto key = redress::portal::LoadOrCreateKeyFile(options.portal_key);
    if (!key) return tl::unexpected(key.error());
    portal_options.code_key = std::move(*key);
  } else {
    std::cerr << "redress: portal: no --portal-key: one-time codes work only on this instance\n";
  }
  redress::portal::Portal portal(
      store, clock, mailer.get(), portal_options,
      [](const std::string& message) { std::cerr << "redress: portal: " << message << '\n'; });
  auto served = redress::http::Serve(
      server, cookie_security, transport, options.web_root, log, store, clock, password_policy,
      attachments, identity_provider,
      [&](redress::http::Router& router, const redress::app::AttachmentContext& attachments) {
        portal.Register(router, attachments);
        // The admin page's view of how mail goes, and the office hours the flag gives.
        redress::http::MailSettings mail;
        mail.sender = options.mail_from;
        mail.relay_url = options.smtp_url;
        mail.tls = options.smtp_tls;
        mail.office_hours = redress::core::ParseOfficeHours(options.office_hours)
                                .value_or(redress::core::OfficeHours{});
        redress::http::RegisterMailAdminRoutes(router, store, clock, mailer.get(), std::move(mail));
      });
  if (reminders) reminders->Stop();
  if (loop) loop->Stop();
  return served;
}

}  // namespace

int main(int argc, char** argv) {
  redress::TuneAllocatorForServer();
  // A write past a file-size limit (ulimit -f) then fails with EFBIG, which the store reports as
  // a storage error like a full disk, instead of the signal killing the process mid-commit.
  std::signal(SIGXFSZ, SIG_IGN);
  // Councils in England count days in UK time; TZ in the environment overrides it.
  setenv("TZ", kDefaultTimeZone, /*overwrite=*/0);
  tzset();
  redress::SystemClock clock;
  const redress::passwords::PwqualityPasswordPolicy password_policy;
  // The organisation's OpenID Connect provider: one for the process, so its caches of the
  // discovery document and the keys serve every sign-in.
  redress::oidc::OidcProvider identity_provider(clock);
  const auto serve = [&password_policy, &identity_provider](
                         const redress::cli::ServeOptions& options, redress::app::Store& store,
                         const redress::app::Clock& serve_clock) {
    return ServeApi(options, store, serve_clock, password_policy, identity_provider);
  };
  redress::cli::Dependencies dependencies{OpenStore, &clock, &password_policy, serve,
                                          &identity_provider};
  dependencies.copy_database = CopyDatabase;
  dependencies.open_files = [](const std::string& directory)
      -> redress::core::Result<std::unique_ptr<redress::app::FileStore>> {
    auto files = redress::files::LocalFileStore::Create(directory);
    if (!files) return tl::unexpected(files.error());
    return std::unique_ptr<redress::app::FileStore>(std::move(*files));
  };
  redress::files::ZipArchiveWriter archive;
  dependencies.archive = &archive;
  return redress::cli::Run(argc, argv, dependencies, std::cin, std::cout, std::cerr);
}
