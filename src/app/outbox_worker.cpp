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
    std::optional<IssuedLetter> letter;
    Status read = store_.Read([&](Tx& tx) -> Status {
      auto loaded = tx.Letters().Load(message.complaint_reference, message.letter_number);
      if (!loaded) return tl::unexpected(loaded.error());
      letter = std::move(*loaded);
      return {};
    });
    if (!read) return tl::unexpected(read.error());
    Status sent = mailer_.Send(MessageFor(message, *letter));
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

OutboxLoop::OutboxLoop(OutboxWorker& worker, std::chrono::milliseconds interval,
                       std::function<void(const core::Error&)> on_error)
    : worker_(worker), interval_(interval), on_error_(std::move(on_error)) {
  thread_ = std::thread([this] { Run(); });
}

OutboxLoop::~OutboxLoop() { Stop(); }

void OutboxLoop::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxLoop::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    auto run = worker_.RunOnce();
    if (!run && on_error_) on_error_(run.error());
    // A full batch: more may be due at once.
    bool more = run && (run->sent + run->retried + run->failed) > 0;
    lock.lock();
    if (!more) wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace redress::app
