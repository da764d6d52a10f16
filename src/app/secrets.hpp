#pragma once

// Passwords and API tokens. Passwords are stored as argon2id hashes (libsodium's
// crypto_pwhash_str); tokens are random, shown once and stored only as a hash.

#include <string>
#include <string_view>

#include "core/result.hpp"

namespace redress::app {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;

// Fails with kInvalidInput (field "password") on a password shorter than kMinPasswordLength or
// longer than kMaxPasswordLength.
core::Result<std::string> HashPassword(std::string_view password);
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// The prefixes tell the kinds of token apart in logs and leak reports.
inline constexpr std::string_view kApiTokenPrefix = "rdt_";
inline constexpr std::string_view kSessionTokenPrefix = "rds_";
inline constexpr std::string_view kCsrfTokenPrefix = "rdc_";

// `prefix` followed by 64 hex digits (256 random bits).
std::string NewRandomToken(std::string_view prefix);
// A new bearer token: NewRandomToken(kApiTokenPrefix).
std::string NewApiToken();
// The hex BLAKE2b-256 of a token, as stored; a fast hash is right here because the token has full
// entropy (unlike a password).
std::string HashApiToken(std::string_view token);
// The same hash, for session and CSRF tokens.
std::string HashSecretToken(std::string_view token);
// Whether `token` hashes to `stored_hash`, compared in constant time (sodium_memcmp) so the time
// taken tells a guesser nothing about how much of it was right.
bool SecretTokenMatches(std::string_view stored_hash, std::string_view token);

}  // namespace redress::app
