// Notes and links.
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

TEST_P(StoreContract, NotesAreKeptInOrderPerComplaint) {
  const core::Complaint first = Insert(BasicComplaint(D("2024-03-01")));
  const core::Complaint second = Insert(BasicComplaint(D("2024-03-02")));
  for (const char* text : {"one", "two"}) {
    ASSERT_TRUE(InWrite<app::CaseNote>([&](app::Tx& tx) {
      return tx.CaseNotes().InsertNote(first.reference,
                                       app::CaseNote{0, "alice", "2024-03-04T10:00:00Z", text});
    }));
  }
  Result<std::vector<app::CaseNote>> notes = InRead<std::vector<app::CaseNote>>(
      [&](app::Tx& tx) { return tx.CaseNotes().NotesOf(first.reference); });
  ASSERT_TRUE(notes);
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ((*notes)[0].text, "one");
  EXPECT_EQ((*notes)[1].text, "two");
  EXPECT_EQ((*notes)[0].author, "alice");
  EXPECT_LT((*notes)[0].id, (*notes)[1].id);
  EXPECT_TRUE(InRead<std::vector<app::CaseNote>>([&](app::Tx& tx) {
                return tx.CaseNotes().NotesOf(second.reference);
              })->empty());
  Result<app::CaseNote> unknown = InWrite<app::CaseNote>([](app::Tx& tx) {
    return tx.CaseNotes().InsertNote("CMP-1999-000001", app::CaseNote{0, "a", "t", "x"});
  });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, TwoComplaintsAreLinkedOnceWhicheverWayRound) {
  const core::Complaint a = Insert(BasicComplaint(D("2024-03-01")));
  const core::Complaint b = Insert(BasicComplaint(D("2024-03-02")));
  const core::Complaint c = Insert(BasicComplaint(D("2024-03-03")));
  const auto link = [&](const core::Complaint& from, const core::Complaint& to) {
    return WriteStatus([&](app::Tx& tx) {
      return tx.CaseNotes().InsertLink(
          app::CaseLink{from.reference, to.reference, app::LinkRelation::kRepeatOf, "alice", "t1"});
    });
  };
  ASSERT_TRUE(link(b, a));
  Status again = link(a, b);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  ASSERT_TRUE(link(c, a));

  Result<std::vector<app::CaseLink>> of_a = InRead<std::vector<app::CaseLink>>(
      [&](app::Tx& tx) { return tx.CaseNotes().LinksOf(a.reference); });
  ASSERT_TRUE(of_a);
  ASSERT_EQ(of_a->size(), 2u);
  EXPECT_EQ((*of_a)[0].from, b.reference);
  EXPECT_EQ((*of_a)[0].to, a.reference);
  EXPECT_EQ((*of_a)[0].relation, app::LinkRelation::kRepeatOf);
  EXPECT_EQ((*of_a)[1].from, c.reference);

  Result<app::CaseLink> removed = InWrite<app::CaseLink>(
      [&](app::Tx& tx) { return tx.CaseNotes().DeleteLink(a.reference, b.reference); });
  ASSERT_TRUE(removed) << removed.error().message;
  EXPECT_EQ(removed->from, b.reference);
  Result<app::CaseLink> gone = InWrite<app::CaseLink>(
      [&](app::Tx& tx) { return tx.CaseNotes().DeleteLink(b.reference, a.reference); });
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(InRead<std::vector<app::CaseLink>>([&](app::Tx& tx) {
              return tx.CaseNotes().LinksOf(b.reference);
            })->size(),
            0u);
}

}  // namespace
}  // namespace redress::storage::contract
