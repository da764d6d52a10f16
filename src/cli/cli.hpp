#pragma once

// The command line: parses arguments with CLI11, calls the app, prints, and returns the exit
// code. Exit codes come from one mapping (ExitCodeFor) so scripts can rely on them.

#include <functional>
#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

#include "app/file_store.hpp"
#include "app/identity_provider.hpp"
#include "app/password_policy.hpp"
#include "app/ports.hpp"
#include "app/subject_access_bundle.hpp"

namespace redress::cli {

// How often `redress serve` checkpoints the audit chain's head when it moved, by default.
inline constexpr int kDefaultCheckpointIntervalSeconds = 60;

// Where the audit trail is anchored outside the database (docs/audit-trail.md). Every command
// with --db takes --audit-key and --audit-checkpoints (or REDRESS_AUDIT_KEY and
// REDRESS_AUDIT_CHECKPOINTS), so that a command writing to a database anchors it where its
// server does.
struct AuditAnchorOptions {
  std::string key;          // empty: beside the database (<db>.audit-key)
  std::string checkpoints;  // empty: beside the database (<db>.audit-checkpoints)
  bool read_only = false;   // read the checkpoints, write none (audit verify)
  // Seconds between checkpoints while the store is open; 0: only when the command lets the
  // store go, if it wrote.
  int checkpoint_interval = 0;
};

// Opens and migrates the database named by --db, anchoring its audit trail as `audit` says;
// creates it only when `mode` is kCreate.
using StoreOpener = std::function<core::Result<std::unique_ptr<app::Store>>(
    const std::string& database, const app::Clock& clock, app::OpenMode mode,
    const AuditAnchorOptions& audit)>;

// What `redress serve` is asked for.
struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;
  int threads = 0;               // 0 = one per hardware thread
  int handler_threads = 0;       // 0 = the server's default (enough for group commit to group)
  int max_connections = 0;       // 0 = the server's default
  int idle_timeout_seconds = 0;  // 0 = the server's default
  bool secure_cookies = false;   // mark the session cookie Secure (https only)
  // The server sits behind a TLS-terminating proxy: the session cookie is Secure and every answer
  // carries Strict-Transport-Security.
  bool behind_tls = false;
  std::string web_root = "web/dist";  // the built web application; the API alone without it
  // Where staff reach the web app ("https://complaints.council.example"), before the links of the
  // reminder digests; "" leaves them as paths.
  std::string app_url;
  // Where the JSON log lines (start, one per request, stop) go: "" = standard output.
  std::string log_file;
  int checkpoint_interval = kDefaultCheckpointIntervalSeconds;  // of the audit chain, seconds
  // Where attached files are kept (docs/attachments.md); "" = beside the database file,
  // "<database>.files". A database named by URL needs it set.
  std::string files_directory;
  // ClamAV's clamd LocalSocket; "" = no scanner (files are marked not_scanned).
  std::string clamd_socket;
  // The letters' email (issue 15): with a relay, a worker thread sends the outbox through it.
  std::string smtp_url;   // "smtp://relay:587"; empty = no email is sent (letters stay queued)
  std::string mail_from;  // the sender's address
  std::string smtp_tls = "none";  // none, starttls, implicit
  int outbox_poll_milliseconds = 1000;
  int outbox_give_up_hours = 48;  // a message not sent by then is failed
  int outbox_retry_seconds = 30;  // the first retry's delay; it doubles up to an hour
  // How long a claimed message is its worker's: after it, another worker (or this one restarted
  // after a crash) sends it again, with the same Message-ID.
  int outbox_lease_seconds = 120;
  // Staff reminder digests (issue 15): checked this often while a relay is configured, queued
  // only within office hours ("HH:MM-HH:MM", local time) on the organisation's working days.
  int reminders_poll_seconds = 300;
  int disposal_poll_seconds = 60;
  std::string office_hours = "09:00-17:00";
  // The resident's public service (issue 17, docs/portal.md): its path, govuk-frontend's files
  // ("" = portal-assets beside the binary), the regime and category online complaints are logged
  // under ("" category = the first active), and the texts of its start and privacy pages.
  std::string portal_path = "/complain";
  std::string portal_assets;
  std::string portal_regime = "corporate";
  std::string portal_category;
  std::string portal_other_ways = "You can also complain by phone, by post or in person.";
  std::string portal_privacy_notice =
      "We use the details you give us only to deal with your complaint, as the law allows.";
  int portal_session_minutes = 60;
  int portal_code_seconds = 600;  // how long a one-time code works
  // Per client address per hour (per instance): complaints sent, and forms that may carry files
  // read (docs/portal.md). Benchmarks raise them.
  int portal_submissions_per_hour = 10;
  int portal_forms_per_hour = 30;
  // The file of the secret the codes' hashes are keyed with, shared by every instance; "" =
  // beside the database file ("<database>.portal-key", made when missing), or for a database URL
  // a key for this process alone (codes then work only on the instance that sent them).
  std::string portal_key;
};

// Serves the API on an open store until stopped (the HTTP adapter, which the CLI does not link;
// main provides it).
using ApiServer = std::function<core::Status(const ServeOptions& options, app::Store& store,
                                             const app::Clock& clock)>;

// One table copied by `redress migrate`, and how many rows.
struct CopiedTableCount {
  std::string table;
  std::int64_t rows = 0;
};

// Copies the whole database `from` into the empty database `to` of the other engine (`redress
// migrate`; storage/transfer, which main provides: the CLI links no adapter).
using DatabaseCopier = std::function<core::Result<std::vector<CopiedTableCount>>(
    const std::string& from, const std::string& to, const app::Clock& clock)>;

// Opens the folder of attached files (serve's --files), for `sar bundle`.
using FileStoreOpener =
    std::function<core::Result<std::unique_ptr<app::FileStore>>(const std::string& directory)>;

struct Dependencies {
  StoreOpener open_store;
  const app::Clock* clock = nullptr;  // the wall clock; the demo uses its own
  // Which passwords `user add` accepts.
  const app::PasswordPolicy* password_policy = nullptr;
  ApiServer serve;
  // The organisation's OpenID Connect provider, for `oidc test`.
  app::IdentityProvider* identity_provider = nullptr;
  // `redress migrate`; the command is absent without it.
  DatabaseCopier copy_database;
  // `sar bundle`: the attached files and the ZIP writer; the command is absent without them.
  FileStoreOpener open_files;
  app::ArchiveWriter* archive = nullptr;
};

enum class ExitCode : int {
  kOk = 0,
  kFailure = 1,  // an unexpected failure: kInternal, kBusy, kUnavailable, an escaped exception
  kUsage = 2,    // bad arguments or invalid input
  kNotFound = 3,
  kNotAllowed = 4,  // the record's state does not allow the action
  kConflict = 5,    // stale version or duplicate
  kPermission = 6,  // unauthenticated or forbidden
  kStorage = 7,     // the database failed
  // A check ran and found the data tampered with (`audit verify`: the audit trail is broken).
  // Not an error of the command, so no core::ErrorCode maps to it.
  kIntegrity = 8,
};

ExitCode ExitCodeFor(core::ErrorCode code);

// Runs the command line; `in` is standard input (passwords), `out`/`err` the output streams.
int Run(int argc, const char* const* argv, const Dependencies& dependencies, std::istream& in,
        std::ostream& out, std::ostream& err);

}  // namespace redress::cli
