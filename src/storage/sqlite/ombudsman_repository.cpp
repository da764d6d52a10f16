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

namespace {

constexpr std::array<std::string_view, 12> kLetterColumns = {"financial_year",
                                                             "complaints_and_enquiries_received",
                                                             "decisions_made",
                                                             "not_for_us",
                                                             "assessed_and_closed",
                                                             "investigated",
                                                             "upheld",
                                                             "uphold_rate_percent",
                                                             "average_uphold_rate_percent",
                                                             "compliance_percent",
                                                             "satisfactory_remedy_by_council",
                                                             "comparison_group"};

}  // namespace

Result<std::optional<core::LgscoLetter>> SqliteOmbudsmanRepository::LoadLgscoLetter(int year) {
  static const std::string sql =
      SelectSql("lgsco_letters", kLetterColumns) + " WHERE financial_year = ?";
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(year);
  Result<bool> row = statement->Step();
  if (!row) return Unexpected(row.error());
  if (!*row) return std::optional<core::LgscoLetter>();
  ColumnReader r = statement->Columns();
  core::LgscoLetter letter;
  letter.year = r.Int();
  letter.complaints_and_enquiries_received = r.Int64();
  letter.decisions_made = r.Int64();
  letter.not_for_us = r.Int64();
  letter.assessed_and_closed = r.Int64();
  letter.investigated = r.Int64();
  letter.upheld = r.Int64();
  letter.uphold_rate_percent = r.OptionalReal();
  letter.average_uphold_rate_percent = r.OptionalReal();
  letter.compliance_percent = r.OptionalReal();
  letter.satisfactory_remedy_by_council = r.Int64();
  letter.comparison_group = r.Text();
  return std::optional<core::LgscoLetter>(std::move(letter));
}

Status SqliteOmbudsmanRepository::SaveLgscoLetter(const core::LgscoLetter& letter) {
  static const std::string sql = UpsertSql("lgsco_letters", "financial_year", kLetterColumns);
  Result<Statement> statement = connection_.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->BindAll(letter.year, letter.complaints_and_enquiries_received, letter.decisions_made,
                     letter.not_for_us, letter.assessed_and_closed, letter.investigated,
                     letter.upheld, letter.uphold_rate_percent, letter.average_uphold_rate_percent,
                     letter.compliance_percent, letter.satisfactory_remedy_by_council,
                     letter.comparison_group);
  return statement->Run();
}

}  // namespace redress::storage::sqlite
