#pragma once

// Bulk actions on cases selected in the case list (issue 18): one action (a reassignment, an
// acknowledgement) applied to each case in turn, each its own use-case call in its own
// transaction, with its own version check and its own event. A case refused (a stale version,
// an action its status does not allow, a handler who may not handle its stage, a case the actor
// cannot see, answered as not found) is reported and the others go on: never half a case, and
// never all-or-nothing across cases, which would let one stale row block the rest.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/case_use_cases.hpp"

namespace redress::app {

// A request names at most this many cases: a page of the list is 50, its largest 200.
inline constexpr std::size_t kMaxBulkCases = 200;

struct BulkCase {
  std::string reference;
  std::int64_t version = 0;  // the version the user saw in the list
};

// What happened to one case: the complaint as saved, or why it was refused.
struct BulkOutcome {
  std::string reference;
  std::optional<core::Complaint> done;
  std::optional<core::Error> refused;
};

// Applies `action` to each of `cases` in order (ApplyCaseAction with the case's version) and
// reports each. The list's own problems (empty, too long, a reference twice) are a field error
// of `cases` before anything is applied.
Result<std::vector<BulkOutcome>> ApplyToEach(const CaseContext& context, const Actor& actor,
                                             const std::vector<BulkCase>& cases,
                                             const CaseAction& action);

}  // namespace redress::app
