#include "cli/complaint_commands.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <tuple>

#include "app/case_use_cases.hpp"
#include "app/list_exports.hpp"
#include "app/organisation.hpp"
#include "cli/complaint_output.hpp"
#include "core/regime.hpp"
#include "report/render/table_writer.hpp"

namespace redress::cli {
namespace {

using core::Status;

class ComplaintCommands final : public RecordCommands {
 public:
  ComplaintCommands(CommandHost& host, CLI::App& app) : host_(host) {
    CLI::App* complaint =
        app.add_subcommand("complaint", "one complaint: show it, refuse it; export the list");
    complaint->require_subcommand(1);

    CLI::App* show = complaint->add_subcommand(
        "show", "a complaint's facts, its Code version and the time limit for complaining");
    host_.AddDatabaseOption(show);
    show->add_option("--reference", reference_, "the complaint's reference")->required();
    host_.RunWithStore(show, [this](app::Store& store) -> Status {
      app::OrganisationCache organisations;  // one command, one use case: nothing to share
      auto found = app::GetComplaint({store, host_.clock(), organisations}, reference_);
      if (!found) return tl::unexpected(found.error());
      PrintComplaint(*found, host_.out());
      return {};
    });

    CLI::App* refuse = complaint->add_subcommand(
        "refuse",
        "record that a complaint is not accepted; refusing as older_than_12_months needs the date "
        "the matter arose (here or when logged) more than the time limit before receipt");
    host_.AddDatabaseOption(refuse);
    refuse->add_option("--reference", reference_, "the complaint's reference")->required();
    refuse
        ->add_option("--reason", reason_,
                     "older_than_12_months, legal_proceedings, previously_considered or other")
        ->required();
    refuse->add_option("--explanation", explanation_, "the reasons given in writing")->required();
    refuse->add_option("--on", on_, "the date of the decision (default today)");
    refuse->add_option("--matter-arose-on", matter_arose_on_,
                       "when the matter happened or came to the complainant's notice");
    host_.RunWithStore(refuse, [this](app::Store& store) -> Status { return Refuse(store); });

    CLI::App* exported = complaint->add_subcommand(
        "export",
        "the complaint list as CSV or XLSX, with the list's filters; recorded in the audit trail");
    host_.AddDatabaseOption(exported);
    exported->add_option("--format", format_, "csv or xlsx")->required();
    exported->add_option("--out", out_, "the file to write, or - for standard output")->required();
    exported->add_option("--status", status_, "e.g. in_progress");
    exported->add_option("--regime", regime_, "housing, corporate, children or adults");
    exported->add_option("--service-area", query_.service_area, "a service area's code");
    exported->add_option("--team", query_.team, "a team's code");
    exported->add_option("--handler", query_.handler, "a username");
    exported->add_option("--category", query_.category, "a category's code");
    exported->add_option("--received-from", received_from_, "received on or after (YYYY-MM-DD)");
    exported->add_option("--received-to", received_to_, "received on or before (YYYY-MM-DD)");
    exported->add_flag("--overdue", query_.overdue, "only cases past their pending deadline");
    exported->add_option("--text", query_.text, "words searched in summary and description");
    host_.RunWithStore(exported, [this](app::Store& store) -> Status { return Export(store); });
  }

 private:
  Status Refuse(app::Store& store) {
    core::FieldErrors errors;
    core::RefuseInput input;
    input.on = host_.clock().Today();
    input.reason = core::ParseRefusalReason(reason_);
    if (!input.reason) {
      errors.Add("reason",
                 "must be older_than_12_months, legal_proceedings, previously_considered or "
                 "other, got '" +
                     reason_ + "'");
    }
    input.explanation = explanation_;
    if (!on_.empty()) {
      if (auto on = core::Date::Parse(on_)) {
        input.on = *on;
      } else {
        errors.Add("on", "must be a date YYYY-MM-DD, got '" + on_ + "'");
      }
    }
    if (!matter_arose_on_.empty()) {
      input.matter_arose_on = core::Date::Parse(matter_arose_on_);
      if (!input.matter_arose_on) {
        errors.Add("matter_arose_on", "must be a date YYYY-MM-DD, got '" + matter_arose_on_ + "'");
      }
    }
    if (!errors.empty()) return errors.ToError();
    app::OrganisationCache organisations;
    auto refused = app::ApplyCaseAction({store, host_.clock(), organisations}, app::SystemActor(),
                                        reference_, std::nullopt, input);
    if (!refused) return tl::unexpected(refused.error());
    PrintComplaint(*refused, host_.out());
    return {};
  }

  // The filters given, as the audit trail records them: "--name=value" in the order of the options.
  std::string FiltersText() const {
    std::string text;
    const auto add = [&text](std::string_view name, const std::string& value) {
      if (value.empty()) return;
      if (!text.empty()) text += ' ';
      text += "--" + std::string(name) + "=" + value;
    };
    add("status", status_);
    add("regime", regime_);
    add("service-area", query_.service_area);
    add("team", query_.team);
    add("handler", query_.handler);
    add("category", query_.category);
    add("received-from", received_from_);
    add("received-to", received_to_);
    if (query_.overdue) add("overdue", "true");
    add("text", query_.text);
    return text;
  }

  Status Export(app::Store& store) {
    core::FieldErrors errors;
    const auto format = report::render::ParseTableFormat(format_);
    if (!format) errors.Add("format", "must be csv or xlsx, got '" + format_ + "'");
    app::ComplaintQuery query = query_;
    if (!status_.empty()) {
      query.status = core::ParseCaseStatus(status_);
      if (!query.status) errors.Add("status", "is not a status: '" + status_ + "'");
    }
    if (!regime_.empty()) {
      query.regime = core::ParseRegime(regime_);
      if (!query.regime) errors.Add("regime", "is not a regime: '" + regime_ + "'");
    }
    for (const auto& [name, text, bound] :
         {std::tuple{"received_from", &received_from_, &query.received_from},
          std::tuple{"received_to", &received_to_, &query.received_to}}) {
      if (text->empty()) continue;
      auto date = core::Date::Parse(*text);
      if (!date) errors.Add(name, "must be a date YYYY-MM-DD, got '" + *text + "'");
      *bound = date;
    }
    if (!errors.empty()) return errors.ToError();
    auto writer = report::render::TableWriter::Open(*format, "Complaints", host_.clock().Today());
    if (!writer) return tl::unexpected(writer.error());
    app::OrganisationCache organisations;
    auto rows = app::ExportComplaints(
        {store, host_.clock(), organisations}, app::CommandLineReader(), query,
        {std::string(report::render::ToString(*format)), FiltersText()}, **writer);
    if (!rows) return tl::unexpected(rows.error());
    auto document = (*writer)->Finish();
    if (!document) return tl::unexpected(document.error());
    return WriteDocument(host_.out(), out_, *document);
  }

  CommandHost& host_;
  app::ComplaintQuery query_;
  std::string format_;
  std::string out_;
  std::string status_;
  std::string regime_;
  std::string received_from_;
  std::string received_to_;
  std::string reference_;
  std::string reason_;
  std::string explanation_;
  std::string on_;
  std::string matter_arose_on_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterComplaintCommands(CommandHost& host, CLI::App& app) {
  return std::make_unique<ComplaintCommands>(host, app);
}

}  // namespace redress::cli
