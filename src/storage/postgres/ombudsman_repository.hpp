#pragma once

// The PostgreSQL OmbudsmanRepository (app/ombudsman_repository.hpp), on the connection of one
// transaction.

#include "app/ombudsman_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

// The Ombudsman cases, failure orders and LGSCO letters of a transaction (versioned records,
// versioned_tables.hpp).
class PostgresOmbudsmanRepository final : public app::OmbudsmanRepository {
 public:
  explicit PostgresOmbudsmanRepository(Connection& connection) : connection_(connection) {}

  Result<core::OmbudsmanCase> InsertCase(core::OmbudsmanCase ombudsman_case, int year) override;
  Result<core::OmbudsmanCase> UpdateCase(core::OmbudsmanCase ombudsman_case,
                                         std::int64_t expected_version) override;
  Result<core::OmbudsmanCase> LoadCase(std::string_view reference) override;
  Result<std::vector<core::OmbudsmanCase>> ListCases(std::string_view complaint) override;
  Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder order, int year) override;
  Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder order,
                                                std::int64_t expected_version) override;
  Result<core::FailureOrder> LoadFailureOrder(std::string_view reference) override;
  Result<std::vector<core::FailureOrder>> ListFailureOrders() override;
  Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int year) override;
  Status SaveLgscoLetter(const core::LgscoLetter& letter) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
