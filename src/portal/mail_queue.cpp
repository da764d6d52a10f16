#include "portal/mail_queue.hpp"

#include <utility>

namespace redress::portal {
namespace {
// Codes waiting at once; more are dropped (the rate limits keep well below it).
constexpr std::size_t kMaxQueued = 1000;
}  // namespace

MailQueue::MailQueue(app::Mailer* mailer, std::function<void(const std::string&)> on_error)
    : mailer_(mailer), on_error_(std::move(on_error)) {
  if (mailer_ != nullptr) thread_ = std::thread([this] { Run(); });
}

MailQueue::~MailQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void MailQueue::Send(app::MailMessage message) {
  if (mailer_ == nullptr) {
    on_error_("no mail relay configured: a one-time code was not sent");
    return;
  }
  {
    std::lock_guard lock(mutex_);
    if (queue_.size() >= kMaxQueued) {
      on_error_("too many one-time codes waiting: one was dropped");
      return;
    }
    queue_.push_back(std::move(message));
  }
  wake_.notify_one();
}

void MailQueue::Run() {
  for (;;) {
    app::MailMessage message;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      message = std::move(queue_.front());
      queue_.pop_front();
    }
    if (auto sent = mailer_->Send(message); !sent) {
      on_error_("a one-time code was not sent: " + sent.error().message);
    }
  }
}

}  // namespace redress::portal
