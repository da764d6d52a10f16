#include "storage/sqlite/ombudsman_repository.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "storage/common/lgsco_letter_rows.hpp"
#include "storage/sqlite/repository_support.hpp"
#include "storage/sqlite/versioned_tables.hpp"

namespace redress::storage::sqlite {

Result<core::OmbudsmanCase> SqliteOmbudsmanRepository::InsertCase(core::OmbudsmanCase c, int year) {
  return InsertVersioned(connection_, std::move(c), year);
}

Result<core::OmbudsmanCase> SqliteOmbudsmanRepository::UpdateCase(core::OmbudsmanCase c,
                                                                  std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(c), expected_version);
}

Result<core::OmbudsmanCase> SqliteOmbudsmanRepository::LoadCase(std::string_view reference) {
  return LoadVersioned<core::OmbudsmanCase>(connection_, reference);
}

Result<core::FailureOrder> SqliteOmbudsmanRepository::InsertFailureOrder(core::FailureOrder order,
                                                                         int year) {
  return InsertVersioned(connection_, std::move(order), year);
}

Result<core::FailureOrder> SqliteOmbudsmanRepository::UpdateFailureOrder(
    core::FailureOrder order, std::int64_t expected_version) {
  return UpdateVersioned(connection_, std::move(order), expected_version);
}

Result<core::FailureOrder> SqliteOmbudsmanRepository::LoadFailureOrder(std::string_view reference) {
  return LoadVersioned<core::FailureOrder>(connection_, reference);
}

Result<std::vector<core::FailureOrder>> SqliteOmbudsmanRepository::ListFailureOrders() {
  return ListVersioned<core::FailureOrder>(connection_);
}

Result<std::vector<core::OmbudsmanCase>> SqliteOmbudsmanRepository::ListCases(
    std::string_view complaint) {
  if (complaint.empty()) return ListVersioned<core::OmbudsmanCase>(connection_);
  return ListVersioned<core::OmbudsmanCase>(
      connection_,
      "WHERE id IN (SELECT case_id FROM ombudsman_case_complaints WHERE complaint = ?)", complaint);
}

Result<std::optional<core::LgscoLetter>> SqliteOmbudsmanRepository::LoadLgscoLetter(int year) {
  static const std::string sql =
      SelectSql("lgsco_letters", common::kLgscoLetterColumns) + " WHERE financial_year = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  if (!*row) return std::optional<core::LgscoLetter>();
  ColumnReader r = statement->Columns();
  return std::optional<core::LgscoLetter>(common::ReadLgscoLetter(r));
}

Status SqliteOmbudsmanRepository::SaveLgscoLetter(const core::LgscoLetter& letter) {
  static const std::string sql =
      UpsertSql("lgsco_letters", "financial_year", common::kLgscoLetterColumns);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  common::BindLgscoLetter(*statement, letter);
  return statement->Run();
}

}  // namespace redress::storage::sqlite
