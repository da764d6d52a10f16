#include "app/resident_codes.hpp"

#include <sodium.h>

#include <array>
#include <cctype>
#include <optional>

#include "app/store_values.hpp"

namespace redress::app {
namespace {

constexpr std::size_t kHashBytes = 32;

// The pair as one text: the reference as given, the email without blanks and in lower case (as
// IsEmailOfCase compares them).
std::string PairHash(const ResidentCodeSettings& settings, std::string_view reference,
                     std::string_view email) {
  std::string pair = "pair\n" + std::string(reference) + '\n';
  for (char c : email) {
    if (c != ' ' && c != '\t')
      pair += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return KeyedHash(settings.key, pair);
}

// The code's hash is bound to its pair: the same digits sent to two pairs hash apart.
std::string CodeHash(const ResidentCodeSettings& settings, std::string_view pair_hash,
                     std::string_view code) {
  return KeyedHash(settings.key, "code\n" + std::string(pair_hash) + '\n' + std::string(code));
}

}  // namespace

// A key longer or shorter than BLAKE2b takes is hashed to one first.
std::string KeyedHash(std::string_view key, std::string_view text) {
  std::array<unsigned char, crypto_generichash_KEYBYTES> short_key{};
  const unsigned char* key_bytes = reinterpret_cast<const unsigned char*>(key.data());
  std::size_t key_size = key.size();
  if (key_size > crypto_generichash_KEYBYTES_MAX || key_size < crypto_generichash_KEYBYTES_MIN) {
    crypto_generichash(short_key.data(), short_key.size(), key_bytes, key_size, nullptr, 0);
    key_bytes = short_key.data();
    key_size = short_key.size();
  }
  std::array<unsigned char, kHashBytes> hash{};
  crypto_generichash(hash.data(), hash.size(), reinterpret_cast<const unsigned char*>(text.data()),
                     text.size(), key_bytes, key_size);
  std::array<char, kHashBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), hash.data(), hash.size());
  return std::string(hex.data(), kHashBytes * 2);
}

std::string NewResidentCodeKey() {
  std::array<unsigned char, kHashBytes> key{};
  randombytes_buf(key.data(), key.size());
  std::array<char, kHashBytes * 2 + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  return std::string(hex.data(), kHashBytes * 2);
}

Result<std::string> IssueResidentCode(Store& store, const ResidentCodeSettings& settings,
                                      std::string_view reference, std::string_view email,
                                      std::int64_t now) {
  constexpr std::uint32_t kCodeRange = 1'000'000;  // 10^kResidentCodeDigits
  static_assert(core::kResidentCodeDigits == 6);
  std::string code = std::to_string(randombytes_uniform(kCodeRange));
  code.insert(0, core::kResidentCodeDigits - code.size(), '0');
  ResidentCodeRecord record;
  record.pair_hash = PairHash(settings, reference, email);
  record.code_hash = CodeHash(settings, record.pair_hash, code);
  record.state = core::ResidentCodeState{now + settings.lifetime_seconds, 0, false};
  Status saved = store.Write([&](Tx& tx) { return tx.ResidentAccess().SaveCode(record); });
  if (!saved) return tl::unexpected(saved.error());
  return code;
}

Result<CodeCheck> CheckResidentCode(Store& store, const ResidentCodeSettings& settings,
                                    std::string_view reference, std::string_view email,
                                    std::string_view code, std::int64_t now) {
  std::string digits;
  for (char c : code) {
    if (c != ' ' && c != '-') digits += c;
  }
  const std::string pair_hash = PairHash(settings, reference, email);
  return WriteValue<CodeCheck>(store, [&](Tx& tx) -> Result<CodeCheck> {
    ResidentAccessRepository& codes = tx.ResidentAccess();
    auto found = codes.LockCode(pair_hash);
    if (!found) return tl::unexpected(found.error());
    std::optional<core::ResidentCodeState> state;
    core::CodeMatch match = core::CodeMatch::kDiffers;
    if (*found) {
      state = (*found)->state;
      const std::string tried = CodeHash(settings, pair_hash, digits);
      if (tried.size() == (*found)->code_hash.size() &&
          sodium_memcmp(tried.data(), (*found)->code_hash.data(), tried.size()) == 0) {
        match = core::CodeMatch::kMatches;
      }
    }
    const core::CodeJudgement judged = core::JudgeCode(state, match, now);
    if (judged.next) {
      ResidentCodeRecord kept = **found;
      kept.state = *judged.next;
      if (Status saved = codes.SaveCode(kept); !saved) return tl::unexpected(saved.error());
    } else if (*found) {
      if (Status deleted = codes.DeleteCode(pair_hash); !deleted) {
        return tl::unexpected(deleted.error());
      }
    }
    return judged.check;
  });
}

}  // namespace redress::app
