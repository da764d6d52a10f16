#pragma once

// A reminder digest (app/reminder_repository.hpp) as every engine stores it in
// `reminder_digests`: its columns and the reading of a row, written once as a template over an
// engine's row reader (the SQLite ColumnReader's interface). Each engine runs the SQL itself.

#include <string_view>

#include "app/reminder_repository.hpp"

namespace redress::storage::common {

// The columns ReadDigest reads, in order.
inline constexpr std::string_view kDigestColumns =
    "id, username, sent_on, recipient, subject, text, html, cases, created_at";
// The same for a list, which leaves out the bodies (as a letter list does).
inline constexpr std::string_view kDigestListColumns =
    "id, username, sent_on, recipient, subject, '', '', cases, created_at";
// The columns an insert binds, in the order of BindDigest.
inline constexpr std::string_view kDigestInsertColumns =
    "username, sent_on, recipient, subject, text, html, cases, created_at";

template <typename Reader>
app::ReminderDigestRecord ReadDigest(Reader& r) {
  app::ReminderDigestRecord digest;
  digest.id = r.Int64();
  digest.username = r.Text();
  digest.sent_on = r.Date();
  digest.recipient = r.Text();
  digest.subject = r.Text();
  digest.text = r.Text();
  digest.html = r.Text();
  digest.cases = r.Int();
  digest.created_at = r.Text();
  return digest;
}

template <typename Binder>
void BindDigest(Binder& b, const app::ReminderDigestRecord& digest) {
  b.BindAll(digest.username, digest.sent_on, digest.recipient, digest.subject, digest.text,
            digest.html, digest.cases, digest.created_at);
}

}  // namespace redress::storage::common
