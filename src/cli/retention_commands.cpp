#include "cli/retention_commands.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

#include "app/disposal.hpp"
#include "app/organisation.hpp"
#include "app/redaction.hpp"

namespace redress::cli {
namespace {

using core::Status;

void PrintRun(const app::DisposalRunRecord& run, std::ostream& out) {
  out << fmt::format("disposal run {}: {} as at {}, made by {}; {} to dispose of, {} kept", run.id,
                     core::ToString(run.state), run.as_of.ToIso(), run.created_by, run.to_dispose,
                     run.kept);
  if (!run.approved_by.empty()) out << fmt::format("; approved by {}", run.approved_by);
  if (run.state == core::DisposalRunState::kCompleted) {
    out << fmt::format("; {} disposed of", run.disposed);
  }
  out << "\n";
}

void PrintView(const app::DisposalRunView& view, std::ostream& out) {
  PrintRun(view.run, out);
  for (const app::DisposalRunItem& item : view.items) {
    out << fmt::format("  {}  {}  {}", item.decision.reference,
                       core::ToString(item.decision.record), core::ToString(item.decision.verdict));
    if (!item.disposed_at.empty()) out << fmt::format("  disposed of at {}", item.disposed_at);
    for (const core::KeptBecause& kept : item.decision.kept_because) {
      out << fmt::format("  [{}: {}]", core::ToString(kept.reason), kept.detail);
    }
    for (const core::KeptBecause& kept : item.kept_at_run) {
      out << fmt::format("  [kept at run, {}: {}]", core::ToString(kept.reason), kept.detail);
    }
    out << "\n";
  }
}

class RetentionCommands final : public RecordCommands {
 public:
  RetentionCommands(CommandHost& host, const FileStoreOpener& open_files)
      : host_(host), open_files_(open_files) {}

  void Register(CLI::App& app) {
    CLI::App* group = app.add_subcommand("retention", "retention periods, holds and disposal runs");
    group->require_subcommand(1);

    CLI::App* rules = group->add_subcommand("rules", "every retention period");
    host_.AddDatabaseOption(rules);
    host_.RunWithStore(rules, [this](app::Store& store) {
      return PrintRules(app::ReadRetentionSchedule(store, app::SystemActor()));
    });

    CLI::App* set = group->add_subcommand(
        "set",
        "set the years complaints of a regime, service requests or subject access requests are "
        "kept");
    host_.AddDatabaseOption(set);
    set->add_option("--record", record_,
                    "complaint (the default), service_request or subject_access_request");
    set->add_option("--regime", regime_,
                    "housing, corporate, children or adults (complaints only)");
    set->add_option("--years", years_, "years after the case ended")->required();
    host_.RunWithStore(set, [this](app::Store& store) -> Status {
      core::FieldErrors errors;
      const std::optional<core::RetainedRecord> record = core::ParseRetainedRecord(record_);
      if (!record) {
        errors.Add("record", "must be complaint, service_request or subject_access_request",
                   core::FieldErrorCode::kNotInList);
      }
      std::optional<core::Regime> regime;
      if (!regime_.empty()) {
        regime = core::ParseRegime(regime_);
        if (!regime) {
          errors.Add("regime", "must be housing, corporate, children or adults",
                     core::FieldErrorCode::kNotInList);
        }
      }
      if (!errors.empty()) return errors.ToError();
      // Whether the regime is required or refused is the core's rule (CheckRetentionRule).
      return PrintRules(app::SetRetentionRule(store, host_.clock(), app::SystemActor(),
                                              {*record, regime, years_}));
    });

    CLI::App* holds = group->add_subcommand("holds", "the holds of a complaint");
    Reference(holds);
    host_.RunWithStore(holds, [this](app::Store& store) -> Status {
      auto listed = app::ListHolds(store, app::SystemActor(), reference_);
      if (!listed) return tl::unexpected(listed.error());
      for (const app::RetentionHoldRecord& hold : *listed) PrintHold(hold);
      return {};
    });

    CLI::App* hold = group->add_subcommand("hold", "place a hold that stops disposal");
    Reference(hold);
    hold->add_option("--kind", kind_, "legal_proceedings or manual (default manual)");
    hold->add_option("--reason", reason_)->required();
    host_.RunWithStore(hold, [this](app::Store& store) -> Status {
      const std::optional<core::HoldKind> kind = core::ParseHoldKind(kind_);
      if (!kind) {
        return core::FailField("kind", "must be legal_proceedings or manual",
                               core::FieldErrorCode::kNotInList);
      }
      auto placed =
          app::PlaceHold(store, host_.clock(), app::SystemActor(), reference_, *kind, reason_);
      if (!placed) return tl::unexpected(placed.error());
      PrintHold(*placed);
      return {};
    });

    CLI::App* release = group->add_subcommand("release", "release a hold");
    host_.AddDatabaseOption(release);
    release->add_option("id", id_, "the hold's number")->required();
    release->add_option("--reason", reason_)->required();
    host_.RunWithStore(release, [this](app::Store& store) -> Status {
      auto released = app::ReleaseHold(store, host_.clock(), app::SystemActor(), id_, reason_);
      if (!released) return tl::unexpected(released.error());
      PrintHold(*released);
      return {};
    });

    CLI::App* dry_run = group->add_subcommand(
        "dry-run",
        "judge every complaint as at today: what would be disposed of, and why the "
        "rest is kept (writes only the run)");
    host_.AddDatabaseOption(dry_run);
    host_.RunWithStore(dry_run, [this](app::Store& store) {
      return PrintedView(app::StartDisposalDryRun(store, host_.clock(), app::SystemActor()));
    });

    CLI::App* runs = group->add_subcommand("runs", "every disposal run, newest first");
    host_.AddDatabaseOption(runs);
    host_.RunWithStore(runs, [this](app::Store& store) -> Status {
      auto listed = app::ListDisposalRuns(store, app::SystemActor());
      if (!listed) return tl::unexpected(listed.error());
      for (const app::DisposalRunRecord& run : *listed) PrintRun(run, host_.out());
      return {};
    });

    CLI::App* show = group->add_subcommand("show", "a run with every complaint it judged");
    Id(show);
    host_.RunWithStore(show, [this](app::Store& store) {
      return PrintedView(app::ReadDisposalRun(store, app::SystemActor(), id_));
    });

    CLI::App* approve = group->add_subcommand("approve", "approve a dry run made by someone else");
    Id(approve);
    host_.RunWithStore(approve, [this](app::Store& store) {
      return PrintedView(app::ApproveDisposalRun(store, host_.clock(), app::SystemActor(), id_));
    });

    CLI::App* cancel = group->add_subcommand("cancel", "cancel a run that has not run");
    Id(cancel);
    host_.RunWithStore(cancel, [this](app::Store& store) {
      return PrintedView(app::CancelDisposalRun(store, host_.clock(), app::SystemActor(), id_));
    });

    RegisterRedact(group);

    CLI::App* run = group->add_subcommand(
        "run", "run every approved disposal run now (the server's scheduled job, once)");
    host_.AddDatabaseOption(run);
    if (open_files_) {
      run->add_option("--files", files_,
                      "the folder of attached files (serve's --files), to remove the disposed "
                      "cases' files");
    }
    host_.RunWithStore(run, [this](app::Store& store) -> Status {
      std::unique_ptr<app::FileStore> files;
      if (!files_.empty()) {
        auto opened = open_files_(files_);
        if (!opened) return tl::unexpected(opened.error());
        files = std::move(*opened);
      }
      auto ran = app::ExecuteApprovedDisposalRuns(store, host_.clock(), {files.get(), nullptr});
      if (!ran) return tl::unexpected(ran.error());
      host_.out() << (*ran ? "ran the approved disposal runs\n" : "no approved disposal run\n");
      return {};
    });
  }

 private:
  void RegisterRedact(CLI::App* group) {
    CLI::App* redact = group->add_subcommand(
        "redact", "redact one field, note or attached file of a complaint on request");
    Reference(redact);
    redact
        ->add_option("--target", target_,
                     "field:NAME (summary, description, complainant.email, …), note:ID or "
                     "attachment:ID")
        ->required();
    redact->add_option("--reason", reason_, "why, for the audit trail")->required();
    if (open_files_) {
      redact->add_option("--files", files_,
                         "the folder of attached files (serve's --files), to remove a redacted "
                         "file");
    }
    host_.RunWithStore(redact, [this](app::Store& store) -> Status {
      std::unique_ptr<app::FileStore> files;
      if (!files_.empty()) {
        auto opened = open_files_(files_);
        if (!opened) return tl::unexpected(opened.error());
        files = std::move(*opened);
      }
      auto redacted = app::RedactComplaintItem(store, host_.clock(), app::SystemActor(), reference_,
                                               target_, reason_, files.get(), nullptr);
      if (!redacted) return tl::unexpected(redacted.error());
      host_.out() << fmt::format("redacted {} of {}; {} events' content erased\n",
                                 redacted->target.ToString(), reference_, redacted->events_erased);
      return {};
    });
  }

  void Reference(CLI::App* command) {
    host_.AddDatabaseOption(command);
    command->add_option("reference", reference_, "CMP-YYYY-NNNNNN")->required();
  }
  void Id(CLI::App* command) {
    host_.AddDatabaseOption(command);
    command->add_option("id", id_, "the run's number")->required();
  }

  Status PrintRules(const core::Result<std::vector<core::RetentionRule>>& rules) {
    if (!rules) return tl::unexpected(rules.error());
    for (const core::RetentionRule& rule : *rules) {
      host_.out() << fmt::format(
          "{}{}: {} years after it ended\n", core::ToString(rule.record),
          rule.regime ? " " + std::string(core::ToString(*rule.regime)) : std::string(),
          rule.years_after_closure);
    }
    return {};
  }

  void PrintHold(const app::RetentionHoldRecord& hold) {
    host_.out() << fmt::format(
        "hold {} on {}: {} ({}), placed by {} at {}{}\n", hold.id, hold.reference,
        core::ToString(hold.kind), hold.reason, hold.placed_by, hold.placed_at,
        hold.released_at.empty() ? std::string()
                                 : fmt::format("; released by {} at {}: {}", hold.released_by,
                                               hold.released_at, hold.release_reason));
  }

  Status PrintedView(const core::Result<app::DisposalRunView>& view) {
    if (!view) return tl::unexpected(view.error());
    PrintView(*view, host_.out());
    return {};
  }

  CommandHost& host_;
  FileStoreOpener open_files_;
  std::string record_ = "complaint";
  std::string regime_;
  int years_ = 0;
  std::string reference_;
  std::string kind_ = "manual";
  std::string reason_;
  std::int64_t id_ = 0;
  std::string files_;
  std::string target_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterRetentionCommands(CommandHost& host, CLI::App& app,
                                                          const FileStoreOpener& open_files) {
  auto commands = std::make_unique<RetentionCommands>(host, open_files);
  commands->Register(app);
  return commands;
}

}  // namespace redress::cli
