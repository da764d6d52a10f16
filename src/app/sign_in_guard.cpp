#include "app/sign_in_guard.hpp"

#include <arpa/inet.h>
#include <sodium.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <array>

#include "app/secrets.hpp"
#include "core/sign_in_throttle.hpp"

namespace redress::app {
namespace {

// The niceness of the password-checking threads: below the server's threads, so the scheduler
// runs a waiting request first and hashing takes what is left of the cores.
constexpr int kPasswordCheckNiceness = 10;

tl::unexpected<core::Error> Busy(std::int64_t retry_after_seconds, std::string message) {
  core::Error error{core::ErrorCode::kTooManyRequests, std::move(message), {}};
  error.retry_after_seconds = std::max<std::int64_t>(1, retry_after_seconds);
  return tl::unexpected(std::move(error));
}

tl::unexpected<core::Error> ChecksBusy() {
  return Busy(kPasswordCheckRetryAfterSeconds,
              "too many sign-ins are being checked; try again in " +
                  std::to_string(kPasswordCheckRetryAfterSeconds) + " seconds");
}

}  // namespace

std::string SignInAddressKey(std::string_view address) {
  std::string text(address);  // not const: returned, so moved
  std::array<unsigned char, 16> bytes{};
  if (inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return text;
  constexpr std::array<unsigned char, 12> kMappedPrefix = {0, 0, 0, 0, 0,    0,
                                                           0, 0, 0, 0, 0xff, 0xff};
  if (std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), bytes.begin())) {
    return std::to_string(bytes[12]) + "." + std::to_string(bytes[13]) + "." +
           std::to_string(bytes[14]) + "." + std::to_string(bytes[15]);
  }
  std::fill(bytes.begin() + 8, bytes.end(), 0);
  std::array<char, INET6_ADDRSTRLEN> network{};
  inet_ntop(AF_INET6, bytes.data(), network.data(), network.size());
  return std::string(network.data()) + "/64";
}

struct PasswordCheckQueue::Job {
  std::string_view stored_hash;
  std::string_view password;
  std::chrono::steady_clock::time_point deadline;
  bool finished = false;
  bool refused = false;
  bool matches = false;
};

PasswordCheckQueue::PasswordCheckQueue(int threads, std::size_t max_queued,
                                       std::chrono::milliseconds max_wait)
    : max_queued_(max_queued), max_wait_(max_wait) {
  const int count = std::max(1, threads);
  threads_.reserve(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) threads_.emplace_back([this] { Work(); });
}

PasswordCheckQueue::~PasswordCheckQueue() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (Job* job : queue_) {
      job->refused = true;
      job->finished = true;
    }
    queue_.clear();
  }
  work_ready_.notify_all();
  job_done_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

core::Result<bool> PasswordCheckQueue::Verify(std::string_view stored_hash,
                                              std::string_view password) {
  Job job{stored_hash, password, std::chrono::steady_clock::now() + max_wait_};
  std::unique_lock lock(mutex_);
  if (stopping_ || queue_.size() >= max_queued_) return ChecksBusy();
  queue_.push_back(&job);
  work_ready_.notify_one();
  job_done_.wait(lock, [&] { return job.finished; });
  if (job.refused) return ChecksBusy();
  return job.matches;
}

core::Status PasswordCheckQueue::HasRoom() {
  std::lock_guard lock(mutex_);
  if (stopping_ || queue_.size() >= max_queued_) return ChecksBusy();
  return {};
}

void PasswordCheckQueue::Work() {
  // Linux applies a niceness to the calling thread alone (setpriority on its thread id). Failing
  // to lower it only costs the signed-in users some latency, so the result is not checked.
  setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kPasswordCheckNiceness);
  std::unique_lock lock(mutex_);
  while (true) {
    work_ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping, nothing left
    Job* job = queue_.front();
    queue_.pop_front();
    if (std::chrono::steady_clock::now() > job->deadline) {
      job->refused = true;
    } else {
      lock.unlock();
      const bool matches = VerifyPassword(job->stored_hash, job->password);
      lock.lock();
      job->matches = matches;
    }
    job->finished = true;
    job_done_.notify_all();
  }
}

core::Status AddressThrottle::Admit(std::string_view address, std::int64_t now) {
  if (address.empty()) return {};
  const std::string key = SignInAddressKey(address);
  std::lock_guard lock(mutex_);
  auto found = busy_until_.find(key);
  const std::int64_t busy_until = found == busy_until_.end() ? 0 : found->second;
  const core::AddressAdmission admission = core::AdmitSignInFromAddress(busy_until, now);
  if (!admission.admitted) {
    return Busy(admission.retry_after_seconds,
                "too many sign-ins from this address; try again in " +
                    std::to_string(admission.retry_after_seconds) + " seconds");
  }
  if (found != busy_until_.end()) {
    found->second = admission.busy_until;
    return {};
  }
  if (busy_until_.size() >= max_tracked_) MakeRoom(now);
  busy_until_.emplace(key, admission.busy_until);
  return {};
}

void AddressThrottle::Refund(std::string_view address, std::int64_t now) {
  if (address.empty()) return;
  const std::string key = SignInAddressKey(address);
  std::lock_guard lock(mutex_);
  auto found = busy_until_.find(key);
  if (found != busy_until_.end()) found->second = core::RefundSignInToAddress(found->second, now);
}

std::size_t AddressThrottle::tracked() const {
  std::lock_guard lock(mutex_);
  return busy_until_.size();
}

void AddressThrottle::MakeRoom(std::int64_t now) {
  // An address whose allowance is full again is the same as one never seen.
  std::erase_if(busy_until_, [now](const auto& entry) { return entry.second <= now; });
  if (busy_until_.size() < max_tracked_) return;
  // Every address is busy (many addresses at once, e.g. an IPv6 range): forget the one closest
  // to a full allowance, which costs the least.
  auto least = std::min_element(busy_until_.begin(), busy_until_.end(),
                                [](const auto& a, const auto& b) { return a.second < b.second; });
  busy_until_.erase(least);
}

SignInGuard::SignInGuard(int password_check_threads) : checks_(password_check_threads) {
  [[maybe_unused]] int initialised = sodium_init();  // idempotent; see secrets.cpp
  std::array<unsigned char, crypto_generichash_KEYBYTES> key{};
  randombytes_buf(key.data(), key.size());
  key_.assign(reinterpret_cast<const char*>(key.data()), key.size());
}

std::string SignInGuard::UnknownUsernameKey(std::string_view typed) const {
  constexpr std::size_t kDigestBytes = 16;
  std::array<unsigned char, kDigestBytes> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(typed.data()), typed.size(),
                     reinterpret_cast<const unsigned char*>(key_.data()), key_.size());
  static constexpr char kHex[] = "0123456789abcdef";
  std::string name = "#";
  for (unsigned char byte : digest) {
    name += kHex[byte >> 4];
    name += kHex[byte & 0x0f];
  }
  return name;
}

}  // namespace redress::app
