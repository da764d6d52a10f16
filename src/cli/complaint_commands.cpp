#include "cli/complaint_commands.hpp"

#include <optional>
#include <ostream>
#include <string>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "cli/complaint_output.hpp"

namespace redress::cli {
namespace {

using core::Status;

class ComplaintCommands final : public RecordCommands {
 public:
  ComplaintCommands(CommandHost& host, CLI::App& app) : host_(host) {
    CLI::App* complaint = app.add_subcommand("complaint", "one complaint: show it, refuse it");
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

  CommandHost& host_;
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
