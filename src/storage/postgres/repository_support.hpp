#pragma once

// What several PostgreSQL repositories share: SQL text helpers, the first version of a versioned
// record, and naming the reference a record holds that does not exist.
//
// Naming an unknown reference: PostgreSQL ends a transaction at its first failed statement, so
// the SQLite adapter's way (run the write, and after a failed foreign key look for the missing
// row) cannot work here. The references a record holds are checked by one query before the
// write instead; a foreign key that still fails (a row deleted in between) gives the column's
// name (ErrorFor).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "storage/common/record_references.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

inline constexpr std::int64_t kFirstVersion = 1;

// The n-th parameter in SQL text built by storage/common ("$n").
inline std::string ParameterMarker(int n) { return "$" + std::to_string(n); }

inline std::string JoinColumns(std::span<const std::string_view> columns) {
  std::string text;
  for (std::string_view column : columns) {
    if (!text.empty()) text += ", ";
    text += column;
  }
  return text;
}

// "$first, $first+1, ..." for `count` parameters.
inline std::string ParameterList(std::size_t count, std::size_t first = 1) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) text += ", ";
    text += "$" + std::to_string(first + i);
  }
  return text;
}

using common::Reference;

// kInvalidInput naming the field of the first of `references` whose record does not exist, or
// success when every one exists. One query, however many references.
inline Status CheckReferences(Connection& connection, const std::vector<Reference>& references) {
  std::string sql;
  Params params;
  int bound = 0;
  for (std::size_t i = 0; i < references.size(); ++i) {
    const Reference& reference = references[i];
    if (reference.value.empty()) continue;
    if (!sql.empty()) sql += " UNION ALL ";
    params.Bind(reference.value);
    sql += "SELECT " + std::to_string(i) + " AS i WHERE NOT EXISTS (SELECT 1 FROM " +
           std::string(reference.table) + " WHERE " + std::string(reference.key) + " = $" +
           std::to_string(++bound) + ")";
  }
  if (sql.empty()) return {};
  Result<Rows> rows = connection.Query("SELECT min(i) FROM (" + sql + ") missing", params);
  if (!rows) return Unexpected(rows.error());
  RowReader r = rows->Row(0);
  if (r.NextIsNull()) return {};
  const Reference& missing = references[static_cast<std::size_t>(r.Int64())];
  return core::FailField(missing.field,
                         "unknown " + std::string(missing.what) + " '" + missing.value + "'");
}

// Why an UPDATE ... WHERE reference = $n AND version = $m changed nothing: kNotFound or
// kStaleVersion.
inline Status VersionMismatch(Connection& connection, std::string_view table,
                              const std::string& reference, std::string_view what) {
  Result<Rows> rows = connection.Query(
      "SELECT 1 FROM " + std::string(table) + " WHERE reference = $1", Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) return Fail(ErrorCode::kNotFound, "no " + std::string(what) + " " + reference);
  return Fail(ErrorCode::kStaleVersion,
              "the " + std::string(what) + " changed since you loaded it");
}

}  // namespace redress::storage::postgres
