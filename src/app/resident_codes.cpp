#include "app/resident_codes.hpp"

#include <sodium.h>

#include <algorithm>
#include <cctype>

#include "app/secrets.hpp"

namespace redress::app {

ResidentCodes::ResidentCodes(std::int64_t lifetime_seconds)
    : lifetime_(lifetime_seconds), secret_(NewRandomToken("rk_")) {}

std::string ResidentCodes::KeyOf(std::string_view reference, std::string_view email) const {
  std::string key(reference);
  key += '\n';
  for (char c : email) {
    if (c != ' ' && c != '\t')
      key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return key;
}

std::string ResidentCodes::HashOf(std::string_view code) const {
  return HashSecretToken(secret_ + ":" + std::string(code));
}

void ResidentCodes::MakeRoom(std::int64_t now) {
  if (entries_.size() < kMaxResidentCodes) return;
  std::erase_if(entries_, [this, now](const auto& entry) {
    return entry.second.used || now - entry.second.issued_at > lifetime_;
  });
  while (entries_.size() >= kMaxResidentCodes) {
    auto oldest = std::min_element(
        entries_.begin(), entries_.end(),
        [](const auto& a, const auto& b) { return a.second.issued_at < b.second.issued_at; });
    entries_.erase(oldest);
  }
}

std::string ResidentCodes::Issue(std::string_view reference, std::string_view email,
                                 std::int64_t now) {
  constexpr std::uint32_t kCodeRange = 1'000'000;  // 10^kResidentCodeDigits
  static_assert(kResidentCodeDigits == 6);
  std::string code = std::to_string(randombytes_uniform(kCodeRange));
  code.insert(0, kResidentCodeDigits - code.size(), '0');
  std::lock_guard lock(mutex_);
  MakeRoom(now);
  entries_[KeyOf(reference, email)] = Entry{HashOf(code), now, 0, false};
  return code;
}

CodeCheck ResidentCodes::Check(std::string_view reference, std::string_view email,
                               std::string_view code, std::int64_t now) {
  // Spaces a resident may type between the digits are not part of the code.
  std::string digits;
  for (char c : code) {
    if (c != ' ' && c != '-') digits += c;
  }
  std::lock_guard lock(mutex_);
  auto found = entries_.find(KeyOf(reference, email));
  if (found == entries_.end()) return CodeCheck::kWrong;
  Entry& entry = found->second;
  if (entry.used || entry.wrong_tries >= kResidentCodeTries) {
    entries_.erase(found);
    return CodeCheck::kUsedUp;
  }
  if (now - entry.issued_at > lifetime_) {
    entries_.erase(found);
    return CodeCheck::kExpired;
  }
  if (!SecretTokenMatches(entry.hash, secret_ + ":" + digits)) {
    if (++entry.wrong_tries < kResidentCodeTries) return CodeCheck::kWrong;
    entries_.erase(found);
    return CodeCheck::kUsedUp;
  }
  entry.used = true;
  return CodeCheck::kAccepted;
}

}  // namespace redress::app
