#pragma once

// The Postgres PeopleRepository (app/people_repository.hpp), on the connection of one transaction.

#include "app/ports.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresPeopleRepository final : public app::PeopleRepository {
 public:
  explicit PostgresPeopleRepository(Connection& connection) : connection_(connection) {}

  core::Result<std::vector<app::PersonMatchRecord>> DecisionsOf(
      std::string_view person_id) override;
  core::Status SaveDecision(const app::PersonMatchRecord& record) override;
  core::Result<std::vector<core::ServiceRequest>> ServiceRequests() override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
