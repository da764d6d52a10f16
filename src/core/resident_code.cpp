#include "core/resident_code.hpp"

namespace redress::core {

CodeJudgement JudgeCode(const std::optional<ResidentCodeState>& state, CodeMatch match,
                        std::int64_t now) {
  if (!state) return {CodeCheck::kWrong, std::nullopt};
  // Expiry first: an old code says "expired" whether it was right, wrong or used.
  if (now >= state->expires_at) return {CodeCheck::kExpired, std::nullopt};
  if (state->used) return {CodeCheck::kUsedUp, state};
  if (state->wrong_tries >= kResidentCodeTries) return {CodeCheck::kUsedUp, std::nullopt};
  if (match == CodeMatch::kMatches) {
    ResidentCodeState used = *state;
    used.used = true;
    return {CodeCheck::kAccepted, used};
  }
  ResidentCodeState counted = *state;
  ++counted.wrong_tries;
  if (counted.wrong_tries >= kResidentCodeTries) return {CodeCheck::kUsedUp, std::nullopt};
  return {CodeCheck::kWrong, counted};
}

}  // namespace redress::core
