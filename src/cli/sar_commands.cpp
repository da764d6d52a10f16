#include "cli/sar_commands.hpp"

#include <fmt/format.h>

#include <optional>
#include <string>
#include <utility>

#include "app/organisation.hpp"
#include "app/subject_access.hpp"
#include "app/subject_access_bundle.hpp"

namespace redress::cli {
namespace {

using core::Status;

// One line per request: reference, status, due date (and overdue), requester, received.
void PrintLine(const app::SubjectAccessView& view, std::ostream& out) {
  const core::SubjectAccessRequest& r = view.request;
  out << fmt::format("{}  {:<9}  due {}{}  {}  received {}\n", r.reference,
                     core::ToString(r.status), view.due_on.ToIso(), view.overdue ? " OVERDUE" : "",
                     r.requester_name, r.received_on.ToIso());
}

void Print(const app::SubjectAccessView& view, std::ostream& out) {
  const core::SubjectAccessRequest& r = view.request;
  out << fmt::format("subject access request {}: {} (version {})\n", r.reference,
                     core::ToString(r.status), r.version);
  out << fmt::format("  requester: {}", r.requester_name);
  for (const std::string* contact :
       {&r.requester_email, &r.requester_phone, &r.requester_address, &r.requester_postcode}) {
    if (!contact->empty()) out << ", " << *contact;
  }
  out << "\n";
  if (!r.subject_name.empty()) out << fmt::format("  on behalf of: {}\n", r.subject_name);
  out << fmt::format("  asked for: {}\n", r.details);
  out << fmt::format("  received on {}; the clock started on {}; due on {}{}\n",
                     r.received_on.ToIso(), view.clock_starts_on.ToIso(), view.due_on.ToIso(),
                     view.overdue ? " (overdue)" : "");
  if (r.extension) {
    out << fmt::format("  extended by {} month(s), told on {}: {}\n", r.extension->months,
                       r.extension->told_on.ToIso(), r.extension->reason);
  }
  if (r.completed_on) out << fmt::format("  completed on {}\n", r.completed_on->ToIso());
  if (r.withdrawn_on) {
    out << fmt::format("  withdrawn on {}: {}\n", r.withdrawn_on->ToIso(), r.withdrawal_reason);
  }
  for (const app::StoredEvent& stored : view.history) {
    out << fmt::format("  {} {} by {}: {}\n", stored.event.occurred_on.ToIso(),
                       core::ToString(stored.event.type), stored.event.actor, stored.event.summary);
  }
}

class SarCommands final : public RecordCommands {
 public:
  SarCommands(CommandHost& host, const FileStoreOpener& open_files, app::ArchiveWriter* archive)
      : host_(host), open_files_(open_files), archive_(archive) {}

  void Register(CLI::App& app) {
    CLI::App* group = app.add_subcommand("sar", "subject access requests (UK GDPR Art. 15)");
    group->require_subcommand(1);

    CLI::App* list = group->add_subcommand("list", "every request, newest first");
    host_.AddDatabaseOption(list);
    list->add_flag("--open", open_only_, "only those neither completed nor withdrawn");
    host_.RunWithStore(list, [this](app::Store& store) -> Status {
      auto listed = app::ListSubjectAccessRequests(store, host_.clock(), open_only_);
      if (!listed) return tl::unexpected(listed.error());
      for (const app::SubjectAccessView& view : *listed) PrintLine(view, host_.out());
      return {};
    });

    CLI::App* show = group->add_subcommand("show", "a request with its due date and history");
    Reference(show);
    host_.RunWithStore(show, [this](app::Store& store) {
      return Printed(app::GetSubjectAccessRequest(store, host_.clock(), reference_));
    });

    CLI::App* create = group->add_subcommand("create", "record a request as received");
    host_.AddDatabaseOption(create);
    create->add_option("--requester-name", request_.requester_name)->required();
    create->add_option("--requester-email", request_.requester_email);
    create->add_option("--requester-phone", request_.requester_phone);
    create->add_option("--requester-address", request_.requester_address);
    create->add_option("--requester-postcode", request_.requester_postcode);
    create->add_option("--subject-name", request_.subject_name,
                       "the person the data is about, when not the requester");
    create->add_option("--details", request_.details, "what was asked for")->required();
    create->add_option("--received-on", received_on_, "YYYY-MM-DD (default: today)");
    create->add_option("--identity-confirmed-on", identity_confirmed_on_, "YYYY-MM-DD");
    host_.RunWithStore(create, [this](app::Store& store) -> Status {
      core::SubjectAccessRequest request = request_;
      request.received_on = host_.clock().Today();
      if (!received_on_.empty()) {
        auto on = ParseDateOption("received_on", received_on_);
        if (!on) return tl::unexpected(on.error());
        request.received_on = *on;
      }
      if (!identity_confirmed_on_.empty()) {
        auto on = ParseDateOption("identity_confirmed_on", identity_confirmed_on_);
        if (!on) return tl::unexpected(on.error());
        request.identity_confirmed_on = *on;
      }
      return Printed(app::CreateSubjectAccessRequest(store, host_.clock(), app::SystemActor(),
                                                     std::move(request)));
    });

    CLI::App* extend = group->add_subcommand(
        "extend", "extend by one or two months, told to the requester within the first month");
    Reference(extend);
    extend->add_option("--months", extension_.months, "1 or 2")->required();
    extend->add_option("--reason", extension_.reason, "why, as told to the requester")->required();
    extend->add_option("--told-on", date_, "YYYY-MM-DD: when the requester was told")->required();
    host_.RunWithStore(extend, [this](app::Store& store) -> Status {
      auto on = ParseDateOption("told_on", date_);
      if (!on) return tl::unexpected(on.error());
      extension_.told_on = *on;
      return Step(store, [&](std::int64_t version) {
        return app::ExtendSubjectAccessRequest(store, host_.clock(), app::SystemActor(), reference_,
                                               extension_, version);
      });
    });

    CLI::App* complete = group->add_subcommand("complete", "record the answer sent");
    Reference(complete);
    complete->add_option("--completed-on", date_, "YYYY-MM-DD (default: today)");
    host_.RunWithStore(complete, [this](app::Store& store) -> Status {
      auto on = DateOrToday("completed_on");
      if (!on) return tl::unexpected(on.error());
      return Step(store, [&](std::int64_t version) {
        return app::CompleteSubjectAccessRequest(store, host_.clock(), app::SystemActor(),
                                                 reference_, *on, version);
      });
    });

    CLI::App* withdraw = group->add_subcommand("withdraw", "record the request withdrawn");
    Reference(withdraw);
    withdraw->add_option("--withdrawn-on", date_, "YYYY-MM-DD (default: today)");
    withdraw->add_option("--reason", reason_)->required();
    host_.RunWithStore(withdraw, [this](app::Store& store) -> Status {
      auto on = DateOrToday("withdrawn_on");
      if (!on) return tl::unexpected(on.error());
      return Step(store, [&](std::int64_t version) {
        return app::WithdrawSubjectAccessRequest(store, host_.clock(), app::SystemActor(),
                                                 reference_, *on, reason_, version);
      });
    });

    CLI::App* withhold = group->add_subcommand(
        "withhold", "withhold an item (third-party information) from the bundle, with a reason");
    Reference(withhold);
    withhold->add_option("--item", item_, "complaint:REF, note:REF/ID, letter:REF/N, attachment:ID")
        ->required();
    withhold->add_option("--reason", reason_)->required();
    host_.RunWithStore(withhold, [this](app::Store& store) -> Status {
      auto withheld = app::WithholdSubjectAccessItem(store, host_.clock(), app::SystemActor(),
                                                     reference_, item_, reason_);
      if (!withheld) return tl::unexpected(withheld.error());
      host_.out() << fmt::format("withheld {}: {}\n", withheld->item, withheld->reason);
      return {};
    });

    if (!open_files_ || archive_ == nullptr) return;
    CLI::App* bundle = group->add_subcommand(
        "bundle", "export everything held about the person as a ZIP (recorded in the audit trail)");
    Reference(bundle);
    bundle->add_option("--out", out_, "the ZIP file to write, - for standard output")->required();
    bundle->add_option("--files", files_, "the folder of attached files (serve's --files)")
        ->required();
    host_.RunWithStore(bundle, [this](app::Store& store) -> Status {
      auto files = open_files_(files_);
      if (!files) return tl::unexpected(files.error());
      auto exported = app::ExportSubjectAccessBundle(store, **files, host_.clock(),
                                                     app::SystemActor(), reference_, *archive_);
      if (!exported) return tl::unexpected(exported.error());
      if (Status written = WriteDocument(host_.out(), out_, exported->bytes); !written) {
        return written;
      }
      if (out_ != "-") {
        host_.out() << fmt::format("wrote {} ({} bytes, SHA-256 {})\n", out_,
                                   exported->bytes.size(), exported->sha256);
      }
      return {};
    });
  }

 private:
  void Reference(CLI::App* command) {
    host_.AddDatabaseOption(command);
    command->add_option("reference", reference_, "SAR-YYYY-NNNNNN")->required();
  }

  core::Result<core::Date> DateOrToday(const std::string& name) {
    if (date_.empty()) return host_.clock().Today();
    return ParseDateOption(name, date_);
  }

  // Reads the request and runs `step` at the version read: a change made meanwhile is refused.
  template <typename StepFn>
  Status Step(app::Store& store, StepFn&& step) {
    auto current = app::GetSubjectAccessRequest(store, host_.clock(), reference_);
    if (!current) return tl::unexpected(current.error());
    return Printed(step(current->request.version));
  }

  Status Printed(const core::Result<app::SubjectAccessView>& result) {
    if (!result) return tl::unexpected(result.error());
    Print(*result, host_.out());
    return {};
  }

  CommandHost& host_;
  FileStoreOpener open_files_;
  app::ArchiveWriter* archive_;
  bool open_only_ = false;
  std::string reference_;
  core::SubjectAccessRequest request_;
  std::string received_on_;
  std::string identity_confirmed_on_;
  core::SubjectAccessExtension extension_;
  std::string date_;
  std::string reason_;
  std::string item_;
  std::string out_;
  std::string files_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterSarCommands(CommandHost& host, CLI::App& app,
                                                    const FileStoreOpener& open_files,
                                                    app::ArchiveWriter* archive) {
  auto commands = std::make_unique<SarCommands>(host, open_files, archive);
  commands->Register(app);
  return commands;
}

}  // namespace redress::cli
