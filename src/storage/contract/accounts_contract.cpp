// Users and tokens.
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

TEST_P(StoreContract, UpdateUserStoresEveryFieldAndNamesAnUnknownTeam) {
  SeedReferenceData();
  Result<app::User> alice = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser(
        app::User{0, "alice", "Alice", core::Role::kCaseHandler, "housing", "h1", true});
  });
  ASSERT_TRUE(alice);
  app::User changed = *alice;
  changed.display_name = "Alice Adams";
  changed.role = core::Role::kManager;
  changed.team = "";
  changed.password_hash = "h2";
  changed.active = false;
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); }));
  Result<app::User> found =
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("alice"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->display_name, "Alice Adams");
  EXPECT_EQ(found->role, core::Role::kManager);
  EXPECT_EQ(found->team, "");
  EXPECT_EQ(found->password_hash, "h2");
  EXPECT_FALSE(found->active);

  changed.team = "no-such-team";
  Status refused = WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  EXPECT_EQ(refused.error().fields.at(0).field, "team");
  changed.id = 999;
  changed.team = "";
  EXPECT_EQ(
      WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); }).error().code,
      ErrorCode::kNotFound);
}

TEST_P(StoreContract, UsernamesAreUnique) {
  app::User alice{0,         "alice",       "Alice Adams", core::Role::kCaseHandler,
                  "housing", "$argon2id$x", true};
  Result<app::User> inserted =
      InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(alice); });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_GT(inserted->id, 0);

  Result<app::User> duplicate =
      InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(alice); });
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code, ErrorCode::kConflict);

  Result<app::User> found =
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("alice"); });
  ASSERT_TRUE(found);
  alice.id = inserted->id;
  EXPECT_EQ(found->id, alice.id);
  EXPECT_EQ(found->username, alice.username);
  EXPECT_EQ(found->display_name, alice.display_name);
  EXPECT_EQ(found->role, alice.role);
  EXPECT_EQ(found->team, alice.team);
  EXPECT_EQ(found->password_hash, alice.password_hash);
  EXPECT_TRUE(found->active);

  EXPECT_EQ(
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("nobody"); }).error().code,
      ErrorCode::kNotFound);

  app::User teamless{0, "admin", "Admin", core::Role::kAdmin, "", "$argon2id$y", false};
  ASSERT_TRUE(InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(teamless); }));
  Result<std::vector<app::User>> users =
      InRead<std::vector<app::User>>([](app::Tx& tx) { return tx.Accounts().ListUsers(); });
  ASSERT_TRUE(users);
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].username, "admin");
  EXPECT_EQ((*users)[0].team, "");
  EXPECT_FALSE((*users)[0].active);

  app::User stray{0, "stray", "Stray", core::Role::kViewer, "no-such-team", "h", true};
  Result<app::User> refused =
      InWrite<app::User>([&](app::Tx& tx) { return tx.Accounts().InsertUser(stray); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "team");
}

TEST_P(StoreContract, TokensAreFoundByHash) {
  Result<app::User> user = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser({0, "bob", "Bob", core::Role::kManager, "", "h", true});
  });
  ASSERT_TRUE(user);
  const app::ApiToken token{
      0, user->id, "ab12cd", "laptop", "2025-01-15T10:00:00Z", std::nullopt, std::nullopt};
  Result<app::ApiToken> inserted =
      InWrite<app::ApiToken>([&](app::Tx& tx) { return tx.Accounts().InsertToken(token); });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_GT(inserted->id, 0);

  Result<app::ApiToken> found =
      InRead<app::ApiToken>([](app::Tx& tx) { return tx.Accounts().FindTokenByHash("ab12cd"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->id, inserted->id);
  EXPECT_EQ(found->user_id, user->id);
  EXPECT_EQ(found->label, "laptop");
  EXPECT_EQ(found->created_at, token.created_at);
  EXPECT_FALSE(found->revoked_at.has_value());

  EXPECT_EQ(InRead<app::ApiToken>([](app::Tx& tx) { return tx.Accounts().FindTokenByHash("ffff"); })
                .error()
                .code,
            ErrorCode::kNotFound);
  EXPECT_EQ(InWrite<app::ApiToken>([&](app::Tx& tx) { return tx.Accounts().InsertToken(token); })
                .error()
                .code,
            ErrorCode::kConflict);

  app::ApiToken orphan = token;
  orphan.token_hash = "other";
  orphan.user_id = user->id + 100;
  Result<app::ApiToken> refused =
      InWrite<app::ApiToken>([&](app::Tx& tx) { return tx.Accounts().InsertToken(orphan); });
  ASSERT_FALSE(refused);
  ASSERT_EQ(refused.error().fields.size(), 1u);
  EXPECT_EQ(refused.error().fields[0].field, "user_id");
}

}  // namespace
}  // namespace redress::storage::contract
