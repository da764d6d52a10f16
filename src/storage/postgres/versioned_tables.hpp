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
  if (Status removed =
          connection.Run(common::DeleteChildrenSql(table, ParameterMarker), Params().Bind(parent));
      !removed) {
    return removed;
  }
  if (items.empty()) return {};
  Params params;
  for (std::size_t i = 0; i < items.size(); ++i) {
    params.BindAll(parent, static_cast<std::int64_t>(i));
    C::template Bind<Code>(params, items[i]);
  }
  return connection.Run(common::InsertChildrenSql<Item>(table, items.size(), ParameterMarker),
                        params);
}

template <typename Item>
Status LoadChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                    std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  const std::string sql = common::SelectChildrenSql<Item>(table, ParameterMarker);
  Result<Rows> rows = connection.Query(sql, Params().Bind(parent));
  if (!rows) return Unexpected(rows.error());
  Result<std::vector<Item>> read = rows->ReadAll([](RowReader& r) { return C::Read(r); });
  if (!read) return Unexpected(read.error());
  items = std::move(*read);
  return {};
}

// SaveChildrenOf and LoadChildrenOf (storage/common) find the two above by the connection's type.
using common::LoadChildrenOf;
using common::SaveChildrenOf;

template <typename Record>
Result<Record> InsertVersioned(Connection& connection, Record record, int year) {
  using V = Versioned<Record>;
  static const std::string sql =
      common::InsertVersionedSql<Record>(ParameterMarker) + " RETURNING id";
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
  static const std::string sql =
      common::UpdateVersionedSql<Record>(ParameterMarker) + " RETURNING id";
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
Result<Record> LoadVersioned(Connection& connection, std::string_view reference) {
  using V = Versioned<Record>;
  static const std::string sql = common::SelectVersionedSql<Record>() + " WHERE reference = $1";
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
  const std::string sql = common::SelectVersionedSql<Record>() + " " + filter_sql + " ORDER BY id";
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
