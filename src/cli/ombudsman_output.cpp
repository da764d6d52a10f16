#include "cli/ombudsman_output.hpp"

#include <fmt/format.h>

#include <string_view>
#include <vector>

#include "app/organisation.hpp"

namespace redress::cli {
namespace {

std::string DateText(const std::optional<core::Date>& date) { return date ? date->ToIso() : "-"; }

std::string Joined(const std::vector<std::string>& texts) {
  std::string joined;
  for (const std::string& text : texts) joined += (joined.empty() ? "" : ",") + text;
  return joined.empty() ? "-" : joined;
}

std::string NumberText(const std::optional<double>& value) {
  return value ? fmt::format("{:g}", *value) : "-";
}

std::string Outcome(const core::OmbudsmanCase& c) {
  if (c.lgsco_decision) return std::string(core::ToString(*c.lgsco_decision));
  std::string findings;
  for (const core::ElementFinding& finding : c.findings) {
    findings += (findings.empty() ? "" : ",") + std::string(core::ToString(finding.finding));
  }
  return findings.empty() ? "undecided" : findings;
}

}  // namespace

core::Status PrintOmbudsmanCases(app::Store& store, const app::OmbudsmanCaseFilter& filter,
                                 std::ostream& out) {
  auto cases = app::ListOmbudsmanCases(store, app::CommandLineReader(), filter);
  if (!cases) return tl::unexpected(cases.error());
  for (const core::OmbudsmanCase& c : *cases) {
    out << c.reference << '\t' << core::ToString(c.ombudsman) << '\t'
        << (c.ombudsman_reference.empty() ? "-" : c.ombudsman_reference) << '\t'
        << DateText(c.enquiry_received_on ? c.enquiry_received_on : c.referred_on) << '\t'
        << DateText(c.final_decision_on) << '\t' << Outcome(c) << '\t' << Joined(c.complaints)
        << '\n';
  }
  return {};
}

core::Status PrintOmbudsmanCase(app::Store& store, const std::string& reference, core::Date today,
                                std::ostream& out) {
  auto found = app::GetOmbudsmanCase(store, app::CommandLineReader(), reference);
  if (!found) return tl::unexpected(found.error());
  const core::OmbudsmanCase& c = *found;
  out << "reference: " << c.reference << "\nombudsman: " << core::ToString(c.ombudsman)
      << "\nombudsman reference: " << c.ombudsman_reference
      << "\ncomplaints: " << Joined(c.complaints) << "\nsummary: " << c.summary
      << "\nreferred: " << DateText(c.referred_on)
      << "\nenquiry received: " << DateText(c.enquiry_received_on)
      << "\ninformation due: " << DateText(c.information_due_on)
      << "\ninformation sent: " << DateText(c.information_sent_on)
      << "\ndraft decision: " << DateText(c.draft_decision_on)
      << "\nfinal decision: " << DateText(c.final_decision_on) << "\noutcome: " << Outcome(c)
      << '\n';
  if (c.ombudsman == core::Ombudsman::kLgsco) {
    out << "satisfactory remedy by the council: "
        << (c.satisfactory_remedy_by_council ? "yes" : "no") << '\n';
  }
  for (const core::ElementFinding& finding : c.findings) {
    out << "finding\t" << core::ToString(finding.finding) << '\t' << finding.element << '\n';
  }
  // Numbered from 1, as `ombudsman comply --remedy N` names them.
  int number = 0;
  for (const core::OmbudsmanRemedy& remedy : c.remedies) {
    out << "remedy " << ++number << '\t' << core::ToString(remedy.kind) << '\t'
        << core::ToString(remedy.type) << "\tdue " << remedy.due_on.ToIso() << '\t'
        << core::ToString(core::ComplianceOf(remedy, today)) << '\t' << remedy.description << '\n';
  }
  return {};
}

core::Status PrintOverdue(app::Store& store, core::Date today, std::ostream& out) {
  auto dashboard = app::Overdue(store, app::CommandLineReader(), today);
  if (!dashboard) return tl::unexpected(dashboard.error());
  for (const core::OverdueItem& item : dashboard->ombudsman) {
    out << core::ToString(item.kind) << '\t' << item.reference << "\tdue " << item.due_on.ToIso()
        << '\t' << item.days_overdue << " days\t" << item.description << '\n';
  }
  for (const core::LearningAction& action : dashboard->learning_actions) {
    out << "learning_action\t" << action.reference << "\tdue " << action.due_on.ToIso() << '\t'
        << action.due_on.DaysUntil(today) << " days\t" << action.action << '\n';
  }
  return {};
}

core::Status PrintReconciliation(app::Store& store, int year, std::ostream& out) {
  auto reconciliation = app::ReconcileLgscoLetter(store, year);
  if (!reconciliation) return tl::unexpected(reconciliation.error());
  out << "figure\tletter\trecorded\tdifference\n";
  for (const core::ReconciliationLine& line : reconciliation->lines) {
    out << line.key << '\t' << NumberText(line.letter) << '\t' << NumberText(line.recorded) << '\t'
        << NumberText(line.difference) << '\n';
  }
  out << "differences: " << reconciliation->differences << '\n';
  return {};
}

}  // namespace redress::cli
