#pragma once

// The rule of a resident's one-time code (issue 17, docs/portal.md): what a try does to the code
// it is checked against. A code works until it expires, once, and is dropped after
// kResidentCodeTries wrong tries. Pure: the store keeps the code's state and the app applies this
// to it inside the transaction that holds the code's row, so two tries at once on two instances
// are judged one after the other.

#include <cstdint>
#include <optional>

namespace redress::core {

inline constexpr int kResidentCodeDigits = 6;
inline constexpr std::int64_t kResidentCodeLifetimeSeconds = 10 * 60;
inline constexpr int kResidentCodeTries = 5;

enum class CodeCheck {
  kAccepted,  // right, in time, not used before: now used up
  kWrong,     // wrong, or no code was issued for the pair; a try is counted
  kExpired,   // issued, right or not, but too old
  kUsedUp,    // too many wrong tries, or already used
};

// What is kept of an issued code besides its hash.
struct ResidentCodeState {
  std::int64_t expires_at = 0;  // Unix seconds: it works while now < expires_at
  int wrong_tries = 0;
  bool used = false;
};

enum class CodeMatch { kMatches, kDiffers };

struct CodeJudgement {
  CodeCheck check = CodeCheck::kWrong;
  // The code's state after the try; nullopt = the code is gone (delete its row), or there was none.
  std::optional<ResidentCodeState> next;
};

// The outcome of a try at `now` against `state` (nullopt: no code was issued for the pair). A used
// code is kept until it expires, so that trying it again says "used" rather than "wrong".
CodeJudgement JudgeCode(const std::optional<ResidentCodeState>& state, CodeMatch match,
                        std::int64_t now);

}  // namespace redress::core
