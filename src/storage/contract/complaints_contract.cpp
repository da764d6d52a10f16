// The complaints: a case round-trips whole, references count per year, versions and their
// conflicts, unknown references named, repeat candidates.
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

TEST_P(StoreContract, FullyPopulatedComplaintRoundTrips) {
  const core::Complaint original = FullComplaint();
  const core::Complaint stored = Insert(original);
  EXPECT_GT(stored.id, 0);
  EXPECT_EQ(stored.reference, "CMP-2024-000001");
  EXPECT_EQ(stored.version, 1);

  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  core::Complaint expected = original;
  expected.id = stored.id;
  expected.reference = stored.reference;
  expected.version = 1;
  EXPECT_EQ(*loaded, expected);
  EXPECT_EQ(loaded->stages[0].response->remedies[1].amount_pence, 25000);
}

TEST_P(StoreContract, RefusalAndWithdrawalRoundTrip) {
  core::Complaint refused = BasicComplaint(D("2024-05-02"));
  refused.status = core::CaseStatus::kNotAccepted;
  refused.refusal = core::Refusal{D("2024-05-05"), core::RefusalReason::kOlderThan12Months,
                                  "The matter arose in 2021; you may go to the Ombudsman."};
  refused.closed_on = D("2024-05-05");

  core::Complaint withdrawn = BasicComplaint(D("2024-05-03"));
  withdrawn.status = core::CaseStatus::kWithdrawn;
  withdrawn.withdrawal =
      core::Withdrawal{D("2024-05-06"), "Resolved informally", core::CaseStatus::kInProgress};

  for (const core::Complaint& original : {refused, withdrawn}) {
    const core::Complaint stored = Insert(original);
    core::Complaint expected = original;
    expected.id = stored.id;
    expected.reference = stored.reference;
    expected.version = 1;
    Result<core::Complaint> loaded = Load(stored.reference);
    ASSERT_TRUE(loaded) << loaded.error().message;
    EXPECT_EQ(*loaded, expected);
  }
}

TEST_P(StoreContract, ReferencesCountPerYear) {
  EXPECT_EQ(Insert(BasicComplaint(D("2024-01-02"))).reference, "CMP-2024-000001");
  EXPECT_EQ(Insert(BasicComplaint(D("2024-12-31"))).reference, "CMP-2024-000002");
  EXPECT_EQ(Insert(BasicComplaint(D("2025-01-01"))).reference, "CMP-2025-000001");
  EXPECT_EQ(Insert(BasicComplaint(D("2024-06-30"))).reference, "CMP-2024-000003");
}

TEST_P(StoreContract, UpdateStoresTheNextVersionAndRewritesChildren) {
  core::Complaint stored = Insert(FullComplaint());
  core::Complaint changed = stored;
  changed.stages[1].response = core::Response{D("2024-07-05"),
                                              core::Outcome::kUpheld,
                                              {"delay"},
                                              {{core::RemedyType::kWorks, 0, "New window"}},
                                              {},
                                              "Escalate damp cases sooner",
                                              "carol"};
  changed.stages[0].extensions.clear();
  changed.status = core::CaseStatus::kClosed;
  changed.closed_on = D("2024-07-05");

  Result<core::Complaint> updated = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(changed, 1, Event(core::EventType::kResponded, "Responded", 2));
  });
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);

  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded) << loaded.error().message;
  core::Complaint expected = changed;
  expected.version = 2;
  EXPECT_EQ(*loaded, expected);
  EXPECT_EQ(*loaded, *updated);
}

TEST_P(StoreContract, StaleVersionIsAConflictAndChangesNothing) {
  core::Complaint stored = Insert(BasicComplaint(D("2024-05-01")));
  core::Complaint first = stored;
  first.summary = "First edit";
  ASSERT_TRUE(InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(first, 1, Event(core::EventType::kReassigned, "Edited"));
  }));

  core::Complaint stale = stored;
  stale.summary = "Stale edit";
  Result<core::Complaint> refused = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(stale, 1, Event(core::EventType::kReassigned, "Edited"));
  });
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kStaleVersion);
  EXPECT_EQ(refused.error().message, "the complaint changed since you loaded it");

  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->summary, "First edit");
  EXPECT_EQ(loaded->version, 2);
}

TEST_P(StoreContract, UnknownComplaintIsNotFound) {
  Result<core::Complaint> loaded = Load("CMP-2024-999999");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code, ErrorCode::kNotFound);

  core::Complaint ghost = BasicComplaint(D("2024-05-01"));
  ghost.reference = "CMP-2024-999999";
  Result<core::Complaint> updated = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Update(ghost, 1, Event(core::EventType::kReassigned, "Edited"));
  });
  ASSERT_FALSE(updated);
  EXPECT_EQ(updated.error().code, ErrorCode::kNotFound);
}

TEST_P(StoreContract, UnknownReferencesAreInvalidInputNamingTheField) {
  core::Complaint unknown_category = BasicComplaint(D("2024-05-01"));
  unknown_category.category = "parking";
  Result<core::Complaint> first = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Insert(unknown_category, Event(core::EventType::kLogged, "Logged"));
  });
  ASSERT_FALSE(first);
  EXPECT_EQ(first.error().code, ErrorCode::kInvalidInput);
  ASSERT_EQ(first.error().fields.size(), 1u);
  EXPECT_EQ(first.error().fields[0].field, "category");

  core::Complaint unknown_cause = FullComplaint();
  unknown_cause.stages[0].response->root_causes = {"communication", "weather"};
  Result<core::Complaint> second = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Insert(unknown_cause, Event(core::EventType::kLogged, "Logged"));
  });
  ASSERT_FALSE(second);
  ASSERT_EQ(second.error().fields.size(), 1u);
  EXPECT_EQ(second.error().fields[0].field, "stages[0].response.root_causes[1]");
  EXPECT_NE(second.error().message.find("weather"), std::string::npos);
}

TEST_P(StoreContract, ViolatedCheckIsInvalidInput) {
  core::Complaint complaint = FullComplaint();
  complaint.stages[0].response->remedies[0].amount_pence = 500;  // an apology carries no money
  Result<core::Complaint> inserted = InWrite<core::Complaint>([&](app::Tx& tx) {
    return tx.Complaints().Insert(complaint, Event(core::EventType::kLogged, "Logged"));
  });
  ASSERT_FALSE(inserted);
  EXPECT_EQ(inserted.error().code, ErrorCode::kInvalidInput);
}

TEST_P(StoreContract, PossibleRepeatsRoundTrip) {
  const core::Complaint earlier = Insert(BasicComplaint(D("2024-03-01")));
  core::Complaint later = BasicComplaint(D("2024-05-01"));
  later.possible_repeat_of = {earlier.reference};
  const core::Complaint stored = Insert(later);
  Result<core::Complaint> loaded = Load(stored.reference);
  ASSERT_TRUE(loaded);
  EXPECT_EQ(loaded->possible_repeat_of, std::vector<std::string>{earlier.reference});
}

TEST_P(StoreContract, TheYearAComplaintWasReceivedCannotChange) {
  const core::Complaint stored = Insert(BasicComplaint(D("2024-05-01")));
  const auto update = [this](const core::Complaint& complaint) {
    return InWrite<core::Complaint>([&](app::Tx& tx) {
      return tx.Complaints().Update(complaint, complaint.version,
                                    Event(core::EventType::kNoteAdded, "Corrected"));
    });
  };
  core::Complaint corrected = stored;
  corrected.received_on = D("2024-04-30");
  Result<core::Complaint> updated = update(corrected);
  ASSERT_TRUE(updated) << updated.error().message;

  core::Complaint moved = *updated;
  moved.received_on = D("2023-12-31");
  Result<core::Complaint> refused = update(moved);
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("part of its reference"), std::string::npos)
      << refused.error().message;
  EXPECT_EQ(Load(stored.reference)->received_on, D("2024-04-30"));
}

TEST_P(StoreContract, RepeatCandidatesShareCategoryWindowAndAKey) {
  constexpr std::size_t kLimit = 5;
  const core::Person person{"Jane Smith", "jane@example.org", "07700 900123", "1 High Street",
                            "AB1 2CD"};
  const auto complaint = [&](Date received, std::string category, core::Person who) {
    core::Complaint c = BasicComplaint(received);
    c.category = std::move(category);
    c.complainant = std::move(who);
    return Insert(c).reference;
  };
  const core::Person other{"Other", "other@example.org", "01632 960000", "9 Far Lane", "XY1 1XY"};
  core::Person same_email = other;
  same_email.email = person.email;
  core::Person same_phone = other;
  same_phone.phone = person.phone;
  core::Person same_property = other;
  same_property.address = person.address;
  same_property.postcode = person.postcode;

  const std::string by_email = complaint(D("2024-06-01"), "billing", same_email);
  const std::string by_phone = complaint(D("2024-04-01"), "billing", same_phone);
  const std::string by_property = complaint(D("2024-09-01"), "billing", same_property);
  complaint(D("2024-06-01"), "damp", same_email);     // another category
  complaint(D("2023-01-01"), "billing", same_email);  // before the window
  complaint(D("2024-06-01"), "billing", other);       // nothing shared

  const core::RepeatKey key = core::KeyOf(person, "billing", D("2025-01-10"));
  Result<std::vector<core::RepeatCandidate>> candidates =
      InRead<std::vector<core::RepeatCandidate>>([&](app::Tx& tx) {
        return tx.Complaints().RepeatCandidates(key, D("2024-01-10"), D("2025-01-10"), kLimit);
      });
  ASSERT_TRUE(candidates) << candidates.error().message;
  std::vector<std::string> references;
  for (const core::RepeatCandidate& candidate : *candidates) {
    references.push_back(candidate.reference);
    EXPECT_EQ(candidate.key.category, "billing");
  }
  // Most recent first.
  EXPECT_EQ(references, (std::vector<std::string>{by_property, by_email, by_phone}));
  EXPECT_EQ(candidates->at(1).key.email, key.email);

  const core::RepeatKey nothing =
      core::KeyOf(core::Person{"Anon", "", "", "", ""}, "billing", D("2025-01-10"));
  candidates = InRead<std::vector<core::RepeatCandidate>>([&](app::Tx& tx) {
    return tx.Complaints().RepeatCandidates(nothing, D("2024-01-10"), D("2025-01-10"), kLimit);
  });
  ASSERT_TRUE(candidates);
  EXPECT_TRUE(candidates->empty());
}

TEST_P(StoreContract, RepeatCandidatesAreTheMostRecentFewHoweverManyShareTheKey) {
  const core::Person caseworker{"MP's office", "casework@example.org", "", "", ""};
  std::vector<std::string> references;
  for (int day = 1; day <= 28; ++day) {
    core::Complaint c = BasicComplaint(Date::FromYmd(2024, 6, day).value());
    c.category = "billing";
    c.complainant = caseworker;
    references.push_back(Insert(c).reference);
  }
  constexpr std::size_t kLimit = 3;
  const core::RepeatKey key = core::KeyOf(caseworker, "billing", D("2024-07-01"));
  auto candidates = InRead<std::vector<core::RepeatCandidate>>([&](app::Tx& tx) {
    return tx.Complaints().RepeatCandidates(key, D("2023-07-01"), D("2024-07-01"), kLimit);
  });
  ASSERT_TRUE(candidates) << candidates.error().message;
  ASSERT_EQ(candidates->size(), kLimit);
  EXPECT_EQ(candidates->at(0).reference, references[27]);
  EXPECT_EQ(candidates->at(2).reference, references[25]);
  EXPECT_FALSE(candidates->at(0).restricted);
}

}  // namespace
}  // namespace redress::storage::contract
