// Sign-in with the organisation's OpenID Connect provider: its configuration, the links of
// provider accounts to users, the sign-ins under way.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

TEST_P(StoreContract, OidcSettingsRoundTripWithTheirMappingInOrder) {
  using Settings = std::optional<app::OidcSettings>;
  Result<Settings> none =
      InRead<Settings>([](app::Tx& tx) { return tx.Identity().LoadOidcSettings(); });
  ASSERT_TRUE(none) << none.error().message;
  EXPECT_FALSE(none->has_value());

  app::OidcSettings settings{true,
                             "Council account",
                             "https://login.example/t/v2.0",
                             "client",
                             "env:SECRET",
                             "https://redress.example/api/v1/oidc/callback",
                             true,
                             core::PasswordSignIn::kBreakGlassOnly,
                             "root",
                             {{core::MappedClaim::kRoles, "Redress.Admin", core::Role::kAdmin, ""},
                              {core::MappedClaim::kGroups, "g-1", core::Role::kViewer, "housing"}}};
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Identity().SaveOidcSettings(settings); }));
  Result<Settings> loaded =
      InRead<Settings>([](app::Tx& tx) { return tx.Identity().LoadOidcSettings(); });
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ(**loaded, settings);

  settings.role_mappings = {{core::MappedClaim::kGroups, "g-2", core::Role::kManager, ""}};
  settings.enabled = false;
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Identity().SaveOidcSettings(settings); }));
  loaded = InRead<Settings>([](app::Tx& tx) { return tx.Identity().LoadOidcSettings(); });
  ASSERT_TRUE(loaded && loaded->has_value());
  EXPECT_EQ(**loaded, settings);
}

TEST_P(StoreContract, IdentityLinksAreUniquePerSubjectAndPerUserAtAnIssuer) {
  Result<app::User> user = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser(
        app::User{0, "rita", "Rita", core::Role::kViewer, "", "h", true});
  });
  ASSERT_TRUE(user);
  const app::IdentityLink link{0, "https://id.example", "sub-1", user->id, "r@x", "t0", "t0"};
  Result<app::IdentityLink> inserted =
      InWrite<app::IdentityLink>([&](app::Tx& tx) { return tx.Identity().InsertLink(link); });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_GT(inserted->id, 0);

  const auto insert = [&](const app::IdentityLink& another) {
    return WriteStatus([&](app::Tx& tx) -> Status {
      auto again = tx.Identity().InsertLink(another);
      if (!again) return tl::unexpected(again.error());
      return {};
    });
  };
  app::IdentityLink same_subject = link;  // (issuer, subject) is linked once
  same_subject.user_id = user->id;
  EXPECT_EQ(insert(same_subject).error().code, ErrorCode::kConflict);
  app::IdentityLink second_at_issuer = link;  // nor the user a second account at the issuer
  second_at_issuer.subject = "sub-2";
  EXPECT_EQ(insert(second_at_issuer).error().code, ErrorCode::kConflict);

  ASSERT_TRUE(WriteStatus(
      [&](app::Tx& tx) { return tx.Identity().TouchLink(inserted->id, "new@x", "t1"); }));
  using Found = std::optional<app::IdentityLink>;
  Result<Found> found = InRead<Found>(
      [](app::Tx& tx) { return tx.Identity().FindLink("https://id.example", "sub-1"); });
  ASSERT_TRUE(found && found->has_value());
  EXPECT_EQ((*found)->email, "new@x");
  EXPECT_EQ((*found)->last_sign_in_at, "t1");
  EXPECT_EQ((*found)->linked_at, "t0");
  Result<Found> other = InRead<Found>(
      [](app::Tx& tx) { return tx.Identity().FindLink("https://other.example", "sub-1"); });
  ASSERT_TRUE(other);
  EXPECT_FALSE(other->has_value());
  Result<std::vector<app::IdentityLink>> links = InRead<std::vector<app::IdentityLink>>(
      [&](app::Tx& tx) { return tx.Identity().LinksOf(user->id); });
  ASSERT_TRUE(links);
  EXPECT_EQ(links->size(), 1U);
  EXPECT_EQ(
      WriteStatus([](app::Tx& tx) { return tx.Identity().TouchLink(999, "", ""); }).error().code,
      ErrorCode::kNotFound);
}

TEST_P(StoreContract, APendingSignInIsTakenOnceAndNotAfterItExpires) {
  constexpr std::int64_t kNow = 1'800'000'000;
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) -> Status {
    if (auto inserted = tx.Identity().InsertPendingSignIn({"live", "n1", "v1", kNow + 60});
        !inserted) {
      return inserted;
    }
    return tx.Identity().InsertPendingSignIn({"stale", "n2", "v2", kNow});
  }));
  using Taken = std::optional<app::PendingSignIn>;
  const auto take = [&](const char* state) {
    return InWrite<Taken>(
        [&](app::Tx& tx) { return tx.Identity().TakePendingSignIn(state, kNow); });
  };
  Result<Taken> stale = take("stale");
  ASSERT_TRUE(stale);
  EXPECT_FALSE(stale->has_value());
  Result<Taken> live = take("live");
  ASSERT_TRUE(live && live->has_value());
  EXPECT_EQ((*live)->nonce, "n1");
  EXPECT_EQ((*live)->code_verifier, "v1");
  Result<Taken> again = take("live");
  ASSERT_TRUE(again);
  EXPECT_FALSE(again->has_value());
}

}  // namespace
}  // namespace redress::storage::contract
