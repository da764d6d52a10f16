#pragma once

// The portal's state between requests (issue 17, docs/portal.md): the form session of each
// browser (a random token in an HttpOnly, SameSite=Lax cookie of its own, never the staff's
// session cookie), holding its CSRF token, the answers of an unfinished complaint, the receipt
// of a sent one, the pair waiting for a code and, after a one-time code, the one case it may
// show. Sessions are kept in the database (app/resident_sessions.hpp), as JSON text, so that a
// restart loses nothing and every instance behind a load balancer knows every session. The rate
// limits of what a public form can be made to do stay in each process's memory (RateLimiter).

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports.hpp"
#include "app/resident_portal.hpp"

namespace redress::portal {

// A file the resident added (its name as kept, sanitised): what the portal may show them.
struct UploadedFile {
  std::string name;
  std::int64_t size = 0;
};

struct PortalSession {
  // Derived from the session's token (PortalSessions::CsrfTokenOf), never stored.
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
  // The files sent with the complaint this session sent, in order.
  std::vector<UploadedFile> uploads;
  bool files_not_added = false;  // the complaint was sent, but its files could not be kept
};

// A session as text and back (without its CSRF token). Text that is not a session's reads as an
// empty session.
std::string SessionToText(const PortalSession& session);
PortalSession SessionFromText(std::string_view text);

// A session as read, with what is needed to tell whether saving it would change anything.
struct LoadedSession {
  PortalSession session;
  std::string stored_text;      // "" for a new session
  std::int64_t expires_at = 0;  // as stored
};

class PortalSessions {
 public:
  // `idle_seconds`: how long an unused session lives (the unfinished complaint with it). `key` is
  // the secret CSRF tokens are derived with (the codes' key: the same on every instance). The
  // store must outlive this.
  PortalSessions(app::Store& store, std::int64_t idle_seconds, std::string key,
                 std::function<void(const std::string&)> log_error);

  // The session of `token` at `now`: as stored, or, for a token of ours with nothing stored (new,
  // or expired and swept), an empty one; nullopt for a token that is not ours, or when the store
  // could not be read (logged). Either way the CSRF token is the token's own.
  std::optional<LoadedSession> Find(std::string_view token, std::int64_t now);
  // A new session's token and content; nothing is stored until Save has something to store.
  std::pair<std::string, LoadedSession> Create();
  // The CSRF token of the session `token`: a keyed hash of it, so that a session needs no row
  // until it holds something (a page read by a new visitor writes nothing).
  std::string CsrfTokenOf(std::string_view token) const;
  // Stores the session under `token` when it changed (an empty new one is not stored), or when its
  // expiry is more than a minute behind `now` + idle (so browsing writes at most once a minute).
  // False when the store failed.
  bool Save(std::string_view token, const LoadedSession& loaded, std::int64_t now);
  // Moves the session to a new token (after a code opened a case: no fixation) with a new CSRF
  // token; returns the new token, or nullopt when the store failed.
  std::optional<std::string> Renew(std::string_view token, PortalSession session, std::int64_t now);
  void Remove(std::string_view token);

 private:
  void SweepWhenDue(std::int64_t now);

  app::Store& store_;
  std::int64_t idle_seconds_;
  std::string key_;
  std::function<void(const std::string&)> log_error_;
  std::mutex sweep_mutex_;
  std::int64_t last_sweep_ = 0;  // guarded by sweep_mutex_
};

// At most `limit` events per key in each window of `window_seconds` (a fixed window: simple, and
// at most twice the limit across a window's edge). Per process and bounded: behind a load
// balancer each instance counts its own, so the limits are per instance.
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
