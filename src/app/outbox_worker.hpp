#pragma once

// The worker that empties the email outbox (issue 15): claims the due messages (each claim counts
// the attempt before anything is sent), sends each through the Mailer, and records the outcome:
// sent; queued again with back-off when the relay is down or answers 4xx; failed after the
// configured time, or at once on a permanent refusal. A worker that dies mid-send leaves its rows
// claimed until their lease expires; then any worker sends them again with the same Message-ID.
// Safe to run in several processes: rows are claimed, never shared. The server runs RunOnce in
// an app::PeriodicLoop.

#include <cstdint>
#include <string>

#include "app/mailer.hpp"
#include "app/ports.hpp"
#include "core/retry_schedule.hpp"

namespace redress::app {

struct OutboxWorkerOptions {
  std::string token;                 // this worker's claim token: unique per process
  int batch = 10;                    // messages claimed at once
  std::int64_t lease_seconds = 120;  // longer than one send can take
  core::RetryPolicy retry;
};

struct OutboxRun {
  int sent = 0;
  int retried = 0;
  int failed = 0;
};

class OutboxWorker {
 public:
  OutboxWorker(Store& store, const Clock& clock, Mailer& mailer, OutboxWorkerOptions options)
      : store_(store), clock_(clock), mailer_(mailer), options_(std::move(options)) {}

  // One pass: claims up to a batch of due messages and sends them. Errors are the store's.
  Result<OutboxRun> RunOnce();

 private:
  Store& store_;
  const Clock& clock_;
  Mailer& mailer_;
  OutboxWorkerOptions options_;
};

// A claim token unique to this process: random, hex.
std::string NewWorkerToken();

}  // namespace redress::app
