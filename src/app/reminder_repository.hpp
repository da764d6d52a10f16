#pragma once

// The reminder digests sent to staff (issue 15): one per person per working day at most, written
// once, in the transaction that queues its email in the outbox. The unique key (person, day) is
// what makes a digest go once however many server instances run the schedule. Part of the ports
// (app/ports.hpp).

#include <cstdint>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::app {

struct ReminderDigestRecord {
  std::int64_t id = 0;  // assigned by the store
  std::string username;
  core::Date sent_on;     // the working day it is for
  std::string recipient;  // the address it went to, as it was then
  std::string subject;
  std::string text;
  std::string html;
  int cases = 0;           // how many cases it names
  std::string created_at;  // RFC 3339 UTC
  friend bool operator==(const ReminderDigestRecord&, const ReminderDigestRecord&) = default;
};

class ReminderRepository {
 public:
  virtual ~ReminderRepository() = default;
  // Stores the digest, assigning its id; kConflict when the person already has one for that day
  // (nothing is written); kInvalidInput (field `username`) for an unknown user.
  virtual core::Result<ReminderDigestRecord> Insert(ReminderDigestRecord digest) = 0;
  // One digest whole; kNotFound when absent.
  virtual core::Result<ReminderDigestRecord> Load(std::int64_t id) = 0;
  // The digests for a day, by username, without their text and HTML.
  virtual core::Result<std::vector<ReminderDigestRecord>> SentOn(core::Date day) = 0;
};

}  // namespace redress::app
