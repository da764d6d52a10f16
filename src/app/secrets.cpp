#include "app/secrets.hpp"

#include <sodium.h>

#include <array>
#include <cassert>

namespace redress::app {
namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kTokenHashBytes = 32;

void EnsureSodium() {
  // sodium_init is idempotent and thread-safe; -1 means no entropy source, which is a broken host.
  [[maybe_unused]] int initialised = sodium_init();
  assert(initialised >= 0);
}

std::string ToHex(const unsigned char* bytes, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, size);
  hex.pop_back();
  return hex;
}

}  // namespace

core::Result<std::string> HashPassword(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    return core::FailField(
        "password", "must be at least " + std::to_string(kMinPasswordLength) + " characters");
  }
  if (password.size() > kMaxPasswordLength) {
    return core::FailField("password",
                           "must be at most " + std::to_string(kMaxPasswordLength) + " characters",
                           core::FieldErrorCode::kTooLong);
  }
  EnsureSodium();
  std::array<char, crypto_pwhash_STRBYTES> hash{};
  if (crypto_pwhash_str_alg(hash.data(), password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return core::Fail(core::ErrorCode::kInternal, "out of memory while hashing the password");
  }
  return std::string(hash.data());
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  EnsureSodium();
  std::string hash(stored_hash);  // libsodium wants a NUL-terminated string
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string NewRandomToken(std::string_view prefix) {
  EnsureSodium();
  std::array<unsigned char, kTokenBytes> bytes{};
  randombytes_buf(bytes.data(), bytes.size());
  return std::string(prefix) + ToHex(bytes.data(), bytes.size());
}

std::string NewApiToken() { return NewRandomToken(kApiTokenPrefix); }

std::string HashApiToken(std::string_view token) {
  EnsureSodium();
  std::array<unsigned char, kTokenHashBytes> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return ToHex(digest.data(), digest.size());
}

std::string HashSecretToken(std::string_view token) { return HashApiToken(token); }

bool SecretTokenMatches(std::string_view stored_hash, std::string_view token) {
  const std::string token_hash = HashSecretToken(token);
  return token_hash.size() == stored_hash.size() &&
         sodium_memcmp(token_hash.data(), stored_hash.data(), token_hash.size()) == 0;
}

}  // namespace redress::app
