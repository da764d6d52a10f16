#pragma once

// Web sessions and the throttling of failed sign-ins. Part of the ports (app/ports.hpp). Both
// live in the database, so that every instance serving it sees a sign-out or a throttle at once.

#include <cstdint>
#include <string_view>

#include "app/records.hpp"
#include "core/result.hpp"

namespace redress::app {

// The sessions and sign-in attempts of one transaction (Tx::Sessions).
class SessionRepository {
 public:
  virtual ~SessionRepository() = default;

  // Sessions, found by the hash of their cookie token.
  virtual core::Result<Session> Insert(Session session) = 0;                  // assigns id
  virtual core::Result<Session> FindByHash(std::string_view token_hash) = 0;  // kNotFound
  virtual core::Status Extend(std::int64_t id, std::int64_t expires_at) = 0;
  virtual core::Status Delete(std::int64_t id) = 0;  // nothing to delete is no error
  // Deletes every session of the user but the one whose token hash is `keep_token_hash` (none
  // when empty); returns how many it deleted.
  virtual core::Result<int> DeleteAllOf(std::int64_t user_id, std::string_view keep_token_hash) = 0;

  // Failed sign-ins per username (or per keyed hash of a username nobody has, see
  // app/sign_in_guard.hpp); a name never seen has the zero record.
  virtual core::Result<SignInAttempts> LoadSignInAttempts(std::string_view username) = 0;
  virtual core::Status SaveSignInAttempts(std::string_view username,
                                          const SignInAttempts& attempts) = 0;
};

}  // namespace redress::app
