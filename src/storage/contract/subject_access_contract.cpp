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

// The marks of items withheld from a bundle: kept in the order made, one per item, on a known
// request only.
TEST_P(StoreContract, SubjectAccessWithholdingsAreKeptOncePerItemInOrder) {
  auto request = InWrite<Request>(
      [](app::Tx& tx) { return tx.SubjectAccess().Insert(Received("2025-03-03"), 2025); });
  ASSERT_TRUE(request) << request.error().message;
  const app::Withholding note{"note:CMP-2025-000001/4", "Names the neighbour", "sam",
                              "2025-03-10T09:00:00Z"};
  const app::Withholding attachment{"attachment:7", "A third party's letter", "kim",
                                    "2025-03-11T10:30:00Z"};
  const auto add = [this, &request](const app::Withholding& withholding) {
    return WriteStatus([&](app::Tx& tx) {
      return tx.SubjectAccess().AddWithholding(request->reference, withholding);
    });
  };
  ASSERT_TRUE(add(note));
  ASSERT_TRUE(add(attachment));
  Status again = add(app::Withholding{note.item, "Again", "kim", "2025-03-12T10:00:00Z"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  Status unknown = WriteStatus(
      [&](app::Tx& tx) { return tx.SubjectAccess().AddWithholding("SAR-2025-000099", note); });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::kNotFound);

  auto marks = InRead<std::vector<app::Withholding>>(
      [&](app::Tx& tx) { return tx.SubjectAccess().WithholdingsOf(request->reference); });
  ASSERT_TRUE(marks) << marks.error().message;
  EXPECT_EQ(*marks, (std::vector<app::Withholding>{note, attachment}));
  auto none = InRead<std::vector<app::Withholding>>(
      [](app::Tx& tx) { return tx.SubjectAccess().WithholdingsOf("SAR-2025-000099"); });
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

}  // namespace
}  // namespace redress::storage::contract
