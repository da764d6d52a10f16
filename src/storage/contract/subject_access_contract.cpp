// Subject access requests: numbered "SAR-<year>-<6 digits>" per year without gaps, versioned,
// every field kept as saved (the extension's three together, or none).
//
// Part of the store contract (store_contract.hpp): every engine passes it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "storage/contract/store_contract.hpp"

namespace redress::storage::contract {
namespace {

using Request = core::SubjectAccessRequest;

Request Received(std::string_view on) {
  Request request;
  request.requester_name = "Ada Lovelace";
  request.requester_email = "ada@example.org";
  request.requester_phone = "01632 960001";
  request.requester_address = "1 Analytical Row, Exampleton";
  request.requester_postcode = "EX1 1AA";
  request.subject_name = "Byron Lovelace";
  request.details = "Every record about my son's housing complaint";
  request.received_on = D(on);
  request.identity_confirmed_on = D(on);
  return request;
}

TEST_P(StoreContract, SubjectAccessRequestsAreNumberedVersionedAndKeptWhole) {
  auto first = InWrite<Request>(
      [](app::Tx& tx) { return tx.SubjectAccess().Insert(Received("2025-01-31"), 2025); });
  ASSERT_TRUE(first) << first.error().message;
  EXPECT_EQ(first->reference, "SAR-2025-000001");
  EXPECT_EQ(first->version, 1);
  auto second = InWrite<Request>(
      [](app::Tx& tx) { return tx.SubjectAccess().Insert(Received("2025-02-03"), 2025); });
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_EQ(second->reference, "SAR-2025-000002");

  Request extended = *first;
  extended.status = core::SubjectAccessStatus::kExtended;
  extended.extension = core::SubjectAccessExtension{2, "Complex: ten years", D("2025-02-10")};
  auto saved =
      InWrite<Request>([&](app::Tx& tx) { return tx.SubjectAccess().Update(extended, 1); });
  ASSERT_TRUE(saved) << saved.error().message;
  EXPECT_EQ(saved->version, 2);
  auto stale =
      InWrite<Request>([&](app::Tx& tx) { return tx.SubjectAccess().Update(extended, 1); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);

  Request completed = *saved;
  completed.status = core::SubjectAccessStatus::kCompleted;
  completed.completed_on = D("2025-04-01");
  ASSERT_TRUE(
      InWrite<Request>([&](app::Tx& tx) { return tx.SubjectAccess().Update(completed, 2); }));

  auto loaded =
      InRead<Request>([](app::Tx& tx) { return tx.SubjectAccess().Load("SAR-2025-000001"); });
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_EQ(loaded->version, 3);
  EXPECT_EQ(loaded->status, core::SubjectAccessStatus::kCompleted);
  EXPECT_EQ(loaded->requester_name, "Ada Lovelace");
  EXPECT_EQ(loaded->requester_email, "ada@example.org");
  EXPECT_EQ(loaded->requester_phone, "01632 960001");
  EXPECT_EQ(loaded->requester_address, "1 Analytical Row, Exampleton");
  EXPECT_EQ(loaded->requester_postcode, "EX1 1AA");
  EXPECT_EQ(loaded->subject_name, "Byron Lovelace");
  EXPECT_EQ(loaded->details, "Every record about my son's housing complaint");
  EXPECT_EQ(loaded->received_on, D("2025-01-31"));
  EXPECT_EQ(loaded->identity_confirmed_on, D("2025-01-31"));
  EXPECT_EQ(loaded->extension, extended.extension);
  EXPECT_EQ(loaded->completed_on, D("2025-04-01"));
  EXPECT_FALSE(loaded->withdrawn_on);

  auto unknown =
      InRead<Request>([](app::Tx& tx) { return tx.SubjectAccess().Load("SAR-2025-000009"); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  auto listed = InRead<std::vector<Request>>([](app::Tx& tx) { return tx.SubjectAccess().List(); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].reference, "SAR-2025-000001");
  EXPECT_EQ((*listed)[1].reference, "SAR-2025-000002");
  EXPECT_FALSE((*listed)[1].extension);
}

}  // namespace
}  // namespace redress::storage::contract
