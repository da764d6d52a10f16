#pragma once

// The public service's form sessions (issue 17, docs/portal.md), in the database
// (Tx::ResidentAccess): a restart keeps an unfinished complaint, and every instance behind a load
// balancer knows every session. A session is found by the hash of its cookie's token; what it
// holds is the portal's own (the answers, the CSRF token, the case a code opened), kept as text.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "app/ports.hpp"

namespace redress::app {

struct ResidentSession {
  std::string data;
  std::int64_t expires_at = 0;  // Unix seconds
};

// The session of the cookie token `token` at `now`; nullopt when there is none or it has expired
// (an expired one stays until SweepResidentAccess).
Result<std::optional<ResidentSession>> FindResidentSession(Store& store, std::string_view token,
                                                           std::int64_t now);
// Saves the session of `token` (new or not) with what it holds and when it expires.
Status SaveResidentSession(Store& store, std::string_view token, std::string_view data,
                           std::int64_t expires_at);
// Ends the session of `token` (none: no error).
Status EndResidentSession(Store& store, std::string_view token);
// Deletes every session and one-time code expired at `now`; returns how many.
Result<int> SweepResidentAccess(Store& store, std::int64_t now);

}  // namespace redress::app
