#pragma once

// The durable outbox of email (issue 15): a letter to send is queued in the transaction that
// issues it; workers claim rows, send and record. Designed for several server instances: a row is
// claimed by a conditional UPDATE that sets a claim token and a lease (the PostgreSQL adapter may
// select the rows with FOR UPDATE SKIP LOCKED), a worker that dies loses its lease and another
// takes the row over, and the Message-ID is derived from the letter, so a second send of the same
// row after a crash is the same message, which relays and clients recognise.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace redress::app {

enum class OutboxState {
  kQueued,   // waiting for its next attempt
  kSending,  // claimed by a worker; its attempt is recorded before the send
  kSent,
  kFailed,  // given up after the configured time; shown on the dashboard
};
std::string_view ToString(OutboxState state);  // "queued", "sending", "sent", "failed"
std::optional<OutboxState> ParseOutboxState(std::string_view name);

struct OutboxMessage {
  std::int64_t id = 0;  // assigned by the store
  // What it carries: a letter (letter_id, with its complaint and number) or a staff reminder
  // digest (digest_id; app/reminder_repository.hpp); the other is 0.
  std::int64_t letter_id = 0;
  std::int64_t digest_id = 0;
  std::string complaint_reference;  // "" for a digest
  int letter_number = 0;            // 0 for a digest
  // "<letter-<complaint>-<number>@<domain>>" or "<digest-<username>-<date>@<domain>>": the same
  // for every attempt.
  std::string message_id;
  std::string recipient;  // email address
  OutboxState state = OutboxState::kQueued;
  int attempts = 0;                   // recorded before each send
  std::int64_t created_at = 0;        // unix seconds
  std::int64_t next_attempt_at = 0;   // unix seconds
  std::string claim_token;            // the worker holding it; "" when unclaimed
  std::int64_t lease_expires_at = 0;  // unix seconds; another worker may take it after
  std::string last_error;
  std::optional<std::int64_t> sent_at;  // unix seconds
  friend bool operator==(const OutboxMessage&, const OutboxMessage&) = default;
};

struct OutboxCounts {
  std::int64_t queued = 0;
  std::int64_t sending = 0;
  std::int64_t sent = 0;
  std::int64_t failed = 0;
};

class OutboxRepository {
 public:
  virtual ~OutboxRepository() = default;
  // Queues a message (state, attempts, claim ignored: queued, 0, none); returns it with its id.
  virtual core::Result<OutboxMessage> Enqueue(OutboxMessage message) = 0;
  // Claims up to `limit` messages that are due at `now` (queued with next_attempt_at <= now, or
  // sending with an expired lease), oldest first, for the worker `token` until `lease_until`:
  // they become kSending with that token, and their attempt is counted (attempts + 1) before
  // anything is sent. Each row is claimed by one conditional UPDATE, so two workers never hold
  // the same row.
  virtual core::Result<std::vector<OutboxMessage>> Claim(std::string_view token, std::int64_t now,
                                                         std::int64_t lease_until, int limit) = 0;
  // The outcome of the claimed message `id`; kConflict when `token` no longer holds it (its
  // lease expired and another worker took it), in which case nothing is changed.
  virtual core::Status MarkSent(std::int64_t id, std::string_view token, std::int64_t now) = 0;
  virtual core::Status MarkRetry(std::int64_t id, std::string_view token,
                                 std::int64_t next_attempt_at, std::string_view error) = 0;
  virtual core::Status MarkFailed(std::int64_t id, std::string_view token,
                                  std::string_view error) = 0;
  virtual core::Result<OutboxCounts> Counts() = 0;
  // The messages of a complaint's letters, by letter number then id.
  virtual core::Result<std::vector<OutboxMessage>> OfComplaint(
      std::string_view complaint_reference) = 0;
};

}  // namespace redress::app
