#pragma once

// The one-time codes that let a resident follow their case (issue 17, docs/portal.md): six
// digits, emailed to an address recorded on the case, good for a configured lifetime, used once,
// and dropped after core::kResidentCodeTries wrong tries (the rule: core::JudgeCode). They live in
// the database (Tx::ResidentAccess), so a code sent by one instance works on any other and after
// a restart. Only keyed BLAKE2b hashes are kept: of the (reference, email) pair, which finds the
// code, and of the code. The key is a secret outside the database that every instance shares
// (`redress serve --portal-key`), so that a copy of the database alone cannot try the million
// codes offline.

#include <cstdint>
#include <string>
#include <string_view>

#include "app/ports.hpp"
#include "core/resident_code.hpp"

namespace redress::app {

using core::CodeCheck;

struct ResidentCodeSettings {
  std::string key;  // the hashes' secret: NewResidentCodeKey's form, or any text of 16+ bytes
  std::int64_t lifetime_seconds = core::kResidentCodeLifetimeSeconds;
};

// A new random key: 64 hex digits.
std::string NewResidentCodeKey();

// The keyed BLAKE2b-256 of `text` under `key` (any length), as hex: the codes' hashes, and the
// portal's CSRF tokens, derived from a session's token so that a new session need not be stored
// before it holds anything.
std::string KeyedHash(std::string_view key, std::string_view text);

// A new code for (reference, email) at `now` (Unix seconds), replacing any earlier one for the
// pair (its tries with it); returns the code, to be emailed and never stored.
Result<std::string> IssueResidentCode(Store& store, const ResidentCodeSettings& settings,
                                      std::string_view reference, std::string_view email,
                                      std::int64_t now);

// Checks `code` for the pair at `now`, in one write transaction that holds the code's row, and
// records the try (core::JudgeCode). Compared in constant time. Spaces and hyphens a resident
// types between the digits are ignored.
Result<CodeCheck> CheckResidentCode(Store& store, const ResidentCodeSettings& settings,
                                    std::string_view reference, std::string_view email,
                                    std::string_view code, std::int64_t now);

}  // namespace redress::app
