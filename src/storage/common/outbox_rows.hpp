#pragma once

// An outbox message (app/outbox_repository.hpp) as every engine reads it: a row of `outbox` `o`
// joined to its letter `l` and that letter's complaint `c` when it carries a letter (a digest's
// row has neither: its letter id, number and complaint reference read as 0 and ""). The columns
// and the reading of a row, written once as a template over an engine's row reader (the SQLite
// ColumnReader's interface).

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "app/outbox_repository.hpp"

namespace redress::storage::common {

inline constexpr std::string_view kOutboxColumns =
    "o.id, coalesce(o.letter_id, 0), coalesce(o.digest_id, 0), coalesce(c.reference, ''), "
    "coalesce(l.number, 0), o.message_id, o.recipient, o.state, o.attempts, o.created_at, "
    "o.next_attempt_at, o.claim_token, o.lease_expires_at, o.last_error, o.sent_at";
// Follows "FROM outbox o" (or the rows just claimed, named o).
inline constexpr std::string_view kOutboxJoins =
    " LEFT JOIN letters l ON l.id = o.letter_id LEFT JOIN complaints c ON c.id = l.complaint_id";

// A message's letter_id or digest_id as bound: 0 (none) is NULL, since a row carries a letter or
// a digest (the table's CHECK holds exactly one).
inline std::optional<std::int64_t> OutboxReference(std::int64_t id) {
  return id == 0 ? std::nullopt : std::optional<std::int64_t>(id);
}

// The columns a message is enqueued with, bound by BindEnqueued.
inline constexpr std::array<std::string_view, 8> kOutboxEnqueueColumns = {
    "letter_id", "digest_id", "message_id", "recipient",
    "state",     "attempts",  "created_at", "next_attempt_at"};

// Binds kOutboxEnqueueColumns: a message enters the outbox queued, never tried.
template <typename Binder>
void BindEnqueued(Binder& b, const app::OutboxMessage& message) {
  b.BindAll(OutboxReference(message.letter_id), OutboxReference(message.digest_id),
            message.message_id, message.recipient, app::ToString(app::OutboxState::kQueued),
            std::int64_t{0}, message.created_at, message.next_attempt_at);
}

// `message` as BindEnqueued stored it under `id`, whatever state the caller passed in.
inline app::OutboxMessage Enqueued(app::OutboxMessage message, std::int64_t id) {
  message.id = id;
  message.state = app::OutboxState::kQueued;
  message.attempts = 0;
  message.claim_token.clear();
  message.lease_expires_at = 0;
  return message;
}

template <typename Reader>
app::OutboxMessage ReadOutboxMessage(Reader& r) {
  app::OutboxMessage message;
  message.id = r.Int64();
  message.letter_id = r.Int64();
  message.digest_id = r.Int64();
  message.complaint_reference = r.Text();
  message.letter_number = r.Int();
  message.message_id = r.Text();
  message.recipient = r.Text();
  message.state = r.Enumerator(app::ParseOutboxState);
  message.attempts = r.Int();
  message.created_at = r.Int64();
  message.next_attempt_at = r.Int64();
  message.claim_token = r.Text();
  message.lease_expires_at = r.Int64();
  message.last_error = r.Text();
  if (r.NextIsNull()) {
    r.Skip(1);
  } else {
    message.sent_at = r.Int64();
  }
  return message;
}

}  // namespace redress::storage::common
