#include "cli/submission_commands.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "app/annual_submissions.hpp"
#include "app/organisation.hpp"
#include "report/render/render.hpp"
#include "report/render/submission_form_render.hpp"

namespace redress::cli {
namespace {

using core::Status;

// The record in a few lines: its year, status, deadline and each step with who and when.
void Print(const core::AnnualSubmission& s, std::ostream& out) {
  out << fmt::format("annual submission {}: {} (deadline {}, {} homes, version {})\n",
                     report::FinancialYearLabel(s.year), core::ToString(s.status),
                     core::SubmissionDeadline(core::FinancialYearEnd(s.year), s.homes).ToIso(),
                     s.homes, s.version);
  if (s.approved_on) {
    out << fmt::format("  approved on {} by {}, minute {}\n", s.approved_on->ToIso(),
                       s.governing_body, s.approval_minute);
  }
  if (s.published_on) {
    out << fmt::format("  published on {} at {}\n", s.published_on->ToIso(), s.web_address);
  }
  if (s.submitted_on) out << fmt::format("  submitted on {}\n", s.submitted_on->ToIso());
  for (const core::RecordedStep& step : s.steps) {
    out << fmt::format("  {} recorded by {} at {}\n", core::ToString(step.status), step.by,
                       step.at);
  }
}

class SubmissionCommands final : public RecordCommands {
 public:
  explicit SubmissionCommands(CommandHost& host) : host_(host) {}

  void Register(CLI::App& app) {
    CLI::App* group = app.add_subcommand(
        "submission", "the Housing Ombudsman annual submission of a financial year");
    group->require_subcommand(1);

    CLI::App* list = group->add_subcommand("list", "every year's submission, newest first");
    host_.AddDatabaseOption(list);
    host_.RunWithStore(list, [this](app::Store& store) -> Status {
      auto listed = app::ListAnnualSubmissions(store);
      if (!listed) return tl::unexpected(listed.error());
      for (const core::AnnualSubmission& s : *listed) Print(s, host_.out());
      return {};
    });

    CLI::App* show = group->add_subcommand("show", "a year's submission with its steps");
    Year(show);
    host_.RunWithStore(show, [this](app::Store& store) {
      return Printed(app::GetAnnualSubmission(store, year_));
    });

    CLI::App* create = group->add_subcommand("create", "start a year's submission as a draft");
    Year(create);
    create->add_option("--homes", homes_,
                       "homes owned (default: the year's homes owned, `report homes`)");
    DetailOptions(create);
    host_.RunWithStore(create, [this](app::Store& store) {
      app::NewSubmission input{year_, homes_, Details(core::SubmissionDetails{})};
      return Printed(app::CreateAnnualSubmission(store, host_.clock(), app::SystemActor(), input));
    });

    CLI::App* details = group->add_subcommand(
        "details", "change the form's Section 1 details (only the options given)");
    Year(details);
    DetailOptions(details);
    host_.RunWithStore(details, [this](app::Store& store) -> Status {
      auto current = app::GetAnnualSubmission(store, year_);
      if (!current) return tl::unexpected(current.error());
      return Printed(app::UpdateSubmissionDetails(store, host_.clock(), app::SystemActor(), year_,
                                                  Details(current->details), current->version));
    });

    CLI::App* approve =
        group->add_subcommand("approve", "record the governing body's approval, with its response");
    Year(approve);
    approve->add_option("--approved-on", date_, "YYYY-MM-DD")->required();
    approve->add_option("--governing-body", approval_.governing_body, "e.g. Cabinet")->required();
    approve->add_option("--minute", approval_.minute, "the minute reference")->required();
    approve->add_option("--response", approval_.response, "the governing body's response")
        ->required();
    host_.RunWithStore(approve, [this](app::Store& store) -> Status {
      auto on = ParseDateOption("approved_on", date_);
      if (!on) return tl::unexpected(on.error());
      approval_.approved_on = *on;
      return Printed(
          app::ApproveAnnualSubmission(store, host_.clock(), app::SystemActor(), year_, approval_));
    });

    CLI::App* publish = group->add_subcommand("publish", "record its publication on the website");
    Year(publish);
    publish->add_option("--published-on", date_, "YYYY-MM-DD")->required();
    publish->add_option("--web-address", web_address_, "https://...")->required();
    host_.RunWithStore(publish, [this](app::Store& store) -> Status {
      auto on = ParseDateOption("published_on", date_);
      if (!on) return tl::unexpected(on.error());
      return Printed(app::PublishAnnualSubmission(store, host_.clock(), app::SystemActor(), year_,
                                                  {*on, web_address_}));
    });

    CLI::App* submit = group->add_subcommand(
        "submit", "record it submitted to the Ombudsman; the year's report is kept as it is");
    Year(submit);
    submit->add_option("--submitted-on", date_, "YYYY-MM-DD")->required();
    host_.RunWithStore(submit, [this](app::Store& store) -> Status {
      auto on = ParseDateOption("submitted_on", date_);
      if (!on) return tl::unexpected(on.error());
      return Printed(app::SubmitAnnualSubmission(store, host_.clock(), app::SystemActor(), year_,
                                                 *on, [](const report::AnnualReport& report) {
                                                   return report::render::Render(
                                                       report, report::render::Format::kJson);
                                                 }));
    });

    CLI::App* form = group->add_subcommand(
        "form", "the Ombudsman's form, section by section, as json, csv or pdf");
    Year(form);
    form->add_option("--format", format_, "json (default), csv or pdf");
    form->add_option("--out", out_path_, "the file to write; - for standard output")->required();
    host_.RunWithStore(form, [this](app::Store& store) -> Status {
      const auto format = report::render::ParseFormFormat(format_);
      if (!format) {
        return core::FailField(
            "format",
            "must be " + std::string(report::render::kFormFormatNames) + ", got '" + format_ + "'");
      }
      auto filled = app::GetSubmissionForm(store, year_);
      if (!filled) return tl::unexpected(filled.error());
      auto document = report::render::RenderForm(*filled, *format);
      if (!document) return tl::unexpected(document.error());
      return WriteDocument(host_.out(), out_path_, *document);
    });

    CLI::App* report = group->add_subcommand(
        "report", "the annual report as it was submitted (JSON), frozen at submission");
    Year(report);
    report->add_option("--out", out_path_, "the file to write; - for standard output")->required();
    host_.RunWithStore(report, [this](app::Store& store) -> Status {
      auto kept = app::GetSubmittedReport(store, year_);
      if (!kept) return tl::unexpected(kept.error());
      return WriteDocument(host_.out(), out_path_, *kept);
    });
  }

 private:
  void Year(CLI::App* command) {
    host_.AddDatabaseOption(command);
    command->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
  }

  void DetailOptions(CLI::App* command) {
    command->add_option("--landlord-code", landlord_code_, "the landlord's code or number");
    for (auto& [who, values] :
         {std::pair{"complaints-officer", &officer_}, std::pair{"member-responsible", &member_}}) {
      command->add_option(fmt::format("--{}-name", who), values->name);
      command->add_option(fmt::format("--{}-job-title", who), values->job_title);
      command->add_option(fmt::format("--{}-email", who), values->email);
      command->add_option(fmt::format("--{}-phone", who), values->phone);
    }
    command->add_option("--policy-address", policy_address_, "https://...");
    command->add_option("--self-assessment-address", self_assessment_address_, "https://...");
    command->add_option("--report-address", report_address_, "https://...");
    command->add_option("--response-address", response_address_, "https://...");
  }

  // `details` with the options given replacing its values.
  core::SubmissionDetails Details(core::SubmissionDetails details) const {
    const auto set = [](std::string& field, const std::optional<std::string>& value) {
      if (value) field = *value;
    };
    set(details.landlord_code, landlord_code_);
    for (auto& [contact, values] : {std::pair{&details.complaints_officer, &officer_},
                                    std::pair{&details.member_responsible, &member_}}) {
      set(contact->name, values->name);
      set(contact->job_title, values->job_title);
      set(contact->email, values->email);
      set(contact->phone, values->phone);
    }
    set(details.policy_address, policy_address_);
    set(details.self_assessment_address, self_assessment_address_);
    set(details.report_address, report_address_);
    set(details.response_address, response_address_);
    return details;
  }

  Status Printed(const core::Result<core::AnnualSubmission>& result) {
    if (!result) return tl::unexpected(result.error());
    Print(*result, host_.out());
    return {};
  }

  struct ContactOptions {
    std::optional<std::string> name, job_title, email, phone;
  };

  CommandHost& host_;
  int year_ = 0;
  std::optional<std::int64_t> homes_;
  std::optional<std::string> landlord_code_;
  ContactOptions officer_;
  ContactOptions member_;
  std::optional<std::string> policy_address_;
  std::optional<std::string> self_assessment_address_;
  std::optional<std::string> report_address_;
  std::optional<std::string> response_address_;
  core::Approval approval_;
  std::string date_;
  std::string web_address_;
  std::string format_ = "json";
  std::string out_path_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterSubmissionCommands(CommandHost& host, CLI::App& app) {
  auto commands = std::make_unique<SubmissionCommands>(host);
  commands->Register(app);
  return commands;
}

}  // namespace redress::cli
