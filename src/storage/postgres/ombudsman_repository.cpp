#include "storage/postgres/ombudsman_repository.hpp"

#include <array>
#include <string>
#include <utility>

#include "storage/common/lgsco_letter_rows.hpp"
#include "storage/postgres/versioned_tables.hpp"

namespace redress::storage::postgres {

Result<core::OmbudsmanCase> PostgresOmbudsmanRepository::InsertCase(core::OmbudsmanCase c,
                                                                    int year) {
  return InsertVersioned(connection_, std::move(c), year);
}

Result<core::OmbudsmanCase> PostgresOmbudsmanRepository::UpdateCase(core::OmbudsmanCase c,
                                                                    std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(c), expected_version);
}

Result<core::OmbudsmanCase> PostgresOmbudsmanRepository::LoadCase(std::string_view reference) {
  return LoadVersioned<core::OmbudsmanCase>(connection_, reference);
}

Result<std::vector<core::OmbudsmanCase>> PostgresOmbudsmanRepository::ListCases(
    std::string_view complaint) {
  if (complaint.empty()) return ListVersioned<core::OmbudsmanCase>(connection_);
  return ListVersioned<core::OmbudsmanCase>(
      connection_,
      "WHERE id IN (SELECT case_id FROM ombudsman_case_complaints WHERE complaint = $1)",
      complaint);
}

Result<core::FailureOrder> PostgresOmbudsmanRepository::InsertFailureOrder(core::FailureOrder order,
                                                                           int year) {
  return InsertVersioned(connection_, std::move(order), year);
}

Result<core::FailureOrder> PostgresOmbudsmanRepository::UpdateFailureOrder(
    core::FailureOrder order, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(order), expected_version);
}

Result<core::FailureOrder> PostgresOmbudsmanRepository::LoadFailureOrder(
    std::string_view reference) {
  return LoadVersioned<core::FailureOrder>(connection_, reference);
}

Result<std::vector<core::FailureOrder>> PostgresOmbudsmanRepository::ListFailureOrders() {
  return ListVersioned<core::FailureOrder>(connection_);
}

Result<std::optional<core::LgscoLetter>> PostgresOmbudsmanRepository::LoadLgscoLetter(int year) {
  static const std::string sql = "SELECT " + JoinColumns(common::kLgscoLetterColumns) +
                                 " FROM lgsco_letters WHERE financial_year = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::LgscoLetter>();
  return rows->ReadOne(
      [](RowReader& r) { return std::optional<core::LgscoLetter>(common::ReadLgscoLetter(r)); },
      "no letter");
}

Status PostgresOmbudsmanRepository::SaveLgscoLetter(const core::LgscoLetter& letter) {
  static const std::string sql = [] {
    std::string text = "INSERT INTO lgsco_letters (" + JoinColumns(common::kLgscoLetterColumns) +
                       ") VALUES (" + ParameterList(common::kLgscoLetterColumns.size()) +
                       ") ON CONFLICT (financial_year) DO UPDATE SET ";
    for (std::size_t i = 1; i < common::kLgscoLetterColumns.size(); ++i) {
      if (i > 1) text += ", ";
      text += std::string(common::kLgscoLetterColumns[i]) + " = excluded." +
              std::string(common::kLgscoLetterColumns[i]);
    }
    return text;
  }();
  Params params;
  common::BindLgscoLetter(params, letter);
  return connection_.Run(sql, params);
}

}  // namespace redress::storage::postgres
