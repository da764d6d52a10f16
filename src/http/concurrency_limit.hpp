#pragma once

// A bound on how many of one kind of expensive work (an annual report's computation and
// rendering) run at once. A few run; a few more wait briefly for a turn; the rest are refused at
// once (kBusy, HTTP 503 with Retry-After), so that requests in a loop cannot hold every core and
// every handler thread while the API's other users wait.

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <utility>

#include "core/result.hpp"

namespace redress::http {

class ConcurrencyLimit {
 public:
  // Held while the work runs; gives its turn back when destroyed.
  class Permit {
   public:
    explicit Permit(ConcurrencyLimit* limit) : limit_(limit) {}
    Permit(Permit&& other) noexcept : limit_(std::exchange(other.limit_, nullptr)) {}
    Permit& operator=(Permit&&) = delete;
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    ~Permit() {
      if (limit_ != nullptr) limit_->Release();
    }

   private:
    ConcurrencyLimit* limit_;
  };

  // `running` >= 1 at once; up to `waiting` more wait up to `max_wait` for a turn.
  // `retry_after` is what a refusal tells the client.
  ConcurrencyLimit(int running, int waiting, std::chrono::milliseconds max_wait,
                   std::chrono::seconds retry_after)
      : running_(running < 1 ? 1 : running),
        waiting_(waiting < 0 ? 0 : waiting),
        max_wait_(max_wait),
        retry_after_(retry_after) {}

  // A turn, or kBusy (naming `what` and the limit, with retry_after_seconds) when every turn is
  // taken and as many are waiting as allowed, or none came free within max_wait.
  core::Result<Permit> Acquire(const std::string& what) {
    std::unique_lock lock(mutex_);
    if (in_use_ >= running_) {
      if (queued_ >= waiting_) return Busy(what);
      ++queued_;
      const bool turn = freed_.wait_for(lock, max_wait_, [this] { return in_use_ < running_; });
      --queued_;
      if (!turn) return Busy(what);
    }
    ++in_use_;
    return Permit(this);
  }

  int running_limit() const { return running_; }

 private:
  void Release() {
    {
      std::lock_guard lock(mutex_);
      --in_use_;
    }
    freed_.notify_one();
  }

  tl::unexpected<core::Error> Busy(const std::string& what) const {
    return tl::unexpected(core::Error{core::ErrorCode::kBusy,
                                      "the server is already working on " +
                                          std::to_string(running_) + " " + what +
                                          " at once, with others waiting; try again shortly",
                                      {},
                                      static_cast<std::int64_t>(retry_after_.count())});
  }

  const int running_;
  const int waiting_;
  const std::chrono::milliseconds max_wait_;
  const std::chrono::seconds retry_after_;
  std::mutex mutex_;
  std::condition_variable freed_;
  int in_use_ = 0;  // guarded by mutex_
  int queued_ = 0;  // guarded by mutex_
};

}  // namespace redress::http
