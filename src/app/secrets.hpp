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

// A new bearer token: "rdt_" followed by 64 hex digits (256 random bits).
std::string NewApiToken();
// The hex BLAKE2b-256 of a token, as stored; a fast hash is right here because the token has full
// entropy (unlike a password).
std::string HashApiToken(std::string_view token);

}  // namespace redress::app
