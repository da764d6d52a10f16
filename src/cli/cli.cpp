#include "cli/cli.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <istream>
#include <map>
#include <optional>
#include <ostream>

#include "app/accounts.hpp"
#include "app/manual_clock.hpp"
#include "app/organisation.hpp"
#include "app/report_use_cases.hpp"
#include "cli/calendar_commands.hpp"
#include "cli/complaint_commands.hpp"
#include "cli/import_commands.hpp"
#include "cli/letter_commands.hpp"
#include "cli/migrate_command.hpp"
#include "cli/oversight_commands.hpp"
#include "cli/record_commands.hpp"
#include "cli/reminder_commands.hpp"
#include "cli/retention_commands.hpp"
#include "cli/sar_commands.hpp"
#include "cli/sso_commands.hpp"
#include "cli/submission_commands.hpp"
#include "cli/user_commands.hpp"
#include "core/calendar.hpp"
#include "core/regime.hpp"
#include "core/reminders.hpp"
#include "demo/demo.hpp"
#include "report/render/render.hpp"

namespace redress::cli {
namespace {

constexpr std::string_view kDefaultOrganisationName = "Redress council";

using CommandResult = core::Status;

}  // namespace

core::Result<core::Date> ParseDateOption(const std::string& name, const std::string& text) {
  auto date = core::Date::Parse(text);
  if (!date)
    return core::FailField(name, "must be a real date written YYYY-MM-DD, got '" + text + "'");
  if (!core::InCalendarRange(*date)) {
    return core::FailField(name, fmt::format("must be between {} and {}", core::kFirstCalendarYear,
                                             core::kLastCalendarYear));
  }
  return *date;
}

core::Status WriteDocument(std::ostream& out, const std::string& path, const std::string& bytes) {
  if (path == "-") {
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return {};
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return core::FailField("out", "cannot write " + path);
  return {};
}

namespace {

// How an error names a field: as its option where it is one. Options are spelt like the fields
// they set, with dashes (information_due_on is --information-due-on); a field inside a record
// (remedies[0].evidence) is named as it is.
std::string FieldName(const std::string& field) {
  const bool option_like = !field.empty() && std::all_of(field.begin(), field.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
  if (!option_like) return field;
  std::string option = "--" + field;
  std::replace(option.begin(), option.end(), '_', '-');
  return option;
}

std::string DescribeError(const core::Error& error) {
  if (error.fields.size() == 1) {
    return "error: " + FieldName(error.fields.front().field) + ": " + error.fields.front().message;
  }
  std::string text = "error: " + error.message;
  for (const core::FieldError& field : error.fields) {
    text += "\n  " + FieldName(field.field) + ": " + field.message;
  }
  return text;
}

class Commands final : public CommandHost {
 public:
  Commands(const Dependencies& dependencies, std::istream& in, std::ostream& out)
      : dependencies_(dependencies), in_(in), out_(out) {}

  void Register(CLI::App& app) {
    RegisterInit(app);
    RegisterUser(app);
    RegisterToken(app);
    RegisterDemo(app);
    RegisterSummary(app);
    RegisterServe(app);
    RegisterAudit(app);
    RegisterReport(app);
    OversightGroups oversight = RegisterOversightCommands(*this, app);
    oversight_commands_ = std::move(oversight.commands);
    record_commands_ = RegisterRecordCommands(*this, oversight.ombudsman, oversight.learning,
                                              oversight.self_assessment);
    complaint_commands_ = RegisterComplaintCommands(*this, app);
    calendar_commands_ = RegisterCalendarCommands(*this, app);
    if (dependencies_.identity_provider) {
      sso_commands_ = RegisterSsoCommands(*this, app, *dependencies_.identity_provider);
    }
    reminder_commands_ = RegisterReminderCommands(*this, app);
    import_commands_ = RegisterImportCommands(*this, app);
    submission_commands_ = RegisterSubmissionCommands(*this, app);
    sar_commands_ =
        RegisterSarCommands(*this, app, dependencies_.open_files, dependencies_.archive);
    letter_commands_ = RegisterLetterCommands(*this, app);
    retention_commands_ = RegisterRetentionCommands(*this, app, dependencies_.open_files);
    if (dependencies_.copy_database) {
      migrate_command_ = RegisterMigrateCommand(*this, app, dependencies_.copy_database);
    }
  }

  void AddDatabaseOption(CLI::App* command) override {
    command->add_option("--db", database_, "database file (SQLite)")->required();
    command
        ->add_option("--audit-key", audit_.key,
                     "the audit trail's signing key (default: the database's path + .audit-key)")
        ->envname("REDRESS_AUDIT_KEY");
    command
        ->add_option("--audit-checkpoints", audit_.checkpoints,
                     "the audit trail's checkpoints (default: the database's path + "
                     ".audit-checkpoints)")
        ->envname("REDRESS_AUDIT_CHECKPOINTS");
  }

  void RunWithStore(CLI::App* command, StoreWork work) override {
    command->callback([this, work = std::move(work)] { result_ = WithStore(work); });
  }

  void Run(CLI::App* command, Work work) override {
    command->callback([this, work = std::move(work)] { result_ = work(); });
  }

  void AddOptionalDatabaseOption(CLI::App* command, const std::string& description) override {
    command->add_option("--db", database_, description);
  }

  core::Result<std::unique_ptr<app::Store>> OpenNamedStore() override {
    if (database_.empty()) return std::unique_ptr<app::Store>();
    return OpenStore(*dependencies_.clock);
  }

  const app::Clock& clock() const override { return *dependencies_.clock; }
  std::ostream& out() override { return out_; }

  // The command that ran, if any; set by each callback.
  const std::optional<CommandResult>& result() const { return result_; }
  // The exit code of a command that succeeded: kOk unless its check found a problem.
  ExitCode finding() const { return finding_; }

 private:
  // Only init and demo create a database (app::OpenMode); every other command opens one.
  core::Result<std::unique_ptr<app::Store>> OpenStore(
      const app::Clock& clock, app::OpenMode mode = app::OpenMode::kExisting) const {
    return dependencies_.open_store(database_, clock, mode, audit_);
  }

  void RegisterInit(CLI::App& app) {
    CLI::App* init = app.add_subcommand("init", "create or migrate a database");
    AddDatabaseOption(init);
    init->add_option("--name", organisation_name_, "the organisation's name for a new database");
    init->callback([this] { result_ = Init(); });
  }

  CommandResult Init() {
    auto store = OpenStore(*dependencies_.clock, app::OpenMode::kCreate);
    if (!store) return tl::unexpected(store.error());
    std::string name =
        organisation_name_.empty() ? std::string(kDefaultOrganisationName) : organisation_name_;
    auto ensured = app::EnsureSettings(**store, name);
    if (!ensured) return ensured;
    out_ << "database " << database_ << " is ready\n";
    return {};
  }

  void RegisterUser(CLI::App& app) {
    CLI::App* user = app.add_subcommand("user", "manage users");
    user->require_subcommand(1);
    CLI::App* add = user->add_subcommand("add", "create a user");
    AddDatabaseOption(add);
    add->add_option("--username", username_, "sign-in name")->required();
    add->add_option("--role", role_, "admin, complaints_officer, case_handler, manager or viewer")
        ->required();
    add->add_option("--team", team_, "team code");
    add->add_option("--display-name", display_name_, "full name");
    add->add_option("--email", email_, "their email address, where their reminders go");
    add->add_flag("--password-stdin", password_stdin_, "read the password from standard input")
        ->required();
    add->callback([this] { result_ = AddUser(); });
    user_commands_ = RegisterUserCommands(*this, *user, *dependencies_.password_policy);
  }

  CommandResult AddUser() {
    auto role = core::ParseRole(role_);
    if (!role) {
      return core::FailField("role",
                             "must be admin, complaints_officer, case_handler, manager or "
                             "viewer, got '" +
                                 role_ + "'");
    }
    std::string password;
    std::getline(in_, password);
    if (!password.empty() && password.back() == '\r') password.pop_back();
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    auto user = app::AddUser(**store, *dependencies_.clock, app::SystemActor(),
                             app::NewUser{username_, display_name_, *role, team_, password, email_},
                             *dependencies_.password_policy);
    if (!user) {
      // The password came through --password-stdin: the error names that option.
      core::Error error = user.error();
      for (core::FieldError& field : error.fields) {
        if (field.field == "password") field.field = "password_stdin";
      }
      return tl::unexpected(std::move(error));
    }
    out_ << "user " << user->username << " created with role " << core::ToString(user->role)
         << '\n';
    return {};
  }

  void RegisterToken(CLI::App& app) {
    CLI::App* token = app.add_subcommand("token", "manage API tokens");
    token->require_subcommand(1);
    CLI::App* create = token->add_subcommand("create", "issue a bearer token for a user");
    AddDatabaseOption(create);
    create->add_option("--username", username_, "the user the token acts as")->required();
    create->add_option("--label", label_, "what the token is for");
    auto* in_days = create->add_option("--expires-in-days", expires_in_days_,
                                       "refuse the token from this many days after today");
    create->add_option("--expires-on", date_, "refuse the token from this day on (YYYY-MM-DD)")
        ->excludes(in_days);
    create->callback([this] { result_ = CreateToken(); });
    CLI::App* revoke = token->add_subcommand("revoke", "revoke a bearer token (it answers 401)");
    AddDatabaseOption(revoke);
    revoke->add_option("--id", token_id_, "the token's id")->required();
    revoke->callback([this] { result_ = RevokeToken(); });
  }

  CommandResult RevokeToken() {
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    auto revoked = app::RevokeToken(**store, *dependencies_.clock, app::SystemActor(), token_id_);
    if (!revoked) return tl::unexpected(revoked.error());
    out_ << "token " << token_id_ << " revoked\n";
    return {};
  }

  CommandResult CreateToken() {
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    std::optional<core::Date> expires_on;
    if (expires_in_days_ != 0) {
      if (expires_in_days_ < 1 || expires_in_days_ > app::kMaxTokenLifetimeDays) {
        return core::FailField("expires_in_days",
                               "must be 1 to " + std::to_string(app::kMaxTokenLifetimeDays));
      }
      expires_on = dependencies_.clock->Today().AddDays(expires_in_days_);
    } else if (!date_.empty()) {
      auto parsed = ParseDateOption("expires_on", date_);
      if (!parsed) return tl::unexpected(parsed.error());
      expires_on = *parsed;
    }
    auto issued = app::CreateToken(**store, *dependencies_.clock, app::SystemActor(), username_,
                                   label_.empty() ? "command line" : label_, expires_on);
    if (!issued) return tl::unexpected(issued.error());
    out_ << issued->token << '\n';
    return {};
  }

  void RegisterDemo(CLI::App& app) {
    CLI::App* demo = app.add_subcommand("demo", "fill a new database with a demo council");
    AddDatabaseOption(demo);
    demo->add_option("--seed", seed_, "random seed; the same seed gives the same council");
    demo->add_option("--today", today_, "simulate history up to this date (default: today)");
    demo->callback([this] { result_ = Demo(); });
  }

  CommandResult Demo() {
    core::Date today = dependencies_.clock->Today();
    if (!today_.empty()) {
      auto parsed = ParseDateOption("today", today_);
      if (!parsed) return tl::unexpected(parsed.error());
      today = *parsed;
    }
    // The demo's own clock, which it sets to each simulated day.
    app::ManualClock clock(today);
    auto store = OpenStore(clock, app::OpenMode::kCreate);
    if (!store) return tl::unexpected(store.error());
    auto built = demo::BuildDemo(**store, clock, demo::DemoOptions{seed_, today});
    if (!built) return tl::unexpected(built.error());
    out_ << fmt::format("{}: {} complaints and {} service requests up to {}\n", built->organisation,
                        built->complaints, built->service_requests, today.ToIso());
    out_ << "Sign in with any of these (password for all: " << built->sign_ins.front().password
         << "):\n";
    for (const demo::DemoSignIn& sign_in : built->sign_ins) {
      out_ << fmt::format("  {:<20} {:<19} {}\n", sign_in.username, sign_in.role, sign_in.team);
    }
    return {};
  }

  void RegisterSummary(CLI::App& app) {
    CLI::App* summary = app.add_subcommand("summary", "what a database holds");
    AddDatabaseOption(summary);
    summary->callback([this] { result_ = Summary(); });
  }

  CommandResult Summary() {
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    auto summary = app::Summarise(**store);
    if (!summary) return tl::unexpected(summary.error());
    PrintSummary(*summary);
    return {};
  }

  void PrintSummary(const app::StoreSummary& summary) {
    out_ << summary.organisation << '\n';
    out_ << fmt::format(
        "  complaints {}, service requests {}, users {}, teams {}, service areas "
        "{}, audit events {}\n",
        summary.complaints, summary.service_requests, summary.users, summary.teams,
        summary.service_areas, summary.events);
    // Rows: financial year and regime; columns: stages 1 to 3.
    using core::kMaxStages;
    std::map<std::pair<int, std::string>, std::array<std::int64_t, kMaxStages>> table;
    for (const auto& count : summary.stage_counts) {
      auto& row = table[{count.financial_year, std::string(core::ToString(count.regime))}];
      if (count.stage >= 1 && count.stage <= kMaxStages) row[count.stage - 1] = count.count;
    }
    if (!table.empty()) {
      out_ << "  complaints by the financial year their stage started:\n";
      out_ << fmt::format("    {:<9} {:<10} {:>8} {:>8} {:>8}\n", "year", "regime", "stage 1",
                          "stage 2", "stage 3");
      for (const auto& [key, stages] : table) {
        out_ << fmt::format("    {}/{:02} {:<10} {:>8} {:>8} {:>8}\n", key.first,
                            (key.first + 1) % 100, key.second, stages[0], stages[1], stages[2]);
      }
    }
    if (!summary.by_status.empty()) {
      out_ << "  cases by status:";
      for (const auto& [status, count] : summary.by_status) {
        out_ << ' ' << core::ToString(status) << ' ' << count << ';';
      }
      out_ << '\n';
    }
  }

  void RegisterServe(CLI::App& app) {
    CLI::App* serve = app.add_subcommand("serve", "serve the HTTP API until SIGTERM or SIGINT");
    AddDatabaseOption(serve);
    serve->add_option("--host", serve_options_.host, "address to listen on (default 127.0.0.1)");
    serve->add_option("--port", serve_options_.port, "port to listen on (default 8080; 0 = any)");
    serve->add_option("--threads", serve_options_.threads,
                      "worker threads (default: one per hardware thread)");
    serve->add_option("--handler-threads", serve_options_.handler_threads,
                      "threads that run request handlers (default 64)");
    serve->add_option("--max-connections", serve_options_.max_connections,
                      "connections open at once; more are answered 503 (default 512)");
    serve->add_option("--idle-timeout-seconds", serve_options_.idle_timeout_seconds,
                      "close a connection idle, or slow to send its request, this long (default "
                      "30)");
    serve->add_flag("--secure-cookies", serve_options_.secure_cookies,
                    "send the session cookie over https only (behind TLS)");
    serve->add_flag("--behind-tls", serve_options_.behind_tls,
                    "behind a TLS proxy: Secure cookie and Strict-Transport-Security");
    serve->add_option("--app-url", serve_options_.app_url,
                      "where staff reach the web app, before the links of reminder digests "
                      "(default: the links are paths)");
    serve->add_option("--web-root", serve_options_.web_root,
                      "the built web application (default web/dist); without it, the API only");
    serve->add_option("--log-file", serve_options_.log_file,
                      "append the JSON log (one line per request) to this file instead of "
                      "standard output");
    serve->add_option("--audit-checkpoint-interval", serve_options_.checkpoint_interval,
                      "seconds between checkpoints of the audit trail when it moved (default " +
                          std::to_string(kDefaultCheckpointIntervalSeconds) + ")");
    serve->add_option("--files", serve_options_.files_directory,
                      "folder of attached files (default: the database's path + .files)");
    serve->add_option("--clamd-socket", serve_options_.clamd_socket,
                      "ClamAV clamd's local socket, to scan attached files (default: none; files "
                      "are then marked not scanned)");
    serve->add_option("--smtp-url", serve_options_.smtp_url,
                      "SMTP relay for letters' email, e.g. smtp://relay:587 (none: letters wait)");
    serve->add_option("--mail-from", serve_options_.mail_from, "sender address of letters' email");
    serve->add_option("--smtp-tls", serve_options_.smtp_tls, "none, starttls or implicit")
        ->check(CLI::IsMember({"none", "starttls", "implicit"}));
    serve
        ->add_option("--outbox-poll-ms", serve_options_.outbox_poll_milliseconds,
                     "how often the outbox is checked for mail due (default 1000)")
        ->check(CLI::Range(10, 3600000));
    serve
        ->add_option("--outbox-retry-seconds", serve_options_.outbox_retry_seconds,
                     "delay before the first retry of an unsent message (default 30)")
        ->check(CLI::Range(1, 3600));
    serve
        ->add_option("--outbox-lease-seconds", serve_options_.outbox_lease_seconds,
                     "seconds a claimed message is its worker's before another may send it "
                     "(default 120)")
        ->check(CLI::Range(1, 3600));
    serve
        ->add_option("--outbox-give-up-hours", serve_options_.outbox_give_up_hours,
                     "hours after which an unsent message is marked failed (default 48)")
        ->check(CLI::Range(1, 24 * 30));
    serve
        ->add_option("--reminders-poll-seconds", serve_options_.reminders_poll_seconds,
                     "how often staff reminder digests are checked for (default 300)")
        ->check(CLI::Range(1, 86400));
    serve
        ->add_option("--disposal-poll-seconds", serve_options_.disposal_poll_seconds,
                     "how often approved disposal runs are looked for and run (default 60)")
        ->check(CLI::Range(1, 86400));
    serve->add_option("--office-hours", serve_options_.office_hours,
                      "when reminder digests may go, local time HH:MM-HH:MM (default 09:00-17:00)");
    serve->add_option("--portal-path", serve_options_.portal_path,
                      "path of the resident's public service (default /complain)");
    serve->add_option("--portal-assets", serve_options_.portal_assets,
                      "govuk-frontend's files for the public service (default: portal-assets "
                      "beside the binary)");
    serve
        ->add_option("--portal-regime", serve_options_.portal_regime,
                     "regime of complaints made online (default corporate)")
        ->check(CLI::IsMember({"housing", "corporate", "children", "adults"}));
    serve->add_option("--portal-category", serve_options_.portal_category,
                      "category of complaints made online until triage (default: the first "
                      "active)");
    serve->add_option("--portal-other-ways", serve_options_.portal_other_ways,
                      "other ways to complain, with opening hours, shown on the start page (one "
                      "paragraph a line)");
    serve->add_option("--portal-privacy-notice", serve_options_.portal_privacy_notice,
                      "the public service's privacy notice (one paragraph a line)");
    serve
        ->add_option("--portal-session-minutes", serve_options_.portal_session_minutes,
                     "how long an unfinished online complaint is kept unused (default 60)")
        ->check(CLI::Range(5, 24 * 60));
    serve
        ->add_option("--portal-code-seconds", serve_options_.portal_code_seconds,
                     "how long a resident's one-time code works (default 600)")
        ->check(CLI::Range(1, 3600));
    serve
        ->add_option("--portal-key", serve_options_.portal_key,
                     "file of the secret the one-time codes are hashed with, the same for every "
                     "instance (default: the database's path + .portal-key, made when missing)")
        ->envname("REDRESS_PORTAL_KEY");
    serve
        ->add_option("--portal-submissions-per-hour", serve_options_.portal_submissions_per_hour,
                     "complaints one client address may send online an hour (default 10)")
        ->check(CLI::Range(1, 1'000'000));
    serve
        ->add_option("--portal-forms-per-hour", serve_options_.portal_forms_per_hour,
                     "forms that may carry files one client address may send an hour (default 30)")
        ->check(CLI::Range(1, 1'000'000));
    serve->callback([this] { result_ = Serve(); });
  }

  CommandResult Serve() {
    constexpr int kMaxPort = 65535;
    constexpr int kMaxThreads = 1024;
    if (serve_options_.port < 0 || serve_options_.port > kMaxPort) {
      return core::FailField("port", fmt::format("must be between 0 and {}", kMaxPort));
    }
    if (serve_options_.threads < 0 || serve_options_.threads > kMaxThreads) {
      return core::FailField("threads", fmt::format("must be between 0 and {}", kMaxThreads));
    }
    if (serve_options_.handler_threads < 0 || serve_options_.handler_threads > kMaxThreads) {
      return core::FailField("handler-threads",
                             fmt::format("must be between 0 and {}", kMaxThreads));
    }
    constexpr int kMaxConnections = 100000;
    if (serve_options_.max_connections < 0 || serve_options_.max_connections > kMaxConnections) {
      return core::FailField("max_connections",
                             fmt::format("must be between 1 and {}", kMaxConnections));
    }
    constexpr int kMaxIdleTimeoutSeconds = 3600;
    if (serve_options_.idle_timeout_seconds < 0 ||
        serve_options_.idle_timeout_seconds > kMaxIdleTimeoutSeconds) {
      return core::FailField("idle_timeout_seconds",
                             fmt::format("must be between 1 and {}", kMaxIdleTimeoutSeconds));
    }
    if (!serve_options_.smtp_url.empty() && serve_options_.mail_from.empty()) {
      return core::FailField("mail-from", "is required with --smtp-url",
                             core::FieldErrorCode::kRequired);
    }
    if (!core::ParseOfficeHours(serve_options_.office_hours)) {
      return core::FailField("office_hours", "must be HH:MM-HH:MM, the start before the end",
                             core::FieldErrorCode::kInvalidFormat);
    }
    const std::string& portal = serve_options_.portal_path;
    if (portal.size() < 2 || portal.front() != '/' || portal.back() == '/' ||
        portal.find_first_of("{}?#% ") != std::string::npos || portal.starts_with("/api/")) {
      return core::FailField("portal-path",
                             "must start with '/', not end with one, and not be under /api/");
    }
    if (serve_options_.checkpoint_interval < 1) {
      return core::FailField("audit_checkpoint_interval", "must be at least 1 second");
    }
    if (!dependencies_.serve) {
      return core::Fail(core::ErrorCode::kInvalidInput, "this build cannot serve the API");
    }
    audit_.checkpoint_interval = serve_options_.checkpoint_interval;
    if (serve_options_.files_directory.empty()) {
      if (database_.find("://") != std::string::npos) {
        return core::FailField("files", "name the folder of attached files for a database URL");
      }
      serve_options_.files_directory = database_ + ".files";
    }
    if (serve_options_.portal_key.empty() && database_.find("://") == std::string::npos) {
      serve_options_.portal_key = database_ + ".portal-key";
    }
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    return dependencies_.serve(serve_options_, **store, *dependencies_.clock);
  }

  void RegisterAudit(CLI::App& app) {
    CLI::App* audit = app.add_subcommand("audit", "the audit trail");
    audit->require_subcommand(1);
    CLI::App* verify = audit->add_subcommand(
        "verify",
        "check the audit trail's hash chain and its signed checkpoints; exit 8 when a record "
        "was altered or removed, or a checkpoint forged");
    AddDatabaseOption(verify);
    verify->callback([this] { result_ = VerifyAudit(); });
  }

  CommandResult VerifyAudit() {
    // Opening creates a missing database file, which would then verify as an empty, intact
    // trail. (A URL names a server's database, which opening never creates.)
    const bool is_url = database_.find("://") != std::string::npos;
    if (std::error_code ignored; !is_url && !std::filesystem::exists(database_, ignored)) {
      return core::Fail(core::ErrorCode::kNotFound, "no database at " + database_);
    }
    audit_.read_only = true;  // verifying a copy must not add to its checkpoints
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    auto report = (*store)->VerifyAudit();
    if (!report) return tl::unexpected(report.error());
    if (report->intact) {
      out_ << "audit trail intact: " << report->records << " records\n";
      if (report->anchored_through) {
        out_ << "anchored: " << report->checkpoints << " checkpoints verified; the latest, of "
             << report->anchored_at << ", anchors record " << *report->anchored_through;
        if (report->unanchored > 0) {
          out_ << "; " << report->unanchored << " records after it are not yet anchored";
        }
        out_ << '\n';
      }
      // Erasure keeps a record in the chain (docs/audit-trail.md, "Erasable content"); the
      // count says how much of the trail is there without its content.
      if (report->erased > 0 || report->erased_legacy > 0) {
        out_ << "erased: the content of " << report->erased + report->erased_legacy
             << " records was erased under the retention schedule or a redaction";
        if (report->erased_legacy > 0) {
          out_ << " (" << report->erased_legacy
               << " from before chain version 2, checked by their links and the checkpoints)";
        }
        out_ << '\n';
      }
    } else {
      out_ << "audit trail broken: " << report->problem << '\n';
      finding_ = ExitCode::kIntegrity;
    }
    if (!report->warning.empty()) out_ << "warning: " << report->warning << '\n';
    return {};
  }

  void RegisterReport(CLI::App& app) {
    CLI::App* report = app.add_subcommand("report", "the annual complaints report");
    report->require_subcommand(1);
    CLI::App* annual = report->add_subcommand(
        "annual", "the Annual Complaint Performance and Service Improvement Report of a year");
    AddDatabaseOption(annual);
    annual->add_option("--year", year_, "financial year Y, for Y/Y+1 (2023 = 2023/24)")->required();
    annual->add_option("--format", format_, "json (default), html, pdf, csv or xlsx");
    annual->add_option("--out", out_path_, "the file to write; - for standard output")->required();
    annual->add_option("--as-at", as_at_,
                       "count only facts recorded on or before this date (default: today)");
    annual->callback([this] { result_ = AnnualReport(); });

    CLI::App* homes = report->add_subcommand(
        "homes", "set the homes owned in a financial year (TSM CH01, complaints per 1,000 homes)");
    AddDatabaseOption(homes);
    homes->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    homes->add_option("--homes", homes_, "homes owned in that year")->required();
    homes->callback([this] { result_ = SetHomesOwned(); });

    CLI::App* tp09 = report->add_subcommand(
        "tp09",
        "set TSM TP09 of a financial year from 2023/24: the share satisfied with the landlord's "
        "approach to handling complaints, from the tenant survey, with its sample size");
    AddDatabaseOption(tp09);
    tp09->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    tp09->add_option("--percent", tp09_percent_, "0 to 100, at most one decimal")->required();
    tp09->add_option("--sample-size", tp09_sample_size_, "the survey's respondents")->required();
    tp09->callback([this] { result_ = SetTenantSatisfaction(); });
  }

  CommandResult AnnualReport() {
    const auto format = report::render::ParseFormat(format_);
    if (!format) {
      return core::FailField("format", "must be " + std::string(report::render::kFormatNames) +
                                           ", got '" + format_ + "'");
    }
    std::optional<core::Date> as_at;
    if (!as_at_.empty()) {
      auto parsed = ParseDateOption("as-at", as_at_);
      if (!parsed) return tl::unexpected(parsed.error());
      as_at = *parsed;
    }
    if (core::Status valid = app::CheckReportYear(year_); !valid) return valid;
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    auto computed = app::BuildAnnualReport(**store, *dependencies_.clock, year_, as_at);
    if (!computed) return tl::unexpected(computed.error());
    auto document = report::render::Render(*computed, *format);
    if (!document) return tl::unexpected(document.error());
    return WriteDocument(out_, out_path_, *document);
  }

  CommandResult SetHomesOwned() {
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    auto saved =
        app::SaveHomesOwned(**store, *dependencies_.clock, app::SystemActor(), year_, homes_);
    if (!saved) return saved;
    out_ << "homes owned in " << report::FinancialYearLabel(year_) << ": " << homes_ << '\n';
    return {};
  }

  CommandResult SetTenantSatisfaction() {
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    const app::TenantSatisfactionInput input{tp09_percent_, tp09_sample_size_};
    auto saved = app::SaveTenantSatisfaction(**store, *dependencies_.clock, app::SystemActor(),
                                             year_, input);
    if (!saved) return saved;
    out_ << "TP09 in " << report::FinancialYearLabel(year_) << ": " << tp09_percent_
         << "% (sample size " << tp09_sample_size_ << ")\n";
    return {};
  }

  // Opens the database and runs `work` on it.
  template <typename Work>
  CommandResult WithStore(Work&& work) {
    auto store = OpenStore(*dependencies_.clock);
    if (!store) return tl::unexpected(store.error());
    return work(**store);
  }

  const Dependencies& dependencies_;
  std::istream& in_;
  std::ostream& out_;
  std::optional<CommandResult> result_;
  ExitCode finding_ = ExitCode::kOk;

  std::string database_;
  AuditAnchorOptions audit_;
  std::string today_;
  int year_ = 0;
  std::string organisation_name_;
  std::string username_;
  std::string role_;
  std::string team_;
  std::string display_name_;
  std::string email_;
  std::string label_;
  int expires_in_days_ = 0;
  std::int64_t token_id_ = 0;
  std::string date_;
  bool password_stdin_ = false;
  std::uint64_t seed_ = 1;
  std::string format_ = "json";
  std::string as_at_;  // report annual --as-at
  std::string out_path_;
  std::int64_t homes_ = 0;
  double tp09_percent_ = 0;
  std::int64_t tp09_sample_size_ = 0;
  ServeOptions serve_options_;
  std::unique_ptr<RecordCommands> oversight_commands_;
  std::unique_ptr<RecordCommands> record_commands_;
  std::unique_ptr<RecordCommands> complaint_commands_;
  std::unique_ptr<RecordCommands> calendar_commands_;
  std::unique_ptr<RecordCommands> sso_commands_;
  std::unique_ptr<RecordCommands> user_commands_;
  std::unique_ptr<RecordCommands> reminder_commands_;
  std::unique_ptr<RecordCommands> import_commands_;
  std::unique_ptr<RecordCommands> submission_commands_;
  std::unique_ptr<RecordCommands> letter_commands_;
  std::unique_ptr<RecordCommands> migrate_command_;
  std::unique_ptr<RecordCommands> sar_commands_;
  std::unique_ptr<RecordCommands> retention_commands_;
};

}  // namespace

ExitCode ExitCodeFor(core::ErrorCode code) {
  switch (code) {
    case core::ErrorCode::kInvalidInput:
      return ExitCode::kUsage;
    case core::ErrorCode::kNotFound:
      return ExitCode::kNotFound;
    case core::ErrorCode::kTransitionNotAllowed:
      return ExitCode::kNotAllowed;
    case core::ErrorCode::kConflict:
    case core::ErrorCode::kStaleVersion:
      return ExitCode::kConflict;
    case core::ErrorCode::kUnauthenticated:
    case core::ErrorCode::kForbidden:
    case core::ErrorCode::kTooManyRequests:
      return ExitCode::kPermission;
    case core::ErrorCode::kStorage:
      return ExitCode::kStorage;
    case core::ErrorCode::kBusy:
    case core::ErrorCode::kUnavailable:
    case core::ErrorCode::kInternal:
      return ExitCode::kFailure;
  }
  return ExitCode::kFailure;
}

int Run(int argc, const char* const* argv, const Dependencies& dependencies, std::istream& in,
        std::ostream& out, std::ostream& err) {
  CLI::App app{"Redress: complaints management and complaint performance for councils"};
  app.name("redress");
  app.require_subcommand(1);
  Commands commands(dependencies, in, out);
  commands.Register(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    out << app.help();
    return static_cast<int>(ExitCode::kOk);
  } catch (const CLI::CallForAllHelp&) {
    out << app.help("", CLI::AppFormatMode::All);
    return static_cast<int>(ExitCode::kOk);
  } catch (const CLI::ParseError& error) {
    // Usage errors (unknown option, missing value, wrong type) exit 2 like every invalid input.
    err << "error: " << error.what() << "\nRun with --help for usage.\n";
    return static_cast<int>(ExitCode::kUsage);
  } catch (const std::exception& error) {
    // The last resort, like the server's: a bug or a library's exception that escaped its
    // adapter is reported in one line and an exit code, never a crash dump. Whatever the command
    // was writing was one transaction, rolled back by the store.
    err << "internal error: " << error.what() << "\n";
    return static_cast<int>(ExitCode::kFailure);
  } catch (...) {
    err << "internal error: an unexpected failure\n";
    return static_cast<int>(ExitCode::kFailure);
  }
  if (!commands.result() || *commands.result()) return static_cast<int>(commands.finding());
  const core::Error& error = commands.result()->error();
  err << DescribeError(error) << '\n';
  return static_cast<int>(ExitCodeFor(error.code));
}

}  // namespace redress::cli
