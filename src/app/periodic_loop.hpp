#pragma once

// A background task the server runs on its own thread at an interval: the outbox's sender and
// the reminders' schedule (issue 15). A pass that did work runs again at once (more may be due);
// one that did none, or failed, waits for the interval. Stop (or destruction) ends it between
// passes.

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/result.hpp"

namespace redress::app {

class PeriodicLoop {
 public:
  // `pass` answers whether it did work; an error goes to `on_error` and waits like no work.
  using Pass = std::function<core::Result<bool>()>;

  PeriodicLoop(std::chrono::milliseconds interval, Pass pass,
               std::function<void(const core::Error&)> on_error);
  ~PeriodicLoop();
  PeriodicLoop(const PeriodicLoop&) = delete;
  PeriodicLoop& operator=(const PeriodicLoop&) = delete;
  void Stop();

 private:
  void Run();

  std::chrono::milliseconds interval_;
  Pass pass_;
  std::function<void(const core::Error&)> on_error_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace redress::app
