#include "core/retry_schedule.hpp"

#include <algorithm>

namespace redress::core {

std::optional<std::int64_t> NextAttemptAt(const RetryPolicy& policy, int attempts,
                                          std::int64_t queued_at, std::int64_t now) {
  if (now - queued_at >= policy.give_up_after_seconds) return std::nullopt;
  std::int64_t delay = policy.first_delay_seconds;
  for (int i = 1; i < attempts && delay < policy.max_delay_seconds; ++i) delay *= 2;
  delay = std::min(delay, policy.max_delay_seconds);
  return now + delay;
}

}  // namespace redress::core
