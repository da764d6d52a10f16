// Erasable event content (issue 20, chain version 2): the summary and changes of an entity's
// events, or of single events, erased for disposal or redaction, the audit chain still verifying,
// and tampering around an erasure still found.
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

TEST_P(ErasableEventsContract, NewEventsAreChainVersionTwoWithASaltAndDigest) {
  EXPECT_EQ(factory_->Column("SELECT count(*) FROM events WHERE chain_version = 2 AND "
                             "length(content_salt) = 64 AND length(content_digest) = 64"),
            std::vector<std::string>{std::to_string(kNote)});
}

TEST_P(ErasableEventsContract, ErasingAnEntitysEventsKeepsTheChain) {
  EraseEntity();
  const app::AuditReport report = Verify();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.records, kNote);
  EXPECT_EQ(report.erased, 2);
  EXPECT_EQ(report.erased_legacy, 0);

  const std::vector<app::StoredEvent> erased = EventsOf(reference_);
  ASSERT_EQ(erased.size(), 2u);
  for (const app::StoredEvent& event : erased) {
    EXPECT_TRUE(event.content_erased);
    EXPECT_EQ(event.event.summary, "");
    EXPECT_TRUE(event.event.changes.empty());
    EXPECT_EQ(event.event.actor, "officer");  // who did what and when stays
  }
  EXPECT_EQ(erased[1].event.type, core::EventType::kNoteAdded);
  EXPECT_EQ(factory_->Column("SELECT count(*) FROM events WHERE summary LIKE '%Quartermaine%'"),
            std::vector<std::string>{"0"});
  EXPECT_EQ(factory_->Column("SELECT count(*) FROM events WHERE content_salt IS NULL AND "
                             "content_erased_at = '" +
                             std::string(kErasedAt) + "'"),
            std::vector<std::string>{"2"});
  // The other complaints' events keep their content.
  const std::string other = factory_->Column("SELECT entity_ref FROM events WHERE sequence = 1")[0];
  const std::vector<app::StoredEvent> kept = EventsOf(other);
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_FALSE(kept[0].content_erased);
  EXPECT_EQ(kept[0].event.summary, "Logged");
  EXPECT_FALSE(kept[0].event.changes.empty());

  // Erasing again changes nothing, the time of the first erasure included.
  WriteOk([&](app::Tx& tx) {
    return tx.Events().EraseContent(app::EntityType::kComplaint, reference_,
                                    "2032-01-01T00:00:00Z");
  });
  EXPECT_EQ(factory_->Column("SELECT count(*) FROM events WHERE content_erased_at = '" +
                             std::string(kErasedAt) + "'"),
            std::vector<std::string>{"2"});
  EXPECT_TRUE(Verify().intact);
}

TEST_P(ErasableEventsContract, ErasingSingleEventsKeepsTheChain) {
  const std::array<std::int64_t, 3> sequences = {kNote, 3, 999};  // 999: no such event
  WriteOk([&](app::Tx& tx) { return tx.Events().EraseContentOfSequences(sequences, kErasedAt); });
  const app::AuditReport report = Verify();
  EXPECT_TRUE(report.intact) << report.problem;
  EXPECT_EQ(report.erased, 2);
  const std::vector<app::StoredEvent> events = EventsOf(reference_);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_FALSE(events[0].content_erased);
  EXPECT_EQ(events[0].event.summary, "Logged");
  EXPECT_TRUE(events[1].content_erased);
  EXPECT_EQ(events[1].event.summary, "");
}

TEST_P(ErasableEventsContract, TamperingWithAnErasedEventsDigestIsFound) {
  EraseEntity();
  factory_->Execute("UPDATE events SET content_digest = '" + std::string(64, 'a') +
                    "' WHERE sequence = " + std::to_string(kNote));
  const app::AuditReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_sequence, kNote);
  EXPECT_EQ(report.problem, "record " + std::to_string(kNote) + " was altered");
}

TEST_P(ErasableEventsContract, ContentPutBackInAnErasedEventIsFound) {
  EraseEntity();
  factory_->Execute("UPDATE events SET summary = 'Rang someone else' WHERE sequence = 2");
  const app::AuditReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.problem, "record 2 was altered");
}

TEST_P(ErasableEventsContract, TamperingWithAKeptEventsContentIsFound) {
  EraseEntity();
  factory_->Execute("UPDATE events SET changes = '[]' WHERE sequence = 3");
  const app::AuditReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.first_bad_sequence, 3);
  EXPECT_EQ(report.problem, "record 3 was altered");
}

TEST_P(ErasableEventsContract, AnErasurePassedOffAsLegacyIsFound) {
  // Version 1 records come only before version 2 ones: a later record cannot become one whose
  // hash is no longer checked.
  EraseEntity();
  factory_->Execute("UPDATE events SET chain_version = 1, actor = 'mallory' WHERE sequence = " +
                    std::to_string(kNote));
  const app::AuditReport report = Verify();
  EXPECT_FALSE(report.intact);
  EXPECT_EQ(report.problem, "record " + std::to_string(kNote) + " was altered");
}

}  // namespace
}  // namespace redress::storage::contract
