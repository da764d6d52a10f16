// The event log and its hash chain: events stored in order with their changes, and every kind of
// tampering found by VerifyAudit.
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

TEST_P(StoreContract, EventsOfNewTypesAreStoredAfterMigrationFour) {
  const core::Complaint a = Insert(BasicComplaint(D("2024-03-01")));
  WriteOk([&](app::Tx& tx) {
    return tx.Events().Append(app::EntityType::kComplaint, a.reference,
                              Event(core::EventType::kUnlinked, "Link removed", 1));
  });
  Result<app::AuditReport> report = store_->VerifyAudit();
  ASSERT_TRUE(report);
  EXPECT_TRUE(report->intact) << report->problem;
  Result<std::vector<app::StoredEvent>> events = InRead<std::vector<app::StoredEvent>>(
      [&](app::Tx& tx) { return tx.Events().EventsOf(app::EntityType::kComplaint, a.reference); });
  ASSERT_TRUE(events);
  EXPECT_EQ(events->back().event.type, core::EventType::kUnlinked);
}

TEST_P(StoreContract, EventsAreStoredWithTheirChangesInOrder) {
  core::Complaint stored = Insert(BasicComplaint(D("2024-05-01")));
  core::CaseEvent acknowledged{
      core::EventType::kAcknowledged,
      D("2024-05-03"),
      "alice",
      1,
      "Acknowledged",
      {{"status", "awaiting_acknowledgement", "in_progress"}, {"respond_by", "", "2024-05-17"}}};
  stored.status = core::CaseStatus::kInProgress;
  ASSERT_TRUE(InWrite<core::Complaint>(
      [&](app::Tx& tx) { return tx.Complaints().Update(stored, 1, acknowledged); }));

  Result<std::vector<app::StoredEvent>> events =
      InRead<std::vector<app::StoredEvent>>([&](app::Tx& tx) {
        return tx.Events().EventsOf(app::EntityType::kComplaint, stored.reference);
      });
  ASSERT_TRUE(events) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].event.type, core::EventType::kLogged);
  EXPECT_EQ((*events)[0].sequence, 1);
  const app::StoredEvent& second = (*events)[1];
  EXPECT_EQ(second.sequence, 2);
  EXPECT_EQ(second.entity_type, app::EntityType::kComplaint);
  EXPECT_EQ(second.entity_ref, stored.reference);
  EXPECT_EQ(second.event.type, acknowledged.type);
  EXPECT_EQ(second.event.occurred_on, acknowledged.occurred_on);
  EXPECT_EQ(second.event.actor, "alice");
  EXPECT_EQ(second.event.stage, 1);
  EXPECT_EQ(second.event.summary, "Acknowledged");
  EXPECT_EQ(second.event.changes, acknowledged.changes);
  EXPECT_EQ(second.recorded_at, kNow);
  constexpr std::size_t kHexSha256Length = 64;
  EXPECT_EQ(second.hash.size(), kHexSha256Length);

  ASSERT_TRUE(WriteStatus([](app::Tx& tx) {
    return tx.Events().Append(
        app::EntityType::kUser, "alice",
        core::CaseEvent{
            core::EventType::kNoteAdded, D("2024-05-03"), "admin", 0, "User created", {}});
  }));
  events = InRead<std::vector<app::StoredEvent>>(
      [](app::Tx& tx) { return tx.Events().EventsOf(app::EntityType::kUser, "alice"); });
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_TRUE(events->front().event.changes.empty());
}

TEST_P(AuditChainContract, IntactChainVerifies) {
  const app::AuditReport verification = Verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, kEvents);
  EXPECT_FALSE(verification.first_bad_sequence.has_value());
}

TEST_P(AuditChainContract, EmptyChainVerifies) {
  std::unique_ptr<StoreFactory> other = GetParam().make();
  Result<std::unique_ptr<app::Store>> empty = other->Open(clock_);
  ASSERT_TRUE(empty);
  Result<app::AuditReport> verification = (*empty)->VerifyAudit();
  ASSERT_TRUE(verification);
  EXPECT_TRUE(verification->intact);
  EXPECT_EQ(verification->records, 0);
}

TEST_P(AuditChainContract, AlteredRowIsReported) {
  factory_->Execute("UPDATE events SET summary = 'nothing happened' WHERE sequence = 2");
  const app::AuditReport verification = Verify();
  EXPECT_FALSE(verification.intact);
  EXPECT_EQ(verification.first_bad_sequence, 2);
  EXPECT_EQ(verification.records, 1);
  EXPECT_EQ(verification.problem, "record 2 was altered");
}

TEST_P(AuditChainContract, RewrittenHashIsReportedByItsSuccessor) {
  // A forger who also rewrites the altered row's hash still breaks its successor's link.
  factory_->Execute("UPDATE events SET hash = prev_hash WHERE sequence = 3");
  EXPECT_EQ(Verify().first_bad_sequence, 3);
}

TEST_P(AuditChainContract, RemovedRowIsReportedAsAGap) {
  factory_->Execute("DELETE FROM events WHERE sequence = 2");
  const app::AuditReport verification = Verify();
  EXPECT_FALSE(verification.intact);
  EXPECT_EQ(verification.first_bad_sequence, 2);
  EXPECT_EQ(verification.problem, "record 2 was removed");
}

TEST_P(AuditChainContract, RemovedLastRowIsReported) {
  factory_->Execute("DELETE FROM events WHERE sequence = " + std::to_string(kEvents));
  const app::AuditReport verification = Verify();
  EXPECT_FALSE(verification.intact);
  EXPECT_EQ(verification.first_bad_sequence, kEvents);
}

TEST_P(AuditChainContract, ChainSurvivesReopening) {
  OpenStore();
  Insert(BasicComplaint(D("2024-05-02")));
  const app::AuditReport verification = Verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, kEvents + 1);
}

}  // namespace
}  // namespace redress::storage::contract
