#pragma once

// The resident's public service's state between requests (issue 17, docs/portal.md): the form
// sessions of residents' browsers and the one-time codes that open a case. Part of the ports
// (app/ports.hpp, Tx::ResidentAccess). In the database, so that a restart loses no unfinished
// complaint and every instance behind a load balancer sees the same sessions and codes.
//
// Nothing secret is stored as it was given: a session is found by the hash of its cookie's token,
// a code by a keyed hash of its (reference, email) pair and checked against a keyed hash of the
// code (app/resident_codes.hpp). Expiry is a field the use cases compare with their clock inside
// the transaction; DeleteExpired sweeps what is over.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/resident_code.hpp"
#include "core/result.hpp"

namespace redress::app {

struct ResidentSessionRecord {
  std::string token_hash;       // HashSecretToken of the cookie's token
  std::string data;             // the portal's state of the session, opaque here (JSON)
  std::int64_t expires_at = 0;  // Unix seconds: the session is over from then on
};

struct ResidentCodeRecord {
  std::string pair_hash;  // keyed hash of the (reference, email) the code was sent for
  std::string code_hash;  // keyed hash of the code
  core::ResidentCodeState state;
};

class ResidentAccessRepository {
 public:
  virtual ~ResidentAccessRepository() = default;

  // The session of `token_hash`, expired or not (the caller compares expires_at); nullopt when
  // there is none.
  virtual core::Result<std::optional<ResidentSessionRecord>> FindSession(
      std::string_view token_hash) = 0;
  // Inserts the session, or replaces the one with its token hash.
  virtual core::Status SaveSession(const ResidentSessionRecord& session) = 0;
  // Nothing to delete is no error.
  virtual core::Status DeleteSession(std::string_view token_hash) = 0;

  // The code of `pair_hash`, locked until the transaction ends (PostgreSQL: FOR UPDATE; SQLite's
  // single writer serialises write transactions), so a try and its count are one step even with
  // several instances. Call it in a Write. nullopt when there is none.
  virtual core::Result<std::optional<ResidentCodeRecord>> LockCode(std::string_view pair_hash) = 0;
  // Inserts the code, or replaces the pair's earlier one (its tries with it).
  virtual core::Status SaveCode(const ResidentCodeRecord& code) = 0;
  virtual core::Status DeleteCode(std::string_view pair_hash) = 0;  // nothing to delete: no error

  // Deletes the sessions and codes with expires_at <= now; returns how many rows went.
  virtual core::Result<int> DeleteExpired(std::int64_t now) = 0;
};

}  // namespace redress::app
