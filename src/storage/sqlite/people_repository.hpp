#pragma once

// The Sqlite PeopleRepository (app/people_repository.hpp), on the connection of one transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

class SqlitePeopleRepository final : public app::PeopleRepository {
 public:
  explicit SqlitePeopleRepository(Connection& connection) : connection_(connection) {}

  core::Result<std::vector<app::PersonMatchRecord>> DecisionsOf(
      std::string_view person_id) override;
  core::Status SaveDecision(const app::PersonMatchRecord& record) override;
  core::Result<std::vector<core::ServiceRequest>> ServiceRequests() override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
