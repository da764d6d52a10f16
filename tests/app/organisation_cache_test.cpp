// The organisation cache of the use cases: a configuration change, made through the same store or
// another connection to the same file, is used by the very next use case.

#include <gtest/gtest.h>

#include <string>

#include "app/case_use_cases.hpp"
#include "app/organisation.hpp"
#include "test_store.hpp"

namespace redress::app {
namespace {

using testing::D;

class OrganisationCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = database_.Open(clock_);
    ASSERT_NE(store_, nullptr);
    auto set_up = store_->Write([&](Tx& tx) -> Status {
      for (const char* code : {"housing-services", "independent", "childrens-complaints"}) {
        if (auto saved = SaveTeamIn(tx, admin_, set_up_day_, {code, code}); !saved) return saved;
      }
      OrganisationSettings settings{"Test Council", core::Division::kEnglandAndWales, "independent",
                                    "childrens-complaints"};
      if (auto saved = SaveSettingsIn(tx, admin_, set_up_day_, settings); !saved) return saved;
      if (auto saved = SaveServiceAreaIn(tx, admin_, set_up_day_,
                                         {"housing", "Housing", "housing-services"});
          !saved) {
        return saved;
      }
      return SaveCategoryIn(tx, admin_, set_up_day_, {"repairs", "Repairs", true});
    });
    ASSERT_TRUE(set_up.has_value()) << set_up.error().message;
  }

  // A housing complaint (acknowledged within 5 working days) from a complainant of its own, so
  // that no two are repeats of each other.
  LogComplaintCommand Housing(core::Date received) {
    ++complainants_;
    const std::string name = "Resident " + std::to_string(complainants_);
    LogComplaintCommand command;
    command.regime = core::Regime::kHousing;
    command.channel = core::Channel::kEmail;
    command.received_on = received;
    command.service_area = "housing";
    command.category = "repairs";
    command.summary = "The boiler is still broken";
    command.description = "Reported three times since January.";
    command.complainant = {name, "resident" + std::to_string(complainants_) + "@example.org", "",
                           "", ""};
    return command;
  }

  core::Date AcknowledgeBy(const CaseContext& cases, core::Date received) {
    auto logged = LogComplaint(cases, officer_, Housing(received));
    EXPECT_TRUE(logged.has_value()) << (logged ? "" : logged.error().message);
    return logged ? logged->current_stage().acknowledge_by : core::Date{};
  }

  const core::Date set_up_day_ = D("2025-01-02");
  testing::TempDatabase database_;
  ManualClock clock_{D("2025-01-06")};
  std::unique_ptr<storage::sqlite::SqliteStore> store_;
  Actor admin_ = SystemActor();
  Actor officer_{"officer", core::Role::kComplaintsOfficer, "housing-services"};
  int complainants_ = 0;
};

TEST_F(OrganisationCacheTest, TheNextDeadlineUsesAClosureDayAddedOrRemovedMeanwhile) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  // Monday 6 January 2025: five working days are 7, 8, 9, 10 and 13 January.
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-13"));
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-13"));

  auto added = store_->Write([&](Tx& tx) {
    return AddClosureDayIn(tx, admin_, clock_.Today(), {D("2025-01-08"), "Office move"});
  });
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-14"));

  auto removed = store_->Write(
      [&](Tx& tx) { return RemoveClosureDayIn(tx, admin_, clock_.Today(), D("2025-01-08")); });
  ASSERT_TRUE(removed.has_value()) << removed.error().message;
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-13"));
}

TEST_F(OrganisationCacheTest, AChangeMadeThroughAnotherConnectionIsSeen) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-13"));

  // A second store on the same file stands for another process.
  auto other = database_.Open(clock_);
  ASSERT_NE(other, nullptr);
  auto added = other->Write([&](Tx& tx) {
    return AddClosureDayIn(tx, admin_, clock_.Today(), {D("2025-01-09"), "Staff training"});
  });
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-14"));
}

TEST_F(OrganisationCacheTest, AChangeThatRolledBackIsNotUsed) {
  OrganisationCache organisations;
  const CaseContext cases{*store_, clock_, organisations};
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-13"));

  auto refused = store_->Write([&](Tx& tx) -> Status {
    if (auto added = AddClosureDayIn(tx, admin_, clock_.Today(), {D("2025-01-08"), "Office move"});
        !added) {
      return added;
    }
    return core::Fail(core::ErrorCode::kInvalidInput, "changed my mind");
  });
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-13"));

  // The next change reuses the rolled-back event's sequence number; it must still be seen.
  auto added = store_->Write([&](Tx& tx) {
    return AddClosureDayIn(tx, admin_, clock_.Today(), {D("2025-01-10"), "Staff training"});
  });
  ASSERT_TRUE(added.has_value()) << added.error().message;
  EXPECT_EQ(AcknowledgeBy(cases, D("2025-01-06")), D("2025-01-14"));
}

}  // namespace
}  // namespace redress::app
