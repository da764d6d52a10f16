#pragma once

// Service requests on PostgreSQL (app::ServiceRequestRepository).

#include "app/event_repository.hpp"
#include "app/service_request_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresServiceRequestRepository final : public app::ServiceRequestRepository {
 public:
  // `events` appends the event of an Insert or Update in the same transaction.
  PostgresServiceRequestRepository(Connection& connection, app::EventRepository& events)
      : connection_(connection), events_(events) {}

  Result<core::ServiceRequest> Load(std::string_view reference) override;
  Result<core::ServiceRequest> Insert(core::ServiceRequest request,
                                      const core::CaseEvent& event) override;
  Result<core::ServiceRequest> Update(const core::ServiceRequest& request,
                                      std::int64_t expected_version,
                                      const core::CaseEvent& event) override;

 private:
  Connection& connection_;
  app::EventRepository& events_;
};

}  // namespace redress::storage::postgres
