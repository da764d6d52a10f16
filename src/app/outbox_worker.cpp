#include "app/outbox_worker.hpp"

#include <sodium.h>

#include <array>
#include <optional>
#include <vector>

namespace redress::app {
namespace {

constexpr std::size_t kTokenBytes = 16;

MailMessage MessageFor(const OutboxMessage& message, const IssuedLetter& letter) {
  MailMessage mail;
  mail.message_id = message.message_id;
  mail.to = message.recipient;
  mail.subject = "Your complaint " + letter.complaint_reference;
  mail.text = letter.text;
  mail.html = letter.html;
  mail.attachment_name =
      letter.complaint_reference + "-letter-" + std::to_string(letter.number) + ".pdf";
  mail.attachment = letter.pdf;
  return mail;
}

MailMessage MessageFor(const OutboxMessage& message, const ReminderDigestRecord& digest) {
  MailMessage mail;
  mail.message_id = message.message_id;
  mail.to = message.recipient;
  mail.subject = digest.subject;
  mail.text = digest.text;
  mail.html = digest.html;
  return mail;
}

}  // namespace

std::string NewWorkerToken() {
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  std::array<char, kTokenBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), bytes.data(), bytes.size());
  return std::string(hex.data(), kTokenBytes * 2);
}

Result<OutboxRun> OutboxWorker::RunOnce() {
  std::int64_t now = clock_.NowUnixSeconds();
  std::vector<OutboxMessage> claimed;
  // The claim is committed (with its attempt counted) before anything is sent.
  Status claim = store_.Write([&](Tx& tx) -> Status {
    auto rows =
        tx.Outbox().Claim(options_.token, now, now + options_.lease_seconds, options_.batch);
    if (!rows) return tl::unexpected(rows.error());
    claimed = std::move(*rows);
    return {};
  });
  if (!claim) return tl::unexpected(claim.error());

  OutboxRun run;
  for (const OutboxMessage& message : claimed) {
    std::optional<MailMessage> mail;
    Status read = store_.Read([&](Tx& tx) -> Status {
      if (message.digest_id != 0) {
        auto digest = tx.Reminders().Load(message.digest_id);
        if (!digest) return tl::unexpected(digest.error());
        mail = MessageFor(message, *digest);
        return {};
      }
      auto loaded = tx.Letters().Load(message.complaint_reference, message.letter_number);
      if (!loaded) return tl::unexpected(loaded.error());
      mail = MessageFor(message, *loaded);
      return {};
    });
    if (!read) return tl::unexpected(read.error());
    Status sent = mailer_.Send(*mail);
    std::int64_t after = clock_.NowUnixSeconds();
    Status recorded = store_.Write([&](Tx& tx) -> Status {
      if (sent) {
        ++run.sent;
        return tx.Outbox().MarkSent(message.id, options_.token, after);
      }
      std::optional<std::int64_t> next =
          sent.error().code == core::ErrorCode::kUnavailable
              ? core::NextAttemptAt(options_.retry, message.attempts, message.created_at, after)
              : std::nullopt;
      if (next) {
        ++run.retried;
        return tx.Outbox().MarkRetry(message.id, options_.token, *next, sent.error().message);
      }
      ++run.failed;
      return tx.Outbox().MarkFailed(message.id, options_.token, sent.error().message);
    });
    // kConflict: the lease ran out during the send and another worker took the row; its
    // record stands.
    if (!recorded && recorded.error().code != core::ErrorCode::kConflict) {
      return tl::unexpected(recorded.error());
    }
  }
  return run;
}

}  // namespace redress::app
