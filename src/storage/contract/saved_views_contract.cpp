// Saved views of the case list (issue 18).
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

app::User TeamMember(std::string username, std::string team) {
  return app::User{
      0, std::move(username), "Someone", core::Role::kCaseHandler, std::move(team), "h", true};
}

std::vector<std::string> NamesOf(const std::vector<app::SavedView>& views) {
  std::vector<std::string> names;
  for (const app::SavedView& view : views) names.push_back(view.owner + ":" + view.name);
  return names;
}

TEST_P(StoreContract, ASavedViewIsItsOwnersAndSharedOnlyWithTheOwnersTeam) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) -> Status {
    for (const char* team : {"housing", "care"}) {
      if (Status saved = tx.Organisation().UpsertTeam({team, team}); !saved) return saved;
    }
    for (const auto& [name, team] : std::vector<std::pair<std::string, std::string>>{
             {"alice", "housing"}, {"bob", "housing"}, {"carol", "care"}}) {
      if (auto user = tx.Accounts().InsertUser(TeamMember(name, team)); !user) {
        return Failed(user.error());
      }
    }
    return {};
  }));
  auto insert = [&](std::string owner, std::string name, bool shared) {
    return InWrite<app::SavedView>([&](app::Tx& tx) {
      return tx.SavedViews().Insert({0, owner, name, "status=open&sort=due_on", shared, ""});
    });
  };
  Result<app::SavedView> mine = insert("alice", "Overdue", false);
  ASSERT_TRUE(mine) << mine.error().message;
  EXPECT_GT(mine->id, 0);
  EXPECT_EQ(mine->team, "housing");
  EXPECT_EQ(mine->query, "status=open&sort=due_on");
  ASSERT_TRUE(insert("bob", "Team's new cases", true));
  ASSERT_TRUE(insert("bob", "Bob's own", false));
  ASSERT_TRUE(insert("carol", "Care shared", true));

  // The same name twice for one owner is a field error; another owner may use it.
  Result<app::SavedView> twin = insert("alice", "Overdue", true);
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(twin.error().fields.size(), 1U);
  EXPECT_EQ(twin.error().fields[0].field, "name");
  EXPECT_EQ(twin.error().fields[0].code, core::FieldErrorCode::kDuplicate);
  ASSERT_TRUE(insert("bob", "Overdue", false));
  Result<app::SavedView> stranger = insert("nobody", "Mine", false);
  ASSERT_FALSE(stranger);
  EXPECT_EQ(stranger.error().code, ErrorCode::kInvalidInput);

  // Alice sees hers first, then what her team shares; not Bob's own, nor another team's.
  auto list = [&](std::string username, std::string team) {
    return InRead<std::vector<app::SavedView>>(
        [&](app::Tx& tx) { return tx.SavedViews().ListFor(username, team); });
  };
  Result<std::vector<app::SavedView>> alices = list("alice", "housing");
  ASSERT_TRUE(alices);
  EXPECT_EQ(NamesOf(*alices), (std::vector<std::string>{"alice:Overdue", "bob:Team's new cases"}));
  Result<std::vector<app::SavedView>> teamless = list("dave", "");
  ASSERT_TRUE(teamless);
  EXPECT_TRUE(teamless->empty());

  // Rename and unshare; a taken name is refused; delete.
  app::SavedView renamed = *mine;
  renamed.name = "Overdue, mine";
  renamed.shared = true;
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.SavedViews().Update(renamed); }));
  Result<app::SavedView> loaded =
      InRead<app::SavedView>([&](app::Tx& tx) { return tx.SavedViews().Load(mine->id); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, renamed);
  Result<std::vector<app::SavedView>> bobs = list("bob", "");
  ASSERT_TRUE(bobs);
  ASSERT_EQ(NamesOf(*bobs),
            (std::vector<std::string>{"bob:Bob's own", "bob:Overdue", "bob:Team's new cases"}));
  app::SavedView clash = bobs->front();
  clash.name = "Overdue";
  Status clashed = WriteStatus([&](app::Tx& tx) { return tx.SavedViews().Update(clash); });
  ASSERT_FALSE(clashed);
  EXPECT_EQ(clashed.error().code, ErrorCode::kInvalidInput);
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.SavedViews().Delete(mine->id); }));
  Status again = WriteStatus([&](app::Tx& tx) { return tx.SavedViews().Delete(mine->id); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kNotFound);
  Result<app::SavedView> gone =
      InRead<app::SavedView>([&](app::Tx& tx) { return tx.SavedViews().Load(mine->id); });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace redress::storage::contract
