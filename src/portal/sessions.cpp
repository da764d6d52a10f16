#include "portal/sessions.hpp"

#include <algorithm>

#include "app/secrets.hpp"

namespace redress::portal {
namespace {

constexpr std::string_view kSessionPrefix = "rdp_";
constexpr std::string_view kCsrfPrefix = "rdf_";
// Keys a rate limiter remembers at once; beyond it the windows already over are forgotten.
constexpr std::size_t kMaxRateKeys = 100'000;

}  // namespace

std::optional<PortalSession> PortalSessions::Find(std::string_view token, std::int64_t now) {
  if (token.empty()) return std::nullopt;
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(token);
  if (found == sessions_.end()) return std::nullopt;
  if (now - found->second.last_used > idle_seconds_) {
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_used = now;
  return found->second;
}

std::string PortalSessions::Create(std::int64_t now) {
  std::string token = app::NewRandomToken(kSessionPrefix);
  PortalSession session;
  session.csrf_token = app::NewRandomToken(kCsrfPrefix);
  session.last_used = now;
  std::lock_guard lock(mutex_);
  MakeRoom(now);
  sessions_.emplace(token, std::move(session));
  return token;
}

void PortalSessions::Save(std::string_view token, PortalSession session, std::int64_t now) {
  session.last_used = now;
  std::lock_guard lock(mutex_);
  MakeRoom(now);
  sessions_.insert_or_assign(std::string(token), std::move(session));
}

std::string PortalSessions::Renew(std::string_view token, std::int64_t now) {
  std::string renewed = app::NewRandomToken(kSessionPrefix);
  std::lock_guard lock(mutex_);
  auto found = sessions_.find(token);
  PortalSession session = found == sessions_.end() ? PortalSession{} : std::move(found->second);
  if (found != sessions_.end()) sessions_.erase(found);
  session.csrf_token = app::NewRandomToken(kCsrfPrefix);
  session.last_used = now;
  sessions_.emplace(renewed, std::move(session));
  return renewed;
}

void PortalSessions::Remove(std::string_view token) {
  std::lock_guard lock(mutex_);
  if (auto found = sessions_.find(token); found != sessions_.end()) sessions_.erase(found);
}

void PortalSessions::MakeRoom(std::int64_t now) {
  if (sessions_.size() < kMaxSessions) return;
  std::erase_if(sessions_,
                [&](const auto& entry) { return now - entry.second.last_used > idle_seconds_; });
  while (sessions_.size() >= kMaxSessions) {
    sessions_.erase(std::min_element(
        sessions_.begin(), sessions_.end(),
        [](const auto& a, const auto& b) { return a.second.last_used < b.second.last_used; }));
  }
}

bool RateLimiter::Admit(std::string_view key, std::int64_t now) {
  std::lock_guard lock(mutex_);
  if (windows_.size() >= kMaxRateKeys) {
    std::erase_if(windows_,
                  [&](const auto& entry) { return now - entry.second.started >= window_; });
  }
  auto [found, inserted] = windows_.try_emplace(std::string(key), Window{now, 0});
  Window& window = found->second;
  if (now - window.started >= window_) window = Window{now, 0};
  if (window.count >= limit_) return false;
  ++window.count;
  return true;
}

}  // namespace redress::portal
