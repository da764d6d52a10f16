#include "cli/oversight_commands.hpp"

#include <memory>
#include <string>
#include <utility>

#include "app/learning.hpp"
#include "app/ombudsman.hpp"
#include "app/organisation.hpp"
#include "cli/learning_output.hpp"
#include "cli/ombudsman_output.hpp"
#include "cli/self_assessment_output.hpp"

namespace redress::cli {
namespace {

using core::Status;

class OversightCommands final : public RecordCommands {
 public:
  explicit OversightCommands(CommandHost& host) : host_(host) {}

  CLI::App& RegisterOmbudsman(CLI::App& app) {
    CLI::App* ombudsman = app.add_subcommand(
        "ombudsman", "Ombudsman cases, failure orders and the LGSCO annual letter");
    ombudsman->require_subcommand(1);
    CLI::App* list = ombudsman->add_subcommand(
        "list",
        "the cases: reference, ombudsman, their reference, received, decided, outcome, "
        "complaints");
    host_.AddDatabaseOption(list);
    list->add_option("--ombudsman", ombudsman_, "housing_ombudsman or lgsco");
    list->add_option("--complaint", reference_, "only the cases concerning this complaint");
    host_.RunWithStore(list, [this](app::Store& store) -> Status {
      app::OmbudsmanCaseFilter filter;
      if (!ombudsman_.empty()) {
        filter.ombudsman = core::ParseOmbudsman(ombudsman_);
        if (!filter.ombudsman) {
          return Status(core::FailField("ombudsman", "must be housing_ombudsman or lgsco"));
        }
      }
      filter.complaint = reference_;
      return PrintOmbudsmanCases(store, filter, host_.out());
    });
    CLI::App* show = ombudsman->add_subcommand("show", "one case with its findings and remedies");
    host_.AddDatabaseOption(show);
    show->add_option("--reference", reference_, "the case, e.g. OMB-2025-000001")->required();
    host_.RunWithStore(show, [this](app::Store& store) {
      return PrintOmbudsmanCase(store, reference_, host_.clock().Today(), host_.out());
    });
    CLI::App* overdue = ombudsman->add_subcommand(
        "overdue", "overdue Ombudsman information, orders, failure orders and learning actions");
    host_.AddDatabaseOption(overdue);
    overdue->add_option("--on", date_, "as at this date (default today)");
    host_.RunWithStore(overdue, [this](app::Store& store) -> Status {
      core::Date on = host_.clock().Today();
      if (!date_.empty()) {
        auto parsed = ParseDateOption("on", date_);
        if (!parsed) return tl::unexpected(parsed.error());
        on = *parsed;
      }
      return PrintOverdue(store, on, host_.out());
    });
    CLI::App* letter = ombudsman->add_subcommand(
        "reconcile",
        "the LGSCO annual letter of a year beside the cases recorded, with differences");
    host_.AddDatabaseOption(letter);
    letter->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    host_.RunWithStore(letter, [this](app::Store& store) {
      return PrintReconciliation(store, year_, host_.out());
    });
    return *ombudsman;
  }

  CLI::App& RegisterLearning(CLI::App& app) {
    CLI::App* learning = app.add_subcommand("learning", "learning and service-improvement actions");
    learning->require_subcommand(1);
    CLI::App* list = learning->add_subcommand(
        "list", "lessons learned: reference, status (* overdue), due, owner, source, action");
    host_.AddDatabaseOption(list);
    list->add_option("--status", status_, "open, in_progress, completed or cancelled");
    list->add_flag("--overdue", overdue_only_, "only actions past their due date");
    host_.RunWithStore(list, [this](app::Store& store) -> Status {
      app::LearningFilter filter;
      filter.overdue_only = overdue_only_;
      if (!status_.empty()) {
        filter.status = core::ParseLearningStatus(status_);
        if (!filter.status) {
          return core::FailField("status", "must be open, in_progress, completed or cancelled");
        }
      }
      return PrintLearningActions(store, filter, host_.clock().Today(), host_.out());
    });
    return *learning;
  }

  CLI::App& RegisterSelfAssessment(CLI::App& app) {
    CLI::App* assessment =
        app.add_subcommand("self-assessment", "the Complaint Handling Code self-assessment");
    assessment->require_subcommand(1);
    CLI::App* show =
        assessment->add_subcommand("show", "a year's assessment, provision by provision");
    host_.AddDatabaseOption(show);
    show->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    host_.RunWithStore(
        show, [this](app::Store& store) { return PrintSelfAssessment(store, year_, host_.out()); });
    CLI::App* start = assessment->add_subcommand(
        "start", "start a year's assessment from the Code's provisions (sections 1 to 9)");
    host_.AddDatabaseOption(start);
    start->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    host_.RunWithStore(start, [this](app::Store& store) -> Status {
      auto started = app::StartSelfAssessment(store, host_.clock(), app::SystemActor(), year_);
      if (!started) return tl::unexpected(started.error());
      host_.out() << "self-assessment " << year_ << " started with " << started->provisions.size()
                  << " provisions\n";
      return {};
    });
    return *assessment;
  }

 private:
  CommandHost& host_;
  std::string ombudsman_;
  std::string reference_;
  std::string date_;
  std::string status_;
  bool overdue_only_ = false;
  int year_ = 0;
};

}  // namespace

OversightGroups RegisterOversightCommands(CommandHost& host, CLI::App& app) {
  auto commands = std::make_unique<OversightCommands>(host);
  CLI::App& ombudsman = commands->RegisterOmbudsman(app);
  CLI::App& learning = commands->RegisterLearning(app);
  CLI::App& self_assessment = commands->RegisterSelfAssessment(app);
  return {ombudsman, learning, self_assessment, std::move(commands)};
}

}  // namespace redress::cli
