// The organisation's configuration.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

TEST_P(StoreContract, ClosureDaysAddRemoveAndRefuseDuplicates) {
  const app::ClosureDay shutdown{D("2024-12-27"), "Christmas shutdown"};
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Organisation().AddClosureDay(shutdown); }));
  Status duplicate =
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().AddClosureDay(shutdown); });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);

  Result<std::vector<app::ClosureDay>> days = InRead<std::vector<app::ClosureDay>>(
      [](app::Tx& tx) { return tx.Organisation().ListClosureDays(); });
  ASSERT_TRUE(days);
  ASSERT_EQ(days->size(), 1u);
  EXPECT_EQ(days->front().date, shutdown.date);
  EXPECT_EQ(days->front().reason, shutdown.reason);

  ASSERT_TRUE(
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().RemoveClosureDay(shutdown.date); }));
  Status absent =
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().RemoveClosureDay(shutdown.date); });
  ASSERT_FALSE(absent);
  EXPECT_EQ(absent.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, SettingsRoundTrip) {
  Result<app::OrganisationSettings> initial = InRead<app::OrganisationSettings>(
      [](app::Tx& tx) { return tx.Organisation().LoadSettings(); });
  ASSERT_TRUE(initial) << initial.error().message;
  EXPECT_EQ(initial->name, "");
  EXPECT_EQ(initial->division, core::Division::kEnglandAndWales);

  const app::OrganisationSettings settings{"Anytown Council", core::Division::kScotland,
                                           "independent", ""};
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Organisation().SaveSettings(settings); }));
  OpenStore();
  Result<app::OrganisationSettings> loaded = InRead<app::OrganisationSettings>(
      [](app::Tx& tx) { return tx.Organisation().LoadSettings(); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->name, settings.name);
  EXPECT_EQ(loaded->division, settings.division);
  EXPECT_EQ(loaded->independent_team, "independent");
  EXPECT_EQ(loaded->children_team, "");

  app::OrganisationSettings unknown = settings;
  unknown.children_team = "social-care";
  Status refused =
      WriteStatus([&](app::Tx& tx) { return tx.Organisation().SaveSettings(unknown); });
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "children_team");
}

TEST_P(StoreContract, ReferenceDataUpsertsAndLists) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) {
    return tx.Organisation().UpsertTeam({"housing", "Housing"});
  }));
  Result<std::vector<app::Team>> teams =
      InRead<std::vector<app::Team>>([](app::Tx& tx) { return tx.Organisation().ListTeams(); });
  ASSERT_TRUE(teams);
  ASSERT_EQ(teams->size(), 3u);
  EXPECT_EQ((*teams)[0].code, "housing");
  EXPECT_EQ((*teams)[0].name, "Housing");

  Result<std::vector<app::ServiceArea>> areas = InRead<std::vector<app::ServiceArea>>(
      [](app::Tx& tx) { return tx.Organisation().ListServiceAreas(); });
  ASSERT_TRUE(areas);
  ASSERT_EQ(areas->size(), 2u);
  EXPECT_EQ((*areas)[1].code, "repairs");
  EXPECT_EQ((*areas)[1].team, "housing");

  Result<std::vector<app::Category>> categories = InRead<std::vector<app::Category>>(
      [](app::Tx& tx) { return tx.Organisation().ListCategories(); });
  ASSERT_TRUE(categories);
  ASSERT_EQ(categories->size(), 3u);
  EXPECT_EQ((*categories)[2].code, "old");
  EXPECT_FALSE((*categories)[2].active);

  Result<std::vector<app::RootCause>> causes = InRead<std::vector<app::RootCause>>(
      [](app::Tx& tx) { return tx.Organisation().ListRootCauses(); });
  ASSERT_TRUE(causes);
  EXPECT_EQ(causes->size(), 2u);

  Status orphan = WriteStatus([](app::Tx& tx) {
    return tx.Organisation().UpsertServiceArea({"parks", "Parks", "no-such-team"});
  });
  ASSERT_FALSE(orphan);
  EXPECT_EQ(orphan.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(orphan.error().fields.size(), 1u);
  EXPECT_EQ(orphan.error().fields[0].field, "team");
}

TEST_P(StoreContract, DesignationsKeepTheirHistory) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) -> Status {
    if (Status s = tx.Organisation().AddDesignation({"repairs", D("2024-04-01"), std::nullopt}); !s)
      return s;
    return tx.Organisation().AddDesignation({"repairs", D("2023-04-01"), D("2024-03-31")});
  }));
  Result<std::vector<core::Designation>> designations = InRead<std::vector<core::Designation>>(
      [](app::Tx& tx) { return tx.Organisation().ListDesignations(); });
  ASSERT_TRUE(designations);
  ASSERT_EQ(designations->size(), 2u);
  EXPECT_EQ((*designations)[0].from, D("2023-04-01"));
  EXPECT_EQ((*designations)[0].to, D("2024-03-31"));
  EXPECT_EQ((*designations)[1].from, D("2024-04-01"));
  EXPECT_FALSE((*designations)[1].to.has_value());

  Status unknown = WriteStatus([](app::Tx& tx) {
    return tx.Organisation().AddDesignation({"parks", D("2024-04-01"), std::nullopt});
  });
  ASSERT_FALSE(unknown);
  ASSERT_EQ(unknown.error().fields.size(), 1u);
  EXPECT_EQ(unknown.error().fields[0].field, "service_area");
}

}  // namespace
}  // namespace redress::storage::contract
