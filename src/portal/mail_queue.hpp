#pragma once

// Sends the portal's one-time codes through the Mailer on a thread of its own, so that a request
// for a code answers at once and in the same time whether or not a code was sent (the answer must
// not tell whether a reference and email match). A code is useful for minutes only: one that
// cannot be sent is dropped (logged), not retried; the resident asks again.

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "app/mailer.hpp"

namespace redress::portal {

class MailQueue {
 public:
  // `mailer` null: nothing is sent (no relay configured); `on_error` hears each failure.
  MailQueue(app::Mailer* mailer, std::function<void(const std::string&)> on_error);
  ~MailQueue();  // sends what is queued, then joins
  MailQueue(const MailQueue&) = delete;
  MailQueue& operator=(const MailQueue&) = delete;

  void Send(app::MailMessage message);
  bool can_send() const { return mailer_ != nullptr; }

 private:
  void Run();

  app::Mailer* mailer_;
  std::function<void(const std::string&)> on_error_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<app::MailMessage> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace redress::portal
