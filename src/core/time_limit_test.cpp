#include "core/time_limit.hpp"

#include <gtest/gtest.h>

#include <string_view>

namespace redress::core {
namespace {

Date D(std::string_view iso) { return *Date::Parse(iso); }

// The limit ends on the same day of the month `limit` months later, clamped to the month's last
// day; a complaint received on that day is within it, the day after is one day beyond.
TEST(TimeLimit, MonthArithmeticTable) {
  struct Row {
    std::string_view arose;
    std::string_view received;
    int limit_months;
    std::string_view limit_ends;
    int days_beyond;
  };
  const Row rows[] = {
      // The ordinary case: exactly 12 months is within, a day more is not.
      {"2023-03-15", "2024-03-15", 12, "2024-03-15", 0},
      {"2023-03-15", "2024-03-16", 12, "2024-03-15", 1},
      {"2023-03-15", "2024-03-14", 12, "2024-03-15", -1},
      {"2023-03-15", "2023-03-15", 12, "2024-03-15", -366},  // 2024 is a leap year
      // Leap days: 29 Feb plus 12 months is 28 Feb; 29 Feb is reached again only in 4 years.
      {"2024-02-29", "2025-02-28", 12, "2025-02-28", 0},
      {"2024-02-29", "2025-03-01", 12, "2025-02-28", 1},
      {"2023-02-28", "2024-02-29", 12, "2024-02-28", 1},
      {"2024-02-29", "2028-02-29", 48, "2028-02-29", 0},
      // Month ends under other limits: 31 Aug + 6 months is the last day of February.
      {"2023-08-31", "2024-02-29", 6, "2024-02-29", 0},
      {"2023-08-31", "2024-03-01", 6, "2024-02-29", 1},
      {"2022-08-31", "2023-03-01", 6, "2023-02-28", 1},
      {"2024-01-31", "2024-04-30", 3, "2024-04-30", 0},
      {"2024-01-31", "2024-05-01", 3, "2024-04-30", 1},
      {"2023-12-31", "2024-12-31", 12, "2024-12-31", 0},
      // A year boundary and a long way over.
      {"2022-11-30", "2024-11-30", 12, "2023-11-30", 366},
  };
  for (const Row& row : rows) {
    const TimeLimitEvidence evidence =
        EvaluateTimeLimit(D(row.arose), D(row.received), row.limit_months);
    EXPECT_EQ(evidence.limit_ends_on, D(row.limit_ends)) << row.arose << " " << row.received;
    EXPECT_EQ(evidence.days_beyond_limit, row.days_beyond) << row.arose << " " << row.received;
    EXPECT_EQ(evidence.outside_limit(), row.days_beyond > 0) << row.arose << " " << row.received;
    EXPECT_EQ(evidence.limit_months, row.limit_months);
    EXPECT_EQ(evidence.matter_arose_on, D(row.arose));
    EXPECT_EQ(evidence.received_on, D(row.received));
  }
}

// Every regime's limit is the table's 12 months, whichever version judges the complaint.
TEST(TimeLimit, EachRegimeUsesItsRulesLimit) {
  for (Regime regime : kAllRegimes) {
    for (std::string_view received : {"2021-06-01", "2023-06-01", "2025-06-01"}) {
      const TimeLimitEvidence evidence = EvaluateTimeLimit(regime, D("2020-01-31"), D(received));
      EXPECT_EQ(evidence.limit_months, RulesFor(regime).complaint_time_limit_months);
      EXPECT_EQ(evidence.limit_months, 12);
      EXPECT_EQ(evidence.limit_ends_on, D("2021-01-31"));
    }
  }
}

TEST(TimeLimit, EvidenceNeedsARecordedDateNotAfterReceipt) {
  EXPECT_EQ(TimeLimitEvidenceFor(Regime::kHousing, std::nullopt, D("2024-05-01")), std::nullopt);
  EXPECT_EQ(TimeLimitEvidenceFor(Regime::kHousing, D("2024-05-02"), D("2024-05-01")), std::nullopt);
  auto evidence = TimeLimitEvidenceFor(Regime::kHousing, D("2023-04-01"), D("2024-05-01"));
  ASSERT_TRUE(evidence.has_value());
  EXPECT_EQ(evidence->days_beyond_limit, 30);
}

}  // namespace
}  // namespace redress::core
