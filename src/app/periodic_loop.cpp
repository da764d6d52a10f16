#include "app/periodic_loop.hpp"

#include <utility>

namespace redress::app {

PeriodicLoop::PeriodicLoop(std::chrono::milliseconds interval, Pass pass,
                           std::function<void(const core::Error&)> on_error)
    : interval_(interval), pass_(std::move(pass)), on_error_(std::move(on_error)) {
  thread_ = std::thread([this] { Run(); });
}

PeriodicLoop::~PeriodicLoop() { Stop(); }

void PeriodicLoop::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PeriodicLoop::Run() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    core::Result<bool> worked = pass_();
    if (!worked && on_error_) on_error_(worked.error());
    const bool more = worked && *worked;
    lock.lock();
    if (!more) wake_.wait_for(lock, interval_, [this] { return stopping_; });
  }
}

}  // namespace redress::app
