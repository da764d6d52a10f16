#pragma once

// The annual report's Ombudsman, service-improvement and self-assessment sections (rules file
// section 1.6, 8.1 items 1, 4 and 5): the Ombudsman cases of the year by Ombudsman and outcome,
// their orders and recommendations with compliance, Complaint Handling Failure Orders, the LGSCO
// annual letter beside the cases recorded, the learning actions completed, and the self-assessment
// with the governing body's approval. Pure: computed from the core's records with the as-at date
// passed in.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/learning.hpp"
#include "core/ombudsman.hpp"

namespace redress::report {

// Cases of one Ombudsman with one outcome: an LGSCO decision or a Housing Ombudsman finding (a
// determination counts once per element).
struct OutcomeCount {
  core::Ombudsman ombudsman = core::Ombudsman::kHousingOmbudsman;
  std::string outcome;
  std::int64_t count = 0;
};

struct RemedyCompliance {
  std::int64_t due = 0;  // orders and recommendations due in the year
  std::int64_t complied_on_time = 0;
  std::int64_t complied_late = 0;
  std::int64_t overdue = 0;  // as at the report's date
  std::int64_t pending = 0;  // not due yet
};

struct FailureOrderCounts {
  std::int64_t issued = 0;  // in the year
  std::int64_t complied = 0;
  std::int64_t not_complied = 0;
  std::int64_t pending = 0;
};

struct OmbudsmanSection {
  std::int64_t housing_cases_received = 0;  // enquiry received (or referred) in the year
  std::int64_t lgsco_cases_received = 0;
  std::vector<OutcomeCount> outcomes;  // final decision in the year; in vocabulary order
  RemedyCompliance orders;
  RemedyCompliance recommendations;
  FailureOrderCounts failure_orders;
  // The LGSCO annual letter of the year beside the cases recorded; empty when none was entered.
  std::vector<core::ReconciliationLine> lgsco_letter;
  std::string comparison_group;
  // Learning actions completed in the year: the service improvements made from learning.
  std::vector<core::LearningAction> improvements;
  // Those completed in the year that concern a restricted complaint: counted, never described,
  // since the report is published (app/visibility.hpp).
  std::int64_t improvements_withheld = 0;
};

OmbudsmanSection SummariseOmbudsman(int year, core::Date as_at,
                                    const std::vector<core::OmbudsmanCase>& cases,
                                    const std::vector<core::FailureOrder>& failure_orders,
                                    const std::optional<core::LgscoLetter>& letter,
                                    const std::vector<core::LearningAction>& actions,
                                    const std::vector<core::LearningAction>& withheld_actions);

}  // namespace redress::report
