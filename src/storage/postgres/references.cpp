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

Result<std::string> NextReference(Connection& connection, std::string_view prefix, int year) {
  Result<std::int64_t> number = NextReferenceNumber(connection, prefix, year);
  if (!number) return Unexpected(number.error());
  return FormatReference(prefix, year, *number);
}

}  // namespace redress::storage::postgres
