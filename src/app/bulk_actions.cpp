#include "app/bulk_actions.hpp"

#include <set>
#include <string>
#include <vector>

namespace redress::app {

Result<std::vector<BulkOutcome>> ApplyToEach(const CaseContext& context, const Actor& actor,
                                             const std::vector<BulkCase>& cases,
                                             const CaseAction& action) {
  core::FieldErrors errors;
  if (cases.empty()) {
    errors.Add("cases", "Select at least one case", core::FieldErrorCode::kRequired);
  } else if (cases.size() > kMaxBulkCases) {
    errors.Add("cases", "must name " + std::to_string(kMaxBulkCases) + " cases or fewer",
               core::FieldErrorCode::kTooLong);
  }
  std::set<std::string> seen;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    if (!seen.insert(cases[i].reference).second) {
      errors.Add("cases[" + std::to_string(i) + "].reference",
                 "names " + cases[i].reference + " a second time", core::FieldErrorCode::kInvalid);
    }
  }
  if (!errors.empty()) return errors.ToError();
  std::vector<BulkOutcome> outcomes;
  outcomes.reserve(cases.size());
  for (const BulkCase& one : cases) {
    // Its own transaction: a refusal leaves this case untouched and the next one goes on.
    Result<core::Complaint> applied =
        ApplyCaseAction(context, actor, one.reference, one.version, action);
    BulkOutcome outcome{one.reference, std::nullopt, std::nullopt};
    if (applied) {
      outcome.done = std::move(*applied);
    } else {
      outcome.refused = applied.error();
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace redress::app
