#include "report/ombudsman_section.hpp"

#include <map>
#include <tuple>

namespace redress::report {
namespace {

bool InYear(const std::optional<core::Date>& date, int year) {
  return date && date->FinancialYear() == year;
}

void Count(RemedyCompliance& counts, core::Compliance compliance) {
  ++counts.due;
  switch (compliance) {
    case core::Compliance::kCompliedOnTime:
      ++counts.complied_on_time;
      break;
    case core::Compliance::kCompliedLate:
      ++counts.complied_late;
      break;
    case core::Compliance::kOverdue:
      ++counts.overdue;
      break;
    case core::Compliance::kPending:
      ++counts.pending;
      break;
  }
}

}  // namespace

OmbudsmanSection SummariseOmbudsman(int year, core::Date as_at,
                                    const std::vector<core::OmbudsmanCase>& cases,
                                    const std::vector<core::FailureOrder>& failure_orders,
                                    const std::optional<core::LgscoLetter>& letter,
                                    const std::vector<core::LearningAction>& actions,
                                    const std::vector<core::LearningAction>& withheld_actions) {
  OmbudsmanSection section;
  // Keyed by the outcome's enum value so the order is the vocabulary's, not the alphabet's.
  std::map<std::tuple<core::Ombudsman, int>, OutcomeCount> outcomes;
  const auto add_outcome = [&](core::Ombudsman ombudsman, int value, std::string_view name) {
    OutcomeCount& count = outcomes[{ombudsman, value}];
    count.ombudsman = ombudsman;
    count.outcome = std::string(name);
    ++count.count;
  };
  for (const core::OmbudsmanCase& c : cases) {
    const bool housing = c.ombudsman == core::Ombudsman::kHousingOmbudsman;
    if (InYear(c.enquiry_received_on ? c.enquiry_received_on : c.referred_on, year)) {
      ++(housing ? section.housing_cases_received : section.lgsco_cases_received);
    }
    if (InYear(c.final_decision_on, year)) {
      if (c.lgsco_decision) {
        add_outcome(c.ombudsman, static_cast<int>(*c.lgsco_decision),
                    core::ToString(*c.lgsco_decision));
      }
      for (const core::ElementFinding& finding : c.findings) {
        add_outcome(c.ombudsman, static_cast<int>(finding.finding),
                    core::ToString(finding.finding));
      }
    }
    for (const core::OmbudsmanRemedy& remedy : c.remedies) {
      if (remedy.due_on.FinancialYear() != year) continue;
      Count(remedy.kind == core::RemedyKind::kOrder ? section.orders : section.recommendations,
            core::ComplianceOf(remedy, as_at));
    }
  }
  for (auto& [key, count] : outcomes) section.outcomes.push_back(std::move(count));

  for (const core::FailureOrder& order : failure_orders) {
    if (order.issued_on.FinancialYear() != year) continue;
    ++section.failure_orders.issued;
    switch (order.outcome) {
      case core::ChfoOutcome::kComplied:
        ++section.failure_orders.complied;
        break;
      case core::ChfoOutcome::kNotComplied:
        ++section.failure_orders.not_complied;
        break;
      case core::ChfoOutcome::kPending:
        ++section.failure_orders.pending;
        break;
    }
  }
  if (letter) {
    section.lgsco_letter = core::ReconcileLetter(*letter, cases);
    section.comparison_group = letter->comparison_group;
  }
  for (const core::LearningAction& action : actions) {
    if (action.status == core::LearningStatus::kCompleted && InYear(action.completed_on, year)) {
      section.improvements.push_back(action);
    }
  }
  for (const core::LearningAction& action : withheld_actions) {
    if (action.status == core::LearningStatus::kCompleted && InYear(action.completed_on, year)) {
      ++section.improvements_withheld;
    }
  }
  return section;
}

}  // namespace redress::report
