#include "core/postal.hpp"

#include <gtest/gtest.h>

#include <optional>

namespace redress::core {
namespace {

Date D(const char* iso) { return *Date::Parse(iso); }

TEST(PostalTest, DeliveryIsTheDayAfterIssuePlusThreeWorkingDays) {
  WorkingCalendar calendar(Division::kEnglandAndWales);
  struct Case {
    const char* issued;
    const char* delivered;
  };
  const Case cases[] = {
      {"2026-03-02", "2026-03-06"},  // Monday: posted Tuesday, delivered Friday
      {"2026-03-06", "2026-03-12"},  // Friday: posted Monday, delivered Thursday
      {"2026-03-07", "2026-03-12"},  // Saturday: as Friday's batch, posted Monday
      {"2026-04-01", "2026-04-09"},  // posted Thursday; Good Friday and Easter Monday skipped
      {"2025-12-23", "2025-12-31"},  // posted Christmas Eve; Christmas and Boxing Day skipped
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ExpectedPostalDelivery(calendar, D(c.issued)), D(c.delivered)) << c.issued;
  }
}

TEST(PostalTest, WarnsOnlyWhenTheLetterWouldArriveAfterItsDeadline) {
  WorkingCalendar calendar(Division::kEnglandAndWales);
  struct Case {
    const char* issued;
    std::optional<const char*> deadline;
    bool warns;
  };
  const Case cases[] = {
      {"2026-03-02", "2026-03-06", false},  // arrives on the deadline
      {"2026-03-02", "2026-03-05", true},   // a day late
      {"2026-03-02", "2026-03-31", false},
      {"2026-03-02", std::nullopt, false},  // no deadline: nothing to miss
  };
  for (const Case& c : cases) {
    std::optional<Date> deadline;
    if (c.deadline) deadline = D(*c.deadline);
    std::optional<PostingWarning> warning = CheckPostingDeadline(calendar, D(c.issued), deadline);
    EXPECT_EQ(warning.has_value(), c.warns) << c.issued << " " << c.deadline.value_or("none");
    if (warning) {
      EXPECT_EQ(warning->deadline, *deadline);
      EXPECT_EQ(warning->expected_delivery, ExpectedPostalDelivery(calendar, D(c.issued)));
    }
  }
}

TEST(PostalTest, TheDeadlineOfALetterIsTheStepItReports) {
  Stage stage;
  stage.acknowledge_by = D("2026-03-09");
  stage.respond_by = D("2026-03-20");
  EXPECT_EQ(LetterDeadline(LetterType::kAcknowledgement, stage), D("2026-03-09"));
  EXPECT_EQ(LetterDeadline(LetterType::kStageResponse, stage), D("2026-03-20"));
  EXPECT_EQ(LetterDeadline(LetterType::kFreeLetter, stage), std::nullopt);
  EXPECT_EQ(LetterDeadline(LetterType::kNotAccepted, stage), std::nullopt);
}

TEST(PostalTest, TheAssumptionInForceIsDated) {
  ASSERT_FALSE(PostalAssumptions().empty());
  EXPECT_EQ(&PostalAssumptionOn(D("2026-03-02")), &PostalAssumptions().back());
  EXPECT_FALSE(PostalAssumptionOn(D("2026-03-02")).basis.empty());
}

}  // namespace
}  // namespace redress::core
