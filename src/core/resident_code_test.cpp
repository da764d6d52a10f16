#include "core/resident_code.hpp"

#include <gtest/gtest.h>

namespace redress::core {
namespace {

constexpr std::int64_t kNow = 1'000'000;
constexpr std::int64_t kLater = kNow + 60;

struct Row {
  const char* name;
  std::optional<ResidentCodeState> state;
  CodeMatch match;
  CodeCheck check;
  std::optional<ResidentCodeState> next;
};

bool operator==(const ResidentCodeState& a, const ResidentCodeState& b) {
  return a.expires_at == b.expires_at && a.wrong_tries == b.wrong_tries && a.used == b.used;
}

TEST(JudgeCodeTest, EachTryAgainstEachState) {
  const auto fresh = [](int tries, bool used = false) {
    return ResidentCodeState{kLater, tries, used};
  };
  const Row rows[] = {
      {"no code, right or not", std::nullopt, CodeMatch::kMatches, CodeCheck::kWrong, std::nullopt},
      {"right and in time: used", fresh(0), CodeMatch::kMatches, CodeCheck::kAccepted,
       fresh(0, true)},
      {"right after wrong tries", fresh(kResidentCodeTries - 1), CodeMatch::kMatches,
       CodeCheck::kAccepted, fresh(kResidentCodeTries - 1, true)},
      {"wrong: a try counted", fresh(0), CodeMatch::kDiffers, CodeCheck::kWrong, fresh(1)},
      {"the last wrong try drops it", fresh(kResidentCodeTries - 1), CodeMatch::kDiffers,
       CodeCheck::kUsedUp, std::nullopt},
      {"used: right again is used", fresh(0, true), CodeMatch::kMatches, CodeCheck::kUsedUp,
       fresh(0, true)},
      {"used: wrong is used, not counted", fresh(0, true), CodeMatch::kDiffers, CodeCheck::kUsedUp,
       fresh(0, true)},
      {"expired, right", ResidentCodeState{kNow, 0, false}, CodeMatch::kMatches,
       CodeCheck::kExpired, std::nullopt},
      {"expired, used", ResidentCodeState{kNow - 1, 0, true}, CodeMatch::kMatches,
       CodeCheck::kExpired, std::nullopt},
      {"tries already spent", fresh(kResidentCodeTries), CodeMatch::kMatches, CodeCheck::kUsedUp,
       std::nullopt},
  };
  for (const Row& row : rows) {
    SCOPED_TRACE(row.name);
    const CodeJudgement judged = JudgeCode(row.state, row.match, kNow);
    EXPECT_EQ(judged.check, row.check);
    EXPECT_EQ(judged.next.has_value(), row.next.has_value());
    if (judged.next && row.next) {
      EXPECT_TRUE(*judged.next == *row.next);
    }
  }
}

}  // namespace
}  // namespace redress::core
