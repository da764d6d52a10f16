// The people index's decisions and the service requests it matches (issue 20,
// app/people_repository.hpp).
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

app::PersonMatchRecord Decision(std::string reference, core::MatchState state, std::string reason) {
  return {"CMP-2024-000001.complainant",
          core::PersonRecordType::kComplaint,
          std::move(reference),
          core::PersonRole::kComplainant,
          state,
          std::move(reason),
          "amira",
          "2024-05-01T09:00:00Z"};
}

TEST_P(StoreContract, APersonsMatchDecisionsAreKeptLatestPerRecord) {
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) {
    return tx.People().SaveDecision(
        Decision("CMP-2024-000002", core::MatchState::kConfirmed, "Same email"));
  }));
  ASSERT_TRUE(WriteStatus([](app::Tx& tx) -> Status {
    if (Status s = tx.People().SaveDecision(
            Decision("CMP-2024-000002", core::MatchState::kProposed, "Undone: a twin"));
        !s) {
      return s;
    }
    app::PersonMatchRecord request = Decision("SR-2024-000001", core::MatchState::kRejected, "No");
    request.record_type = core::PersonRecordType::kServiceRequest;
    request.role = core::PersonRole::kRequester;
    return tx.People().SaveDecision(request);
  }));
  auto decisions = InRead<std::vector<app::PersonMatchRecord>>(
      [](app::Tx& tx) { return tx.People().DecisionsOf("CMP-2024-000001.complainant"); });
  ASSERT_TRUE(decisions) << decisions.error().message;
  ASSERT_EQ(decisions->size(), 2U);
  EXPECT_EQ((*decisions)[0],
            Decision("CMP-2024-000002", core::MatchState::kProposed, "Undone: a twin"));
  EXPECT_EQ((*decisions)[1].record_type, core::PersonRecordType::kServiceRequest);
  EXPECT_EQ((*decisions)[1].state, core::MatchState::kRejected);
  auto none = InRead<std::vector<app::PersonMatchRecord>>(
      [](app::Tx& tx) { return tx.People().DecisionsOf("CMP-2024-000009.complainant"); });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_P(StoreContract, EveryServiceRequestIsReadForThePeopleIndexMostRecentFirst) {
  for (const char* received : {"2024-05-01", "2024-06-01"}) {
    core::ServiceRequest request;
    request.channel = core::Channel::kPhone;
    request.received_on = D(received);
    request.service_area = "repairs";
    request.category = "damp";
    request.summary = "Leaking gutter";
    request.requester = {"Jane Smith", "", "07700 900123", "1 High Street", "AB1 2CD"};
    request.team = "housing";
    ASSERT_TRUE(InWrite<core::ServiceRequest>([&](app::Tx& tx) {
      return tx.ServiceRequests().Insert(request,
                                         Event(core::EventType::kServiceRequestLogged, "SR"));
    }));
  }
  auto requests = InRead<std::vector<core::ServiceRequest>>(
      [](app::Tx& tx) { return tx.People().ServiceRequests(); });
  ASSERT_TRUE(requests) << requests.error().message;
  ASSERT_EQ(requests->size(), 2U);
  EXPECT_EQ((*requests)[0].received_on, D("2024-06-01"));
  EXPECT_EQ((*requests)[1].requester.phone, "07700 900123");
}

}  // namespace
}  // namespace redress::storage::contract
