#include "portal/sessions.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/resident_codes.hpp"
#include "app/resident_sessions.hpp"
#include "app/secrets.hpp"

namespace redress::portal {
namespace {

using nlohmann::json;

constexpr std::string_view kSessionPrefix = "rdp_";
constexpr std::string_view kCsrfPrefix = "rdf_";
constexpr std::size_t kTokenHexDigits = 64;

// Whether `token` has the form of a session token this service makes (NewRandomToken): anything
// else is no session, whatever a client sends.
bool IsOurToken(std::string_view token) {
  return token.size() == kSessionPrefix.size() + kTokenHexDigits &&
         token.starts_with(kSessionPrefix) &&
         token.find_first_not_of("0123456789abcdef", kSessionPrefix.size()) ==
             std::string_view::npos;
}

// Keys a rate limiter remembers at once; beyond it the windows already over are forgotten.
constexpr std::size_t kMaxRateKeys = 100'000;
// A session in use is written again once its expiry is this far behind: one write a minute at
// most while a resident reads pages without changing anything.
constexpr std::int64_t kRefreshSeconds = 60;
// Expired sessions and codes are deleted at most this often, by whichever request comes then.
constexpr std::int64_t kSweepSeconds = 5 * 60;

std::string TextOf(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

std::string SessionToText(const PortalSession& session) {
  json object = {{"answers", session.answers},
                 {"receipt_email", session.receipt_email},
                 {"pending_reference", session.pending_reference},
                 {"pending_email", session.pending_email},
                 {"case_reference", session.case_reference},
                 {"case_email", session.case_email}};
  if (session.receipt) {
    object["receipt"] = {{"reference", session.receipt->reference},
                         {"received_on", session.receipt->received_on.ToIso()},
                         {"acknowledge_by", session.receipt->acknowledge_by.ToIso()},
                         {"letter", session.receipt->receipt_letter}};
  }
  json uploads = json::array();
  for (const UploadedFile& file : session.uploads) {
    uploads.push_back({{"name", file.name}, {"size", file.size}});
  }
  object["uploads"] = std::move(uploads);
  object["files_not_added"] = session.files_not_added;
  return object.dump();
}

PortalSession SessionFromText(std::string_view text) {
  PortalSession session;
  const json object = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!object.is_object()) return session;
  if (const auto answers = object.find("answers");
      answers != object.end() && answers->is_object()) {
    for (const auto& [name, value] : answers->items()) {
      if (value.is_string()) session.answers.emplace(name, value.get<std::string>());
    }
  }
  if (const auto receipt = object.find("receipt");
      receipt != object.end() && receipt->is_object()) {
    auto received = core::Date::Parse(TextOf(*receipt, "received_on"));
    auto acknowledge_by = core::Date::Parse(TextOf(*receipt, "acknowledge_by"));
    const auto letter = receipt->find("letter");
    if (received && acknowledge_by && letter != receipt->end() && letter->is_number_integer()) {
      session.receipt = app::OnlineReceipt{TextOf(*receipt, "reference"), *received,
                                           *acknowledge_by, letter->get<int>()};
    }
  }
  session.receipt_email = TextOf(object, "receipt_email");
  session.pending_reference = TextOf(object, "pending_reference");
  session.pending_email = TextOf(object, "pending_email");
  session.case_reference = TextOf(object, "case_reference");
  session.case_email = TextOf(object, "case_email");
  if (const auto uploads = object.find("uploads"); uploads != object.end() && uploads->is_array()) {
    for (const json& file : *uploads) {
      if (!file.is_object()) continue;
      const auto size = file.find("size");
      session.uploads.push_back(
          {TextOf(file, "name"),
           size != file.end() && size->is_number_integer() ? size->get<std::int64_t>() : 0});
    }
  }
  if (const auto failed = object.find("files_not_added");
      failed != object.end() && failed->is_boolean()) {
    session.files_not_added = failed->get<bool>();
  }
  return session;
}

PortalSessions::PortalSessions(app::Store& store, std::int64_t idle_seconds, std::string key,
                               std::function<void(const std::string&)> log_error)
    : store_(store),
      idle_seconds_(idle_seconds),
      key_(std::move(key)),
      log_error_(std::move(log_error)) {}

std::optional<LoadedSession> PortalSessions::Find(std::string_view token, std::int64_t now) {
  SweepWhenDue(now);
  if (!IsOurToken(token)) return std::nullopt;
  auto found = app::FindResidentSession(store_, token, now);
  if (!found) {
    log_error_("a form session could not be read: " + found.error().message);
    return std::nullopt;
  }
  LoadedSession loaded;
  if (*found) {
    loaded.session = SessionFromText((*found)->data);
    loaded.stored_text = std::move((*found)->data);
    loaded.expires_at = (*found)->expires_at;
  }
  loaded.session.csrf_token = CsrfTokenOf(token);
  return loaded;
}

std::pair<std::string, LoadedSession> PortalSessions::Create() {
  std::string token = app::NewRandomToken(kSessionPrefix);
  LoadedSession created;
  created.session.csrf_token = CsrfTokenOf(token);
  return {std::move(token), std::move(created)};
}

std::string PortalSessions::CsrfTokenOf(std::string_view token) const {
  return std::string(kCsrfPrefix) + app::KeyedHash(key_, "csrf\n" + std::string(token));
}

bool PortalSessions::Save(std::string_view token, const LoadedSession& loaded, std::int64_t now) {
  std::string text = SessionToText(loaded.session);
  const std::int64_t expires_at = now + idle_seconds_;
  if (loaded.stored_text.empty() && text == SessionToText(PortalSession{})) return true;
  if (text == loaded.stored_text && expires_at - loaded.expires_at < kRefreshSeconds) return true;
  if (auto saved = app::SaveResidentSession(store_, token, text, expires_at); !saved) {
    log_error_("a form session could not be saved: " + saved.error().message);
    return false;
  }
  return true;
}

std::optional<std::string> PortalSessions::Renew(std::string_view token, PortalSession session,
                                                 std::int64_t now) {
  std::string renewed = app::NewRandomToken(kSessionPrefix);
  session.csrf_token = CsrfTokenOf(renewed);
  if (!Save(renewed, LoadedSession{std::move(session), "", 0}, now)) return std::nullopt;
  Remove(token);
  return renewed;
}

void PortalSessions::Remove(std::string_view token) {
  if (auto ended = app::EndResidentSession(store_, token); !ended) {
    log_error_("a form session could not be ended: " + ended.error().message);
  }
}

void PortalSessions::SweepWhenDue(std::int64_t now) {
  {
    std::lock_guard lock(sweep_mutex_);
    if (now - last_sweep_ < kSweepSeconds) return;
    last_sweep_ = now;
  }
  if (auto swept = app::SweepResidentAccess(store_, now); !swept) {
    log_error_("expired form sessions and codes could not be deleted: " + swept.error().message);
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
