#include "cli/record_commands.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "app/learning.hpp"
#include "app/ombudsman.hpp"
#include "app/organisation.hpp"
#include "core/calendar.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"

namespace redress::cli {
namespace {

using core::Status;

// Given to a date option, clears the date.
constexpr std::string_view kClear = "-";

// An option whose value is text, and whether it was given at all (an empty value is a value).
// Commands that take the same value share one; only one command runs, so the option given is
// the one of that command.
struct Text {
  std::string value;
  std::vector<CLI::Option*> options;

  const CLI::Option* Given() const {
    for (const CLI::Option* option : options) {
      if (option->count() > 0) return option;
    }
    return nullptr;
  }
  bool given() const { return Given() != nullptr; }
};

Text& Bind(CLI::App* command, Text& text, const std::string& name, const std::string& help) {
  text.options.push_back(command->add_option(name, text.value, help));
  return text;
}

// The field an option sets: "--information-due-on" sets information_due_on.
std::string FieldOf(const Text& text) {
  const CLI::Option* option = text.Given();
  std::string field = option != nullptr ? option->get_name() : "";
  field.erase(0, field.find_first_not_of('-'));
  std::replace(field.begin(), field.end(), '-', '_');
  return field;
}

// Collects the problems of every option before anything is saved.
class Parser {
 public:
  void Set(const Text& text, std::string& target) {
    if (text.given()) target = text.value;
  }

  void Set(const Text& text, std::optional<core::Date>& target) {
    if (!text.given()) return;
    if (text.value == kClear) {
      target.reset();
      return;
    }
    if (auto date = ParseDate(text)) target = *date;
  }

  void Set(const Text& text, core::Date& target) {
    if (!text.given()) return;
    if (auto date = ParseDate(text)) target = *date;
  }

  void Set(const Text& text, std::int64_t& target) {
    if (!text.given()) return;
    try {
      std::size_t used = 0;
      const long long number = std::stoll(text.value, &used);
      if (used == text.value.size() && number >= 0) {
        target = number;
        return;
      }
    } catch (const std::logic_error&) {
      // Reported below with the other malformed values.
    }
    errors_.Add(FieldOf(text), "must be a whole number, 0 or more, got '" + text.value + "'");
  }

  void Set(const Text& text, std::optional<double>& target) {
    if (!text.given()) return;
    if (text.value == kClear) {
      target.reset();
      return;
    }
    try {
      std::size_t used = 0;
      const double number = std::stod(text.value, &used);
      if (used == text.value.size()) {
        target = number;
        return;
      }
    } catch (const std::logic_error&) {
      // Reported below with the other malformed values.
    }
    errors_.Add(FieldOf(text), "must be a number, got '" + text.value + "'");
  }

  // An enumerated value, parsed by `parse` (core's Parse* functions); `names` lists the choices.
  template <typename Enum, typename ParseFn>
  void SetEnum(const Text& text, Enum& target, ParseFn parse, std::string_view names) {
    if (!text.given()) return;
    if (std::optional<Enum> parsed = parse(text.value)) {
      target = *parsed;
    } else {
      errors_.Add(FieldOf(text), fmt::format("must be one of {}, got '{}'", names, text.value));
    }
  }

  template <typename Enum, typename ParseFn>
  void SetEnum(const Text& text, std::optional<Enum>& target, ParseFn parse,
               std::string_view names) {
    if (!text.given()) return;
    if (text.value == kClear) {
      target.reset();
      return;
    }
    Enum value{};
    SetEnum(text, value, parse, names);
    target = value;
  }

  void SetYesNo(const Text& text, bool& target) {
    if (!text.given()) return;
    if (text.value == "yes" || text.value == "no") {
      target = text.value == "yes";
    } else {
      errors_.Add(FieldOf(text), "must be yes or no, got '" + text.value + "'");
    }
  }

  void Add(const std::string& field, const std::string& message) { errors_.Add(field, message); }

  Status Done() const {
    if (errors_.empty()) return {};
    return errors_.ToError();
  }

 private:
  std::optional<core::Date> ParseDate(const Text& text) {
    std::optional<core::Date> date = core::Date::Parse(text.value);
    if (!date || !core::InCalendarRange(*date)) {
      errors_.Add(FieldOf(text), "must be a real date written YYYY-MM-DD (or - to clear), got '" +
                                     text.value + "'");
      return std::nullopt;
    }
    return date;
  }

  core::FieldErrors errors_;
};

constexpr std::string_view kOmbudsmanNames = "housing_ombudsman, lgsco";
constexpr std::string_view kFindingNames =
    "no_maladministration, service_failure, maladministration, severe_maladministration, "
    "mediation, reasonable_redress, outside_jurisdiction, withdrawn";
constexpr std::string_view kDecisionNames =
    "upheld_fault_and_injustice, upheld_fault_no_injustice, not_upheld, "
    "closed_after_initial_enquiries, not_for_us_premature, referred_back_for_local_resolution, "
    "advice_given, incomplete_invalid";
constexpr std::string_view kRemedyKindNames = "order, recommendation";
constexpr std::string_view kRemedyTypeNames =
    "apology, specific_action, policy_review, financial_compensation, wider_order, other";
constexpr std::string_view kChfoTypeNames = "type_1, type_2, type_3";
constexpr std::string_view kChfoGroundNames =
    "delay_progressing_complaint, delay_providing_information, breach_of_membership_obligations";
constexpr std::string_view kChfoOutcomeNames = "pending, complied, not_complied";
constexpr std::string_view kLearningStatusNames = "open, in_progress, completed, cancelled";
constexpr std::string_view kComplianceNames = "complies, partly, does_not_comply";

// The options of an Ombudsman case that `add` and `update` share.
struct CaseOptions {
  Text ombudsman_reference;
  Text summary;
  Text referred_on;
  Text enquiry_received_on;
  Text information_due_on;
  Text information_sent_on;
  Text draft_decision_on;
  Text final_decision_on;
  std::vector<std::string> findings;  // "finding:element"
  std::vector<CLI::Option*> findings_options;
  Text lgsco_decision;
  Text satisfactory_remedy;

  void Bind(CLI::App* command) {
    cli::Bind(command, ombudsman_reference, "--ombudsman-reference", "the Ombudsman's reference");
    cli::Bind(command, summary, "--summary", "what the case is about");
    const std::string date_help = "YYYY-MM-DD, or - to clear";
    cli::Bind(command, referred_on, "--referred-on", "referred to the Ombudsman, " + date_help);
    cli::Bind(command, enquiry_received_on, "--enquiry-received-on",
              "the Ombudsman's enquiry received, " + date_help);
    cli::Bind(command, information_due_on, "--information-due-on",
              "the Ombudsman's deadline for information, " + date_help);
    cli::Bind(command, information_sent_on, "--information-sent-on",
              "information sent, " + date_help);
    cli::Bind(command, draft_decision_on, "--draft-decision-on", "draft decision, " + date_help);
    cli::Bind(command, final_decision_on, "--final-decision-on", "final decision, " + date_help);
    findings_options.push_back(command->add_option(
        "--finding", findings,
        "Housing Ombudsman: FINDING:ELEMENT, repeated for each element; replaces the findings. "
        "FINDING is one of " +
            std::string(kFindingNames)));
    cli::Bind(command, lgsco_decision, "--lgsco-decision",
              "LGSCO: one of " + std::string(kDecisionNames) + ", or - to clear");
    cli::Bind(command, satisfactory_remedy, "--satisfactory-remedy",
              "LGSCO: yes when the council had already given a satisfactory remedy");
  }

  void Apply(Parser& parser, core::OmbudsmanCase& c) const {
    parser.Set(ombudsman_reference, c.ombudsman_reference);
    parser.Set(summary, c.summary);
    parser.Set(referred_on, c.referred_on);
    parser.Set(enquiry_received_on, c.enquiry_received_on);
    parser.Set(information_due_on, c.information_due_on);
    parser.Set(information_sent_on, c.information_sent_on);
    parser.Set(draft_decision_on, c.draft_decision_on);
    parser.Set(final_decision_on, c.final_decision_on);
    const bool findings_given = std::any_of(findings_options.begin(), findings_options.end(),
                                            [](const CLI::Option* o) { return o->count() > 0; });
    if (findings_given) {
      c.findings.clear();
      for (std::size_t i = 0; i < findings.size(); ++i) {
        const std::string& text = findings[i];
        const std::size_t colon = text.find(':');
        const auto finding = core::ParseHoFinding(text.substr(0, colon));
        if (colon == std::string::npos || !finding) {
          parser.Add(fmt::format("findings[{}]", i),
                     fmt::format("must be FINDING:ELEMENT with FINDING one of {}, got '{}'",
                                 kFindingNames, text));
          continue;
        }
        c.findings.push_back({text.substr(colon + 1), *finding});
      }
    }
    parser.SetEnum(lgsco_decision, c.lgsco_decision, core::ParseLgscoDecision, kDecisionNames);
    parser.SetYesNo(satisfactory_remedy, c.satisfactory_remedy_by_council);
  }
};

class Commands final : public RecordCommands {
 public:
  explicit Commands(CommandHost& host) : host_(host) {}

  void RegisterOmbudsman(CLI::App& ombudsman) {
    RegisterCaseAdd(ombudsman);
    RegisterCaseUpdate(ombudsman);
    RegisterRemedy(ombudsman);
    RegisterComply(ombudsman);
    RegisterFailureOrders(ombudsman);
    RegisterLetter(ombudsman);
  }

  void RegisterLearning(CLI::App& learning) {
    RegisterLearningAdd(learning);
    RegisterLearningUpdate(learning);
  }

  void RegisterSelfAssessment(CLI::App& assessment) {
    RegisterAssess(assessment);
    RegisterRemove(assessment);
    RegisterApprove(assessment);
  }

 private:
  const app::Actor actor_ = app::SystemActor();

  CLI::App* Command(CLI::App& group, const std::string& name, const std::string& help) {
    CLI::App* command = group.add_subcommand(name, help);
    host_.AddDatabaseOption(command);
    return command;
  }

  core::Date Today() const { return host_.clock().Today(); }

  void RegisterCaseAdd(CLI::App& group) {
    CLI::App* command = Command(group, "add", "record a new Ombudsman case");
    command->add_option("--ombudsman", ombudsman_, std::string(kOmbudsmanNames))->required();
    command->add_option("--complaint", complaints_,
                        "a complaint the case concerns (repeat for each; none when the "
                        "Ombudsman contacted the council first)");
    case_options_.Bind(command);
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      core::OmbudsmanCase record;
      Parser parser;
      const auto parsed = core::ParseOmbudsman(ombudsman_);
      if (!parsed) {
        parser.Add("ombudsman",
                   fmt::format("must be one of {}, got '{}'", kOmbudsmanNames, ombudsman_));
      } else {
        record.ombudsman = *parsed;
      }
      record.complaints = complaints_;
      case_options_.Apply(parser, record);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved = app::RecordOmbudsmanCase(store, host_.clock(), actor_, std::move(record));
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "recorded " << saved->reference << '\n';
      return {};
    });
  }

  // Runs `change` on case --reference as read and saves it at the version read.
  template <typename Change>
  Status ChangeCase(app::Store& store, Change&& change) {
    auto found = app::GetOmbudsmanCase(store, actor_, reference_);
    if (!found) return tl::unexpected(found.error());
    const std::int64_t version = found->version;
    Parser parser;
    change(parser, *found);
    if (Status valid = parser.Done(); !valid) return valid;
    auto saved = app::UpdateOmbudsmanCase(store, host_.clock(), actor_, std::move(*found), version);
    if (!saved) return tl::unexpected(saved.error());
    host_.out() << "updated " << saved->reference << " (version " << saved->version << ")\n";
    return {};
  }

  void AddReference(CLI::App* command, const std::string& help) {
    command->add_option("--reference", reference_, help)->required();
  }

  void RegisterCaseUpdate(CLI::App& group) {
    CLI::App* command = Command(group, "update",
                                "change a case's dates, outcome and linked complaints; options "
                                "not given are left as they are");
    AddReference(command, "the case, e.g. OMB-2025-000001");
    command->add_option("--link", links_, "a complaint the case now concerns (repeatable)");
    command->add_option("--unlink", unlinks_, "a complaint it no longer concerns (repeatable)");
    case_options_.Bind(command);
    host_.RunWithStore(command, [this](app::Store& store) {
      return ChangeCase(store, [this](Parser& parser, core::OmbudsmanCase& c) {
        for (const std::string& reference : unlinks_) {
          if (std::erase(c.complaints, reference) == 0) {
            parser.Add("unlink", "the case does not concern " + reference);
          }
        }
        for (const std::string& reference : links_) {
          if (std::find(c.complaints.begin(), c.complaints.end(), reference) ==
              c.complaints.end()) {
            c.complaints.push_back(reference);
          }
        }
        case_options_.Apply(parser, c);
      });
    });
  }

  void RegisterRemedy(CLI::App& group) {
    CLI::App* command =
        Command(group, "remedy", "add an order or recommendation to a decided case");
    AddReference(command, "the case");
    Bind(command, kind_, "--kind", std::string(kRemedyKindNames))->required();
    Bind(command, type_, "--type", std::string(kRemedyTypeNames))->required();
    Bind(command, description_, "--description", "what must be done")->required();
    Bind(command, due_on_, "--due-on", "when it must be done, YYYY-MM-DD")->required();
    host_.RunWithStore(command, [this](app::Store& store) {
      return ChangeCase(store, [this](Parser& parser, core::OmbudsmanCase& c) {
        core::OmbudsmanRemedy remedy;
        parser.SetEnum(kind_, remedy.kind, core::ParseRemedyKind, kRemedyKindNames);
        parser.SetEnum(type_, remedy.type, core::ParseOmbudsmanRemedyType, kRemedyTypeNames);
        parser.Set(description_, remedy.description);
        parser.Set(due_on_, remedy.due_on);
        c.remedies.push_back(std::move(remedy));
      });
    });
  }

  void RegisterComply(CLI::App& group) {
    CLI::App* command = Command(group, "comply",
                                "record that an order or recommendation was carried out, with "
                                "the evidence");
    AddReference(command, "the case");
    command
        ->add_option("--remedy", remedy_number_,
                     "which one: 1 for the first listed by `ombudsman show`")
        ->required();
    Bind(command, completed_on_, "--completed-on", "YYYY-MM-DD, or - to undo")->required();
    Bind(command, evidence_, "--evidence", "what shows it was done");
    host_.RunWithStore(command, [this](app::Store& store) {
      return ChangeCase(store, [this](Parser& parser, core::OmbudsmanCase& c) {
        if (remedy_number_ < 1 || static_cast<std::size_t>(remedy_number_) > c.remedies.size()) {
          parser.Add("remedy",
                     fmt::format("must be 1 to {}, got {}", c.remedies.size(), remedy_number_));
          return;
        }
        core::OmbudsmanRemedy& remedy = c.remedies[static_cast<std::size_t>(remedy_number_ - 1)];
        parser.Set(completed_on_, remedy.completed_on);
        parser.Set(evidence_, remedy.evidence);
      });
    });
  }

  void RegisterFailureOrders(CLI::App& group) {
    CLI::App* orders = group.add_subcommand("failure-order", "Complaint Handling Failure Orders");
    orders->require_subcommand(1);

    CLI::App* add = Command(*orders, "add", "record a failure order");
    BindFailureOrder(add);
    add->get_option("--type")->required();
    add->get_option("--ground")->required();
    add->get_option("--issued-on")->required();
    add->get_option("--due-on")->required();
    host_.RunWithStore(add, [this](app::Store& store) -> Status {
      core::FailureOrder order;
      Parser parser;
      ApplyFailureOrder(parser, order);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved = app::RecordFailureOrder(store, host_.clock(), actor_, std::move(order));
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "recorded " << saved->reference << '\n';
      return {};
    });

    CLI::App* update = Command(*orders, "update", "change a failure order, e.g. its compliance");
    AddReference(update, "the order, e.g. CHFO-2025-000001");
    BindFailureOrder(update);
    host_.RunWithStore(update, [this](app::Store& store) -> Status {
      auto found = app::GetFailureOrder(store, actor_, reference_);
      if (!found) return tl::unexpected(found.error());
      const std::int64_t version = found->version;
      Parser parser;
      ApplyFailureOrder(parser, *found);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved =
          app::UpdateFailureOrder(store, host_.clock(), actor_, std::move(*found), version);
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "updated " << saved->reference << " (version " << saved->version << ")\n";
      return {};
    });

    CLI::App* list = Command(*orders, "list",
                             "the orders: reference, type, issued, due, outcome, complied, case");
    host_.RunWithStore(list, [this](app::Store& store) -> Status {
      auto orders_found = app::ListFailureOrders(store, app::CommandLineReader());
      if (!orders_found) return tl::unexpected(orders_found.error());
      for (const core::FailureOrder& o : *orders_found) {
        host_.out() << o.reference << '\t' << core::ToString(o.type) << '\t' << o.issued_on.ToIso()
                    << '\t' << o.due_on.ToIso() << '\t' << core::ToString(o.outcome) << '\t'
                    << (o.complied_on ? o.complied_on->ToIso() : "-") << '\t'
                    << (o.ombudsman_case.empty() ? "-" : o.ombudsman_case) << '\n';
      }
      return {};
    });
  }

  void BindFailureOrder(CLI::App* command) {
    Bind(command, ombudsman_case_, "--ombudsman-case",
         "the Ombudsman case it was made in; none for a systemic order");
    Bind(command, order_reference_, "--ombudsman-reference", "the Ombudsman's reference");
    Bind(command, type_, "--type", std::string(kChfoTypeNames));
    Bind(command, ground_, "--ground", std::string(kChfoGroundNames));
    Bind(command, description_, "--description", "what the order says");
    Bind(command, issued_on_, "--issued-on", "YYYY-MM-DD");
    Bind(command, due_on_, "--due-on", "when it must be complied with, YYYY-MM-DD");
    Bind(command, outcome_, "--outcome", std::string(kChfoOutcomeNames));
    Bind(command, completed_on_, "--complied-on", "YYYY-MM-DD, or - to clear");
  }

  void ApplyFailureOrder(Parser& parser, core::FailureOrder& order) {
    parser.Set(ombudsman_case_, order.ombudsman_case);
    parser.Set(order_reference_, order.ombudsman_reference);
    parser.SetEnum(type_, order.type, core::ParseChfoType, kChfoTypeNames);
    parser.SetEnum(ground_, order.ground, core::ParseChfoGround, kChfoGroundNames);
    parser.Set(description_, order.description);
    parser.Set(issued_on_, order.issued_on);
    parser.Set(due_on_, order.due_on);
    parser.SetEnum(outcome_, order.outcome, core::ParseChfoOutcome, kChfoOutcomeNames);
    parser.Set(completed_on_, order.complied_on);
  }

  void RegisterLetter(CLI::App& group) {
    CLI::App* command = Command(group, "letter",
                                "enter or correct the LGSCO annual letter's figures for a year "
                                "(then `ombudsman reconcile`)");
    command->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    const std::string count = "a count from the letter";
    Bind(command, letter_.received, "--complaints-and-enquiries-received", count)->required();
    Bind(command, letter_.decisions, "--decisions-made", count)->required();
    Bind(command, letter_.not_for_us, "--not-for-us", count)->required();
    Bind(command, letter_.assessed_and_closed, "--assessed-and-closed", count)->required();
    Bind(command, letter_.investigated, "--investigated", count)->required();
    Bind(command, letter_.upheld, "--upheld", count)->required();
    Bind(command, letter_.satisfactory_remedy, "--satisfactory-remedy-by-council", count);
    const std::string percent = "a percentage from the letter, 0 to 100";
    Bind(command, letter_.uphold_rate, "--uphold-rate-percent", percent);
    Bind(command, letter_.average_uphold_rate, "--average-uphold-rate-percent", percent);
    Bind(command, letter_.compliance, "--compliance-percent", percent);
    Bind(command, letter_.comparison_group, "--comparison-group",
         "e.g. County, District, Unitary, London Borough");
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      core::LgscoLetter letter;
      letter.year = year_;
      Parser parser;
      parser.Set(letter_.received, letter.complaints_and_enquiries_received);
      parser.Set(letter_.decisions, letter.decisions_made);
      parser.Set(letter_.not_for_us, letter.not_for_us);
      parser.Set(letter_.assessed_and_closed, letter.assessed_and_closed);
      parser.Set(letter_.investigated, letter.investigated);
      parser.Set(letter_.upheld, letter.upheld);
      parser.Set(letter_.satisfactory_remedy, letter.satisfactory_remedy_by_council);
      parser.Set(letter_.uphold_rate, letter.uphold_rate_percent);
      parser.Set(letter_.average_uphold_rate, letter.average_uphold_rate_percent);
      parser.Set(letter_.compliance, letter.compliance_percent);
      parser.Set(letter_.comparison_group, letter.comparison_group);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved = app::SaveLgscoLetter(store, host_.clock(), actor_, letter);
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "LGSCO annual letter " << year_ << " saved\n";
      return {};
    });
  }

  void BindLearning(CLI::App* command) {
    Bind(command, lesson_, "--lesson", "what was learnt");
    Bind(command, action_, "--action", "what will change");
    Bind(command, owner_, "--owner", "the username of who owns it");
    Bind(command, due_on_, "--due-on", "YYYY-MM-DD");
  }

  void ApplyLearning(Parser& parser, core::LearningAction& action) {
    parser.Set(lesson_, action.lesson);
    parser.Set(action_, action.action);
    parser.Set(owner_, action.owner);
    parser.Set(due_on_, action.due_on);
  }

  void RegisterLearningAdd(CLI::App& group) {
    CLI::App* command = Command(group, "add",
                                "raise an action from complaints (--complaint), an Ombudsman "
                                "case (--ombudsman-case) or a theme (--category, --root-cause)");
    command->add_option("--complaint", complaints_, "a complaint it comes from (repeatable)");
    Bind(command, ombudsman_case_, "--ombudsman-case", "the Ombudsman case it comes from");
    Bind(command, category_, "--category", "theme: a category code");
    Bind(command, root_cause_, "--root-cause", "theme: a root cause code");
    BindLearning(command);
    for (const char* name : {"--lesson", "--action", "--owner", "--due-on"}) {
      command->get_option(name)->required();
    }
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      core::LearningAction action;
      action.complaints = complaints_;
      action.source = !complaints_.empty()      ? core::LearningSource::kComplaints
                      : ombudsman_case_.given() ? core::LearningSource::kOmbudsmanCase
                                                : core::LearningSource::kTheme;
      action.raised_on = Today();
      Parser parser;
      parser.Set(ombudsman_case_, action.ombudsman_case);
      parser.Set(category_, action.category);
      parser.Set(root_cause_, action.root_cause);
      ApplyLearning(parser, action);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved = app::RaiseLearningAction(store, host_.clock(), actor_, std::move(action));
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "raised " << saved->reference << '\n';
      return {};
    });
  }

  void RegisterLearningUpdate(CLI::App& group) {
    CLI::App* command = Command(group, "update",
                                "change an action: status, owner, due date, or complete it "
                                "with --status completed --evidence");
    AddReference(command, "the action, e.g. LRN-2025-000001");
    BindLearning(command);
    Bind(command, status_, "--status", std::string(kLearningStatusNames));
    Bind(command, evidence_, "--evidence", "what shows it was done (needed to complete it)");
    Bind(command, completed_on_, "--completed-on",
         "YYYY-MM-DD (default today when completing), or - to clear");
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      auto found = app::GetLearningAction(store, actor_, reference_);
      if (!found) return tl::unexpected(found.error());
      const std::int64_t version = found->version;
      Parser parser;
      ApplyLearning(parser, *found);
      parser.SetEnum(status_, found->status, core::ParseLearningStatus, kLearningStatusNames);
      parser.Set(evidence_, found->evidence);
      parser.Set(completed_on_, found->completed_on);
      const bool completed = found->status == core::LearningStatus::kCompleted;
      if (completed && !completed_on_.given() && !found->completed_on) {
        found->completed_on = Today();
      }
      if (!completed && !completed_on_.given()) found->completed_on.reset();
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved =
          app::UpdateLearningAction(store, host_.clock(), actor_, std::move(*found), version);
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "updated " << saved->reference << " (" << core::ToString(saved->status)
                  << ")\n";
      return {};
    });
  }

  void AddYearAndProvision(CLI::App* command) {
    command->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    command->add_option("--provision", provision_, "the provision, e.g. 6.3")->required();
  }

  void RegisterAssess(CLI::App& group) {
    CLI::App* command = Command(group, "assess",
                                "assess or edit a provision, or add one (with --section and "
                                "--requirement); options not given are left as they are");
    AddYearAndProvision(command);
    Bind(command, section_, "--section", "the form's section, 1 to 9");
    Bind(command, requirement_, "--requirement", "what the Code requires");
    Bind(command, compliance_, "--compliance", std::string(kComplianceNames) + ", or - to clear");
    Bind(command, evidence_, "--evidence", "how the organisation shows it");
    Bind(command, commentary_, "--commentary", "explanation, or how the intent is met differently");
    Bind(command, action_, "--action", "what will be done about partial or non-compliance");
    Bind(command, due_on_, "--action-due-on", "by when, YYYY-MM-DD, or - to clear");
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      auto assessment = app::GetSelfAssessment(store, year_);
      if (!assessment) return tl::unexpected(assessment.error());
      core::ProvisionAssessment provision;
      provision.provision = provision_;
      for (const core::ProvisionAssessment& existing : assessment->provisions) {
        if (existing.provision == provision_) provision = existing;
      }
      Parser parser;
      parser.Set(section_, provision.section);
      parser.Set(requirement_, provision.requirement);
      parser.SetEnum(compliance_, provision.compliance, core::ParseCodeCompliance,
                     kComplianceNames);
      parser.Set(evidence_, provision.evidence);
      parser.Set(commentary_, provision.commentary);
      parser.Set(action_, provision.action);
      parser.Set(due_on_, provision.action_due_on);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved =
          app::SaveProvision(store, host_.clock(), actor_, year_, provision, assessment->version);
      if (!saved) return tl::unexpected(saved.error());
      const core::SelfAssessmentCounts counts = core::CountCompliance(*saved);
      host_.out() << fmt::format(
          "provision {} saved: {} comply, {} partly, {} do not comply, {} "
          "not assessed\n",
          provision_, counts.complies, counts.partly, counts.does_not_comply, counts.not_assessed);
      return {};
    });
  }

  void RegisterRemove(CLI::App& group) {
    CLI::App* command = Command(group, "remove", "remove a provision from a year's assessment");
    AddYearAndProvision(command);
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      auto saved = app::RemoveProvision(store, host_.clock(), actor_, year_, provision_);
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "provision " << provision_ << " removed; " << saved->provisions.size()
                  << " left\n";
      return {};
    });
  }

  void RegisterApprove(CLI::App& group) {
    CLI::App* command =
        Command(group, "approve", "record the governing body's approval and its response");
    command->add_option("--year", year_, "financial year Y, for Y/Y+1")->required();
    Bind(command, completed_on_, "--approved-on", "YYYY-MM-DD")->required();
    Bind(command, meeting_, "--meeting", "e.g. Cabinet")->required();
    Bind(command, minute_, "--minute-reference", "the minute that records it");
    Bind(command, response_, "--response", "the governing body's published response");
    host_.RunWithStore(command, [this](app::Store& store) -> Status {
      core::GoverningBodyApproval approval;
      Parser parser;
      parser.Set(completed_on_, approval.approved_on);
      parser.Set(meeting_, approval.meeting);
      parser.Set(minute_, approval.minute_reference);
      parser.Set(response_, approval.response);
      if (Status valid = parser.Done(); !valid) return valid;
      auto saved = app::RecordApproval(store, host_.clock(), actor_, year_, approval);
      if (!saved) return tl::unexpected(saved.error());
      host_.out() << "self-assessment " << year_ << " approved by " << approval.meeting << " on "
                  << approval.approved_on.ToIso() << '\n';
      return {};
    });
  }

  static CLI::Option* Bind(CLI::App* command, Text& text, const std::string& name,
                           const std::string& help) {
    return cli::Bind(command, text, name, help).options.back();
  }

  CommandHost& host_;
  std::string reference_;
  std::string ombudsman_;
  std::vector<std::string> complaints_;
  std::vector<std::string> links_;
  std::vector<std::string> unlinks_;
  CaseOptions case_options_;
  Text kind_;
  Text type_;
  Text ground_;
  Text outcome_;
  Text description_;
  Text due_on_;
  Text issued_on_;
  Text completed_on_;
  Text evidence_;
  Text ombudsman_case_;
  Text order_reference_;
  int remedy_number_ = 0;
  int year_ = 0;
  struct LetterOptions {
    Text received;
    Text decisions;
    Text not_for_us;
    Text assessed_and_closed;
    Text investigated;
    Text upheld;
    Text satisfactory_remedy;
    Text uphold_rate;
    Text average_uphold_rate;
    Text compliance;
    Text comparison_group;
  } letter_;
  Text category_;
  Text root_cause_;
  Text lesson_;
  Text action_;
  Text owner_;
  Text status_;
  std::string provision_;
  Text section_;
  Text requirement_;
  Text compliance_;
  Text commentary_;
  Text meeting_;
  Text minute_;
  Text response_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterRecordCommands(CommandHost& host, CLI::App& ombudsman,
                                                       CLI::App& learning,
                                                       CLI::App& self_assessment) {
  auto commands = std::make_unique<Commands>(host);
  commands->RegisterOmbudsman(ombudsman);
  commands->RegisterLearning(learning);
  commands->RegisterSelfAssessment(self_assessment);
  return commands;
}

}  // namespace redress::cli
