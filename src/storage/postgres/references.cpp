#include "storage/postgres/references.hpp"

namespace redress::storage::postgres {

Result<std::int64_t> NextReferenceNumber(Connection& connection, std::string_view prefix,
                                         int year) {
  Result<Rows> rows = connection.Query(
      "INSERT INTO reference_sequences AS s (prefix, year, next_value) VALUES ($1, $2, $3) "
      "ON CONFLICT (prefix, year) DO UPDATE SET next_value = s.next_value + 1 "
      "RETURNING next_value - 1",
      Params().BindAll(prefix, year, kFirstReferenceNumber + 1));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no reference number");
}

std::string FormatReference(std::string_view prefix, int year, std::int64_t number) {
  constexpr std::size_t kReferenceDigits = 6;
  std::string digits = std::to_string(number);
  if (digits.size() < kReferenceDigits) digits.insert(0, kReferenceDigits - digits.size(), '0');
  return std::string(prefix) + "-" + std::to_string(year) + "-" + digits;
}

Result<std::string> NextReference(Connection& connection, std::string_view prefix, int year) {
  Result<std::int64_t> number = NextReferenceNumber(connection, prefix, year);
  if (!number) return Unexpected(number.error());
  return FormatReference(prefix, year, *number);
}

}  // namespace redress::storage::postgres
