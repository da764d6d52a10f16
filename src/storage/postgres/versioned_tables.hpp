#pragma once

// The versioned records with a reference (Ombudsman cases, failure orders, learning actions) and
// the child lists of those and of the self-assessment, on PostgreSQL: insert, update, load and
// list written once for all of them, on storage/common's description of each record
// (versioned_records.hpp). Internal to the PostgreSQL adapter.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/common/subject_access_rows.hpp"
#include "storage/common/versioned_records.hpp"
#include "storage/postgres/references.hpp"
#include "storage/postgres/repository_support.hpp"

namespace redress::storage::postgres {

using common::ChildColumns;
using common::ChildTable;
using common::kAssessmentProvisions;
using common::Versioned;

// Replaces the parent's rows of `table` with `items`, in order: one DELETE and one INSERT of
// every row.
template <typename Item>
Status ReplaceChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                       const std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  if (Status removed = connection.Run("DELETE FROM " + std::string(table.name) + " WHERE " +
                                          std::string(table.parent) + " = $1",
                                      Params().Bind(parent));
      !removed) {
    return removed;
  }
  if (items.empty()) return {};
  constexpr std::size_t kWidth = C::kColumns.size() + 2;
  std::string sql = "INSERT INTO " + std::string(table.name) + " (" + std::string(table.parent) +
                    ", position, " + JoinColumns(C::kColumns) + ") VALUES ";
  Params params;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) sql += ", ";
    sql += "(" + ParameterList(kWidth, i * kWidth + 1) + ")";
    params.BindAll(parent, static_cast<std::int64_t>(i));
    C::template Bind<Code>(params, items[i]);
  }
  return connection.Run(sql, params);
}

template <typename Item>
Status LoadChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                    std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  const std::string sql = "SELECT " + JoinColumns(C::kColumns) + " FROM " +
                          std::string(table.name) + " WHERE " + std::string(table.parent) +
                          " = $1 ORDER BY position";
  Result<Rows> rows = connection.Query(sql, Params().Bind(parent));
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<Item>> read = rows->ReadAll([](RowReader& r) { return C::Read(r); });
  if (!read) return Unexpected(read.error());
  items = std::move(*read);
  return {};
}

template <typename Record>
Status SaveChildrenOf(Connection& connection, const Record& record) {
  return common::ForEachChildList(record, [&](const ChildTable& table, const auto& items) {
    return ReplaceChildren(connection, table, record.id, items);
  });
}

template <typename Record>
Status LoadChildrenOf(Connection& connection, Record& record) {
  return common::ForEachChildList(record, [&](const ChildTable& table, auto& items) {
    return LoadChildren(connection, table, record.id, items);
  });
}

// A subject access request has no child rows.
inline Status SaveChildrenOf(Connection& /*connection*/, const core::SubjectAccessRequest&) {
  return {};
}
inline Status LoadChildrenOf(Connection& /*connection*/, core::SubjectAccessRequest&) { return {}; }

template <typename Record>
Result<Record> InsertVersioned(Connection& connection, Record record, int year) {
  using V = Versioned<Record>;
  static const std::string sql = "INSERT INTO " + std::string(V::kName) + " (reference, version, " +
                                 JoinColumns(V::kColumns) + ") VALUES (" +
                                 ParameterList(V::kColumns.size() + 2) + ") RETURNING id";
  if (Status known = CheckReferences(connection, V::References(record)); !known) {
    return Unexpected(known.error());
  }
  Result<std::string> reference = NextReference(connection, V::kPrefix, year);
  if (!reference) return Unexpected(reference.error());
  record.reference = std::move(*reference);
  record.version = kFirstVersion;
  Params params;
  params.BindAll(record.reference, record.version);
  V::template Bind<Code>(params, record);
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  record.id = *id;
  if (Status saved = SaveChildrenOf(connection, record); !saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
Result<Record> UpdateVersioned(Connection& connection, Record record,
                               std::int64_t expected_version) {
  using V = Versioned<Record>;
  static const std::string sql = [] {
    std::string text = "UPDATE " + std::string(V::kName) + " SET version = $1";
    std::size_t next = 2;
    for (std::string_view column : V::kColumns) {
      text += ", " + std::string(column) + " = $" + std::to_string(next++);
    }
    return text + " WHERE reference = $" + std::to_string(next) + " AND version = $" +
           std::to_string(next + 1) + " RETURNING id";
  }();
  if (Status known = CheckReferences(connection, V::References(record)); !known) {
    return Unexpected(known.error());
  }
  record.version = expected_version + 1;
  Params params;
  params.Bind(record.version);
  V::template Bind<Code>(params, record);
  params.BindAll(record.reference, expected_version);
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  if (rows->empty()) {
    Status mismatch = VersionMismatch(connection, V::kName, record.reference, V::kWhat);
    return Unexpected(mismatch.error());
  }
  Result<std::int64_t> id = rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no id");
  if (!id) return Unexpected(id.error());
  record.id = *id;
  if (Status saved = SaveChildrenOf(connection, record); !saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
const std::string& SelectVersionedSql() {
  using V = Versioned<Record>;
  static const std::string sql = "SELECT id, reference, version, " + JoinColumns(V::kColumns) +
                                 " FROM " + std::string(V::kName);
  return sql;
}

template <typename Record>
Result<Record> LoadVersioned(Connection& connection, std::string_view reference) {
  using V = Versioned<Record>;
  static const std::string sql = SelectVersionedSql<Record>() + " WHERE reference = $1";
  Result<Rows> rows = connection.Query(sql, Params().Bind(reference));
  if (!rows) return Unexpected(rows.error());
  Result<Record> record =
      rows->ReadOne([](RowReader& r) { return V::Read(r); },
                    "no " + std::string(V::kWhat) + " " + std::string(reference));
  if (!record) return record;
  if (Status loaded = LoadChildrenOf(connection, *record); !loaded)
    return Unexpected(loaded.error());
  return record;
}

// Every record, oldest first, or those whose id `filter_sql` (a "WHERE ..." with the one
// parameter $1, bound to `value`) selects.
template <typename Record>
Result<std::vector<Record>> ListVersioned(Connection& connection,
                                          const std::string& filter_sql = "",
                                          std::string_view value = {}) {
  const std::string sql = SelectVersionedSql<Record>() + " " + filter_sql + " ORDER BY id";
  Params params;
  if (!filter_sql.empty()) params.Bind(value);
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<Record>> records =
      rows->ReadAll([](RowReader& r) { return Versioned<Record>::Read(r); });
  if (!records) return records;
  for (Record& record : *records) {
    if (Status loaded = LoadChildrenOf(connection, record); !loaded)
      return Unexpected(loaded.error());
  }
  return records;
}

}  // namespace redress::storage::postgres
