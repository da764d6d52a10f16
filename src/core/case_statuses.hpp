#pragma once

// Every case status, beside the enum's names (core/complaint.hpp); a header of its own so that the
// few that list them all do not make every user of a complaint depend on the list.

#include "core/complaint.hpp"

namespace redress::core {

// Every case status, in declaration order: the query's allowed values and the counts by status
// name each one. The schema's CHECK on complaints.status lists the same six.
inline constexpr CaseStatus kAllCaseStatuses[] = {CaseStatus::kAwaitingAcknowledgement,
                                                  CaseStatus::kInProgress,
                                                  CaseStatus::kResponded,
                                                  CaseStatus::kClosed,
                                                  CaseStatus::kNotAccepted,
                                                  CaseStatus::kWithdrawn};

}  // namespace redress::core
