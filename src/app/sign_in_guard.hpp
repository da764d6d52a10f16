#pragma once

// What keeps a flood of sign-ins from taking the service down: the password checks (argon2id,
// 64 MiB and tens of milliseconds each) run a few at a time on threads of their own, with a short
// bounded queue in front, and each client address is held to a rate of sign-ins
// (core::AdmitSignInFromAddress) in a bounded table in memory. One guard serves a whole process;
// app::SignIn goes through it.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/result.hpp"

namespace redress::app {

// Password checks running at once: each takes a core and 64 MiB, so two keep memory and CPU
// bounded on a small server and leave the other cores to signed-in users.
inline constexpr int kConcurrentPasswordChecks = 2;
// Checks waiting for a thread; one more is refused at once (kTooManyRequests with Retry-After).
inline constexpr std::size_t kMaxQueuedPasswordChecks = 16;
// A check that waited this long for a thread is refused rather than run: its caller has waited
// long enough, and the queue must drain.
inline constexpr std::chrono::milliseconds kMaxPasswordCheckWait{3000};
// The Retry-After of a refused check, in seconds.
inline constexpr std::int64_t kPasswordCheckRetryAfterSeconds = 2;
// Client addresses whose sign-in rate is remembered; beyond this, those whose allowance is full
// again are forgotten first (forgetting them changes nothing), then the least busy.
inline constexpr std::size_t kMaxTrackedAddresses = 10'000;

// Runs password verifications on its own threads, at most `threads` at once, with at most
// `max_queued` waiting. The threads run at a lower scheduling priority than the server's, so a
// core hashing passwords yields to a signed-in user's request.
class PasswordCheckQueue {
 public:
  explicit PasswordCheckQueue(int threads = kConcurrentPasswordChecks,
                              std::size_t max_queued = kMaxQueuedPasswordChecks,
                              std::chrono::milliseconds max_wait = kMaxPasswordCheckWait);
  ~PasswordCheckQueue();  // refuses what is queued, finishes what runs, joins
  PasswordCheckQueue(const PasswordCheckQueue&) = delete;
  PasswordCheckQueue& operator=(const PasswordCheckQueue&) = delete;

  // Whether `password` matches `stored_hash` (app/secrets.hpp VerifyPassword), checked on one of
  // the queue's threads while the caller waits. kTooManyRequests (retry_after_seconds set) when
  // the queue is full or the check waited longer than max_wait for a thread.
  core::Result<bool> Verify(std::string_view stored_hash, std::string_view password);

  // The error Verify would give now if the queue is full, so a caller can refuse before doing
  // other work for a check that would not run. A hint only: the queue may fill in between.
  core::Status HasRoom();

 private:
  struct Job;
  void Work();

  const std::size_t max_queued_;
  const std::chrono::milliseconds max_wait_;
  std::mutex mutex_;
  std::condition_variable work_ready_;  // a job was queued, or stopping
  std::condition_variable job_done_;    // some job finished or was refused
  std::deque<Job*> queue_;              // guarded by mutex_; jobs live on their callers' stacks
  bool stopping_ = false;               // guarded by mutex_
  std::vector<std::thread> threads_;
};

// The sign-in rate of each client address, in memory (a restart forgets it, which costs an
// attacker's address at most one burst). IPv6 addresses count by their /64 network, which is what
// one subscriber is given; an IPv4-mapped IPv6 address counts as its IPv4 address. Thread-safe.
class AddressThrottle {
 public:
  explicit AddressThrottle(std::size_t max_tracked = kMaxTrackedAddresses)
      : max_tracked_(max_tracked) {}

  // Takes one sign-in from `address`'s allowance at `now` (Unix seconds), or fails with
  // kTooManyRequests and retry_after_seconds when it is spent. An empty address (unknown, as in a
  // test without a socket) is never limited.
  core::Status Admit(std::string_view address, std::int64_t now);
  // Gives back a sign-in Admit took: it succeeded, or no password was checked.
  void Refund(std::string_view address, std::int64_t now);

  std::size_t tracked() const;

 private:
  void MakeRoom(std::int64_t now);  // mutex_ held

  const std::size_t max_tracked_;
  mutable std::mutex mutex_;
  std::map<std::string, std::int64_t, std::less<>> busy_until_;  // guarded by mutex_
};

// The name under which AddressThrottle counts `address`: an IPv4 address as it is, an IPv6
// address as its /64 network ("2001:db8:1:2::/64"), an IPv4-mapped IPv6 address as the IPv4
// address; anything that does not parse as either, as it is.
std::string SignInAddressKey(std::string_view address);

// Everything a process's sign-ins share.
class SignInGuard {
 public:
  explicit SignInGuard(int password_check_threads = kConcurrentPasswordChecks);

  PasswordCheckQueue& checks() { return checks_; }
  AddressThrottle& addresses() { return addresses_; }

  // The name under which failed sign-ins to a username nobody has are counted: a keyed BLAKE2b
  // of what was typed, with a key made at start-up and never stored, so the database never holds
  // the text (people type passwords into the username box) and a copy of it cannot be searched
  // for a guess. "#" and 32 hex digits, which no valid username matches.
  std::string UnknownUsernameKey(std::string_view typed) const;

 private:
  PasswordCheckQueue checks_;
  AddressThrottle addresses_;
  std::string key_;
};

}  // namespace redress::app
