#pragma once

// The time limit for making a complaint (HO Code 2.2-2.3, the LGSCO Code, SI 2006/1738 reg 9,
// SI 2009/309 reg 12): a complaint is normally made within the regime's limit (12 months) of the
// matter complained of happening or coming to the complainant's notice. Being outside the limit
// only permits a refusal: the landlord may accept an older complaint for good reason, so nothing
// here refuses a complaint by itself.

#include <optional>

#include "core/date.hpp"
#include "core/regime.hpp"
#include "core/result.hpp"

namespace redress::core {

// What a refusal as older than the limit shows as its evidence.
struct TimeLimitEvidence {
  Date matter_arose_on;  // when the matter happened or came to the complainant's notice
  Date received_on;      // when the complaint was received
  int limit_months = 0;  // the regime's limit
  // The last day a complaint about that matter is within the limit: matter_arose_on plus
  // limit_months calendar months, the same day of the month, or the month's last day when that
  // month is shorter (31 Aug + 6 months = 28 or 29 Feb; 29 Feb 2024 + 12 months = 28 Feb 2025).
  Date limit_ends_on;
  // Calendar days from limit_ends_on to received_on: > 0 when the complaint is outside the limit.
  int days_beyond_limit = 0;

  bool outside_limit() const { return days_beyond_limit > 0; }
  friend bool operator==(const TimeLimitEvidence&, const TimeLimitEvidence&) = default;
};

// The rule itself, with the limit as its input (table-tested with other limits too).
// Precondition: matter_arose_on <= received_on (validated when recorded).
TimeLimitEvidence EvaluateTimeLimit(Date matter_arose_on, Date received_on, int limit_months);

// The same for a complaint of `regime` received on `received_on`, with the regime's limit.
TimeLimitEvidence EvaluateTimeLimit(Regime regime, Date matter_arose_on, Date received_on);

// The evidence for a complaint's record: nullopt when the date the matter arose is not recorded.
std::optional<TimeLimitEvidence> TimeLimitEvidenceFor(Regime regime,
                                                      std::optional<Date> matter_arose_on,
                                                      Date received_on);

}  // namespace redress::core
