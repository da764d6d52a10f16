#pragma once

// The one-time codes that let a resident follow their case (issue 17): six digits, emailed to an
// address recorded on the case, good for kResidentCodeLifetimeSeconds, used once, and dropped
// after kResidentCodeTries wrong tries. Only a keyed hash of each code is kept (the key is random
// per process and never leaves it), in memory: a code is short-lived, and a restart only makes
// the resident ask again. Several instances behind a load balancer need the code's instance
// (sticky sessions) until this moves to the database.

#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>

namespace redress::app {

inline constexpr int kResidentCodeDigits = 6;
inline constexpr std::int64_t kResidentCodeLifetimeSeconds = 10 * 60;
inline constexpr int kResidentCodeTries = 5;
// Codes remembered at once; beyond it the expired go first, then the oldest.
inline constexpr std::size_t kMaxResidentCodes = 100'000;

enum class CodeCheck {
  kAccepted,  // right, in time, not used before: now used up
  kWrong,     // wrong, or no code was issued for the pair; a try is counted
  kExpired,   // issued, right or not, but too old (dropped)
  kUsedUp,    // too many wrong tries (dropped), or already used
};

class ResidentCodes {
 public:
  // Codes live `lifetime_seconds` (tests shorten it).
  explicit ResidentCodes(std::int64_t lifetime_seconds = kResidentCodeLifetimeSeconds);

  // A new code for (reference, email) at `now` (Unix seconds), replacing any earlier one.
  std::string Issue(std::string_view reference, std::string_view email, std::int64_t now);

  // Checks `code` for the pair at `now`. Compared in constant time.
  CodeCheck Check(std::string_view reference, std::string_view email, std::string_view code,
                  std::int64_t now);

 private:
  struct Entry {
    std::string hash;
    std::int64_t issued_at = 0;
    int wrong_tries = 0;
    bool used = false;
  };
  std::string KeyOf(std::string_view reference, std::string_view email) const;
  std::string HashOf(std::string_view code) const;
  void MakeRoom(std::int64_t now);

  std::int64_t lifetime_;
  std::string secret_;  // random per process: the hash's key
  std::mutex mutex_;
  std::map<std::string, Entry, std::less<>> entries_;
};

}  // namespace redress::app
