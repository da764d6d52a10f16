#pragma once

// The SQLite ServiceRequestRepository (app/service_request_repository.hpp), on the connection of
// one transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The service requests of a transaction; Insert and Update append their event through the
// transaction's event repository.
class SqliteServiceRequestRepository final : public app::ServiceRequestRepository {
 public:
  SqliteServiceRequestRepository(Connection& connection, app::EventRepository& events)
      : connection_(connection), events_(events) {}

  core::Result<core::ServiceRequest> Load(std::string_view reference) override;
  core::Result<core::ServiceRequest> Insert(core::ServiceRequest request,
                                            const core::CaseEvent& event) override;
  core::Result<core::ServiceRequest> Update(const core::ServiceRequest& request,
                                            std::int64_t expected_version,
                                            const core::CaseEvent& event) override;

 private:
  Connection& connection_;
  app::EventRepository& events_;
};

}  // namespace redress::storage::sqlite
