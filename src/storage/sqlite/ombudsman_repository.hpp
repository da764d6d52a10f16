#pragma once

// The SQLite OmbudsmanRepository (app/ombudsman_repository.hpp), on the connection of one
// transaction.

#include "app/ports.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

// The Ombudsman cases, failure orders and LGSCO letters of a transaction (versioned records,
// versioned_tables.hpp).
class SqliteOmbudsmanRepository final : public app::OmbudsmanRepository {
 public:
  explicit SqliteOmbudsmanRepository(Connection& connection) : connection_(connection) {}

  core::Result<core::OmbudsmanCase> InsertCase(core::OmbudsmanCase ombudsman_case,
                                               int year) override;
  core::Result<core::OmbudsmanCase> UpdateCase(core::OmbudsmanCase ombudsman_case,
                                               std::int64_t expected_version) override;
  core::Result<core::OmbudsmanCase> LoadCase(std::string_view reference) override;
  core::Result<std::vector<core::OmbudsmanCase>> ListCases(std::string_view complaint) override;
  core::Result<core::FailureOrder> InsertFailureOrder(core::FailureOrder order, int year) override;
  core::Result<core::FailureOrder> UpdateFailureOrder(core::FailureOrder order,
                                                      std::int64_t expected_version) override;
  core::Result<core::FailureOrder> LoadFailureOrder(std::string_view reference) override;
  core::Result<std::vector<core::FailureOrder>> ListFailureOrders() override;
  core::Result<std::optional<core::LgscoLetter>> LoadLgscoLetter(int year) override;
  core::Status SaveLgscoLetter(const core::LgscoLetter& letter) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
