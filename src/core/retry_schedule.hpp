#pragma once

// When a message that could not be sent is tried again, and when the outbox gives up (issue 15):
// pure, table-tested.

#include <cstdint>
#include <optional>

namespace redress::core {

struct RetryPolicy {
  std::int64_t first_delay_seconds = 30;               // after the first failed attempt
  std::int64_t max_delay_seconds = 3600;               // the delay doubles up to this
  std::int64_t give_up_after_seconds = 2 * 24 * 3600;  // from queueing: then failed
};

// The unix second of the next attempt after `attempts` failed ones at `now`, or nullopt when the
// message has waited longer than give_up_after_seconds since `queued_at` (it is then failed).
std::optional<std::int64_t> NextAttemptAt(const RetryPolicy& policy, int attempts,
                                          std::int64_t queued_at, std::int64_t now);

}  // namespace redress::core
