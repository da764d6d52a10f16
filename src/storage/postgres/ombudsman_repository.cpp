#include "storage/postgres/ombudsman_repository.hpp"

#include <array>
#include <string>
#include <utility>

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

Result<std::optional<core::LgscoLetter>> PostgresOmbudsmanRepository::LoadLgscoLetter(int year) {
  static const std::string sql =
      "SELECT " + JoinColumns(kLetterColumns) + " FROM lgsco_letters WHERE financial_year = $1";
  Result<Rows> rows = connection_.Query(sql, Params().Bind(year));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return std::optional<core::LgscoLetter>();
  return rows->ReadOne(
      [](RowReader& r) {
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
      },
      "no letter");
}

Status PostgresOmbudsmanRepository::SaveLgscoLetter(const core::LgscoLetter& letter) {
  static const std::string sql = [] {
    std::string text = "INSERT INTO lgsco_letters (" + JoinColumns(kLetterColumns) + ") VALUES (" +
                       ParameterList(kLetterColumns.size()) +
                       ") ON CONFLICT (financial_year) DO UPDATE SET ";
    for (std::size_t i = 1; i < kLetterColumns.size(); ++i) {
      if (i > 1) text += ", ";
      text += std::string(kLetterColumns[i]) + " = excluded." + std::string(kLetterColumns[i]);
    }
    return text;
  }();
  return connection_.Run(
      sql, Params().BindAll(letter.year, letter.complaints_and_enquiries_received,
                            letter.decisions_made, letter.not_for_us, letter.assessed_and_closed,
                            letter.investigated, letter.upheld, letter.uphold_rate_percent,
                            letter.average_uphold_rate_percent, letter.compliance_percent,
                            letter.satisfactory_remedy_by_council, letter.comparison_group));
}

}  // namespace redress::storage::postgres
