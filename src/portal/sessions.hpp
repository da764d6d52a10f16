#pragma once

// The portal's state between requests, kept in memory (issue 17): the form session of each
// browser (a random token in an HttpOnly, SameSite=Lax cookie of its own, never the staff's
// session cookie), holding its CSRF token, the answers of an unfinished complaint, the receipt
// of a sent one and, after a one-time code, the one case it may show; and the rate limits of
// what a public form can be made to do. Several instances need sticky sessions (docs/portal.md).

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "app/resident_portal.hpp"

namespace redress::portal {

// Sessions remembered at once; beyond it the least recently used go first.
inline constexpr std::size_t kMaxSessions = 50'000;

struct PortalSession {
  std::string csrf_token;
  std::map<std::string, std::string, std::less<>> answers;  // the complaint's, by field name
  std::optional<app::OnlineReceipt> receipt;                // of the complaint sent
  std::string receipt_email;
  // The pair a code was sent for, waiting for the code.
  std::string pending_reference;
  std::string pending_email;
  // The case a code opened: the only one this session may show.
  std::string case_reference;
  std::string case_email;
  std::int64_t last_used = 0;  // Unix seconds
};

class PortalSessions {
 public:
  // `idle_seconds`: how long an unused session lives (the unfinished complaint with it).
  explicit PortalSessions(std::int64_t idle_seconds) : idle_seconds_(idle_seconds) {}

  // The session of `token` at `now`, or nullopt when there is none or it expired.
  std::optional<PortalSession> Find(std::string_view token, std::int64_t now);
  // A new session; returns its token.
  std::string Create(std::int64_t now);
  // Stores `session` under `token` (which must exist or have existed).
  void Save(std::string_view token, PortalSession session, std::int64_t now);
  // Moves the session to a new token (after a code opened a case: no fixation); returns it.
  std::string Renew(std::string_view token, std::int64_t now);
  void Remove(std::string_view token);

 private:
  void MakeRoom(std::int64_t now);

  std::int64_t idle_seconds_;
  std::mutex mutex_;
  std::map<std::string, PortalSession, std::less<>> sessions_;
};

// At most `limit` events per key in each window of `window_seconds` (a fixed window: simple, and
// at most twice the limit across a window's edge). Bounded like the sessions.
class RateLimiter {
 public:
  RateLimiter(int limit, std::int64_t window_seconds) : limit_(limit), window_(window_seconds) {}
  // Counts an event for `key` at `now`; false (not counted) when the key is over its limit.
  bool Admit(std::string_view key, std::int64_t now);

 private:
  struct Window {
    std::int64_t started = 0;
    int count = 0;
  };
  int limit_;
  std::int64_t window_;
  std::mutex mutex_;
  std::map<std::string, Window, std::less<>> windows_;
};

}  // namespace redress::portal
