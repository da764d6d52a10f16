#pragma once

// The event log on PostgreSQL (app::EventRepository): appends through audit_log.hpp, under the
// chain head's row lock, so that several writers keep one chain.

#include <cstdint>
#include <span>
#include <string_view>

#include "app/event_repository.hpp"
#include "app/ports.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresEventRepository final : public app::EventRepository {
 public:
  // `connection` is the transaction's; `clock` stamps recorded_at. Both outlive the repository.
  PostgresEventRepository(Connection& connection, const app::Clock& clock)
      : connection_(connection), clock_(clock) {}

  Status Append(app::EntityType type, std::string_view entity_ref,
                const core::CaseEvent& event) override;
  Result<std::vector<app::StoredEvent>> EventsOf(app::EntityType type,
                                                 std::string_view entity_ref) override;
  Status EraseContent(app::EntityType type, std::string_view entity_ref,
                      std::string_view erased_at) override;
  Status EraseContentOfSequences(std::span<const std::int64_t> sequences,
                                 std::string_view erased_at) override;

 private:
  Connection& connection_;
  const app::Clock& clock_;
};

}  // namespace redress::storage::postgres
