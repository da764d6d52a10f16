// Staff email addresses and reminder digests (issue 15).
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

app::User UserWithEmail(std::string username, std::string email) {
  app::User user{0, std::move(username), "Someone", core::Role::kCaseHandler, "", "h", true};
  user.email = std::move(email);
  return user;
}

TEST_P(StoreContract, AUsersEmailAndDigestChoiceRoundTripAndTheEmailIsUniqueInAnyCase) {
  Result<app::User> alice = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser(UserWithEmail("alice", "Alice@Council.example"));
  });
  ASSERT_TRUE(alice) << alice.error().message;
  app::User changed = *alice;
  changed.reminder_digest = app::ReminderDigest::kOff;
  ASSERT_TRUE(WriteStatus([&](app::Tx& tx) { return tx.Accounts().UpdateUser(changed); }));
  Result<app::User> found =
      InRead<app::User>([](app::Tx& tx) { return tx.Accounts().FindUser("alice"); });
  ASSERT_TRUE(found);
  EXPECT_EQ(found->email, "Alice@Council.example");
  EXPECT_EQ(found->reminder_digest, app::ReminderDigest::kOff);

  // The use case refuses a taken address as a field error; the store holds the rule too.
  Result<app::User> twin = InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser(UserWithEmail("alice2", "alice@council.example"));
  });
  ASSERT_FALSE(twin);
  EXPECT_EQ(twin.error().code, ErrorCode::kConflict);
  // Users without an address are many.
  for (const char* name : {"bob", "carol"}) {
    ASSERT_TRUE(InWrite<app::User>(
        [&](app::Tx& tx) { return tx.Accounts().InsertUser(UserWithEmail(name, "")); }));
  }
}

TEST_P(StoreContract, AReminderDigestIsKeptOncePerPersonAndDayAndCarriedByTheOutbox) {
  ASSERT_TRUE(InWrite<app::User>([](app::Tx& tx) {
    return tx.Accounts().InsertUser(UserWithEmail("alice", "alice@council.example"));
  }));
  app::ReminderDigestRecord digest;
  digest.username = "alice";
  digest.sent_on = *core::Date::Parse("2026-12-01");
  digest.recipient = "alice@council.example";
  digest.subject = "Complaints due: 1 case";
  digest.text = "text";
  digest.html = "<p>text</p>";
  digest.cases = 1;
  digest.created_at = "2026-12-01T09:00:00Z";
  Result<app::ReminderDigestRecord> stored = InWrite<app::ReminderDigestRecord>(
      [&](app::Tx& tx) { return tx.Reminders().Insert(digest); });
  ASSERT_TRUE(stored) << stored.error().message;
  EXPECT_GT(stored->id, 0);

  Result<app::ReminderDigestRecord> again = InWrite<app::ReminderDigestRecord>(
      [&](app::Tx& tx) { return tx.Reminders().Insert(digest); });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  app::ReminderDigestRecord stranger = digest;
  stranger.username = "nobody";
  Result<app::ReminderDigestRecord> unknown = InWrite<app::ReminderDigestRecord>(
      [&](app::Tx& tx) { return tx.Reminders().Insert(stranger); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kInvalidInput);

  Result<app::ReminderDigestRecord> loaded = InRead<app::ReminderDigestRecord>(
      [&](app::Tx& tx) { return tx.Reminders().Load(stored->id); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, *stored);
  Result<std::vector<app::ReminderDigestRecord>> listed =
      InRead<std::vector<app::ReminderDigestRecord>>(
          [&](app::Tx& tx) { return tx.Reminders().SentOn(digest.sent_on); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1U);
  EXPECT_EQ(listed->front().username, "alice");
  EXPECT_EQ(listed->front().text, "");  // a list leaves the bodies out

  app::OutboxMessage message;
  message.digest_id = stored->id;
  message.message_id = "<digest-alice-2026-12-01@redress.invalid>";
  message.recipient = "alice@council.example";
  message.created_at = 100;
  message.next_attempt_at = 100;
  ASSERT_TRUE(
      InWrite<app::OutboxMessage>([&](app::Tx& tx) { return tx.Outbox().Enqueue(message); }));
  Result<std::vector<app::OutboxMessage>> claimed = InWrite<std::vector<app::OutboxMessage>>(
      [](app::Tx& tx) { return tx.Outbox().Claim("worker", 100, 200, 10); });
  ASSERT_TRUE(claimed);
  ASSERT_EQ(claimed->size(), 1U);
  EXPECT_EQ(claimed->front().digest_id, stored->id);
  EXPECT_EQ(claimed->front().letter_id, 0);
  EXPECT_EQ(claimed->front().complaint_reference, "");
}

}  // namespace
}  // namespace redress::storage::contract
