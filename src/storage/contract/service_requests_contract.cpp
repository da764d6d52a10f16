// Service requests.
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

TEST_P(StoreContract, ServiceRequestsRoundTripAndConvert) {
  core::ServiceRequest request;
  request.channel = core::Channel::kPhone;
  request.received_on = D("2024-05-01");
  request.service_area = "repairs";
  request.category = "damp";
  request.summary = "Leaking gutter";
  request.description = "Water over the front door";
  request.requester = {"Jane Smith", "", "07700 900123", "1 High Street", "AB1 2CD"};
  request.team = "housing";

  Result<core::ServiceRequest> inserted = InWrite<core::ServiceRequest>([&](app::Tx& tx) {
    return tx.ServiceRequests().Insert(request,
                                       Event(core::EventType::kServiceRequestLogged, "SR"));
  });
  ASSERT_TRUE(inserted) << inserted.error().message;
  EXPECT_EQ(inserted->reference, "SR-2024-000001");
  EXPECT_EQ(inserted->version, 1);
  Result<core::ServiceRequest> loaded = InRead<core::ServiceRequest>(
      [&](app::Tx& tx) { return tx.ServiceRequests().Load(inserted->reference); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, *inserted);

  core::Complaint complaint = BasicComplaint(D("2024-05-10"));
  complaint.service_request_reference = inserted->reference;
  const core::Complaint raised = Insert(complaint);
  EXPECT_EQ(Load(raised.reference)->service_request_reference, inserted->reference);

  core::ServiceRequest converted = *inserted;
  converted.status = core::ServiceRequestStatus::kResolved;
  converted.resolved_on = D("2024-05-12");
  converted.resolution = "Gutter cleared";
  converted.complaint_reference = raised.reference;
  Result<core::ServiceRequest> updated = InWrite<core::ServiceRequest>([&](app::Tx& tx) {
    return tx.ServiceRequests().Update(
        converted, 1, Event(core::EventType::kServiceRequestConverted, "Converted"));
  });
  ASSERT_TRUE(updated) << updated.error().message;
  EXPECT_EQ(updated->version, 2);
  loaded = InRead<core::ServiceRequest>(
      [&](app::Tx& tx) { return tx.ServiceRequests().Load(inserted->reference); });
  ASSERT_TRUE(loaded);
  EXPECT_EQ(*loaded, *updated);

  Result<core::ServiceRequest> stale = InWrite<core::ServiceRequest>([&](app::Tx& tx) {
    return tx.ServiceRequests().Update(converted, 1,
                                       Event(core::EventType::kServiceRequestResolved, "Resolved"));
  });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::kStaleVersion);
  Result<core::ServiceRequest> missing =
      InRead<core::ServiceRequest>([](app::Tx& tx) { return tx.ServiceRequests().Load("SR-1"); });
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
}

}  // namespace
}  // namespace redress::storage::contract
