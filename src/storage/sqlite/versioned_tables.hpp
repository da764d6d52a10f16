#pragma once

// The versioned records with a reference (Ombudsman cases, failure orders, learning actions) and
// the child lists of those and of the self-assessment, on SQLite: insert, update, load and list
// written once for all of them, on storage/common's description of each record
// (versioned_records.hpp). Internal to the SQLite adapter.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storage/common/subject_access_rows.hpp"
#include "storage/common/versioned_records.hpp"
#include "storage/sqlite/repository_support.hpp"

namespace redress::storage::sqlite {

using common::ChildColumns;
using common::ChildTable;
using common::kAssessmentProvisions;
using common::Versioned;

// Replaces the parent's rows of `table` with `items`, in order.
template <typename Item>
Status ReplaceChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                       const std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  Result<Statement> remove = connection.Prepare(common::DeleteChildrenSql(table, ParameterMarker));
  if (!remove) return Unexpected(remove.error());
  remove->Bind(parent);
  if (Status removed = remove->Run(); !removed) return removed;
  const std::string insert_sql = common::InsertChildrenSql<Item>(table, 1, ParameterMarker);
  for (std::size_t i = 0; i < items.size(); ++i) {
    Result<Statement> insert = connection.Prepare(insert_sql);
    if (!insert) return Unexpected(insert.error());
    insert->BindAll(parent, static_cast<std::int64_t>(i));
    C::template Bind<Code>(*insert, items[i]);
    if (Status inserted = insert->Run(); !inserted) return inserted;
  }
  return {};
}

template <typename Item>
Status LoadChildren(Connection& connection, const ChildTable& table, std::int64_t parent,
                    std::vector<Item>& items) {
  using C = ChildColumns<Item>;
  const std::string sql = common::SelectChildrenSql<Item>(table, ParameterMarker);
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(parent);
  Result<std::vector<Item>> rows = ReadAll(*statement, [](ColumnReader& r) { return C::Read(r); });
  if (!rows) return Unexpected(rows.error());
  items = std::move(*rows);
  return {};
}

// SaveChildrenOf and LoadChildrenOf (storage/common) find the two above by the connection's type.
using common::LoadChildrenOf;
using common::SaveChildrenOf;

// Runs the INSERT or UPDATE `sql` bound by `bind`, sets the record's id, rewrites its children,
// and names an unknown reference when a foreign key fails.
template <typename Record, typename BindRow>
Status SaveVersioned(Connection& connection, const std::string& sql, Record& record,
                     RowChange change, BindRow bind) {
  using V = Versioned<Record>;
  Status saved = [&]() -> Status {
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    bind(*statement);
    Result<std::int64_t> id =
        SavedRowId(connection, *statement, change, V::kName, record.reference, V::kWhat);
    if (!id) return Unexpected(id.error());
    record.id = *id;
    return SaveChildrenOf(connection, record);
  }();
  return NameUnknownReference(connection, std::move(saved), [&] { return V::References(record); });
}

template <typename Record>
Result<Record> InsertVersioned(Connection& connection, Record record, int year) {
  using V = Versioned<Record>;
  static const std::string sql = common::InsertVersionedSql<Record>(ParameterMarker);
  Result<std::string> reference = NextReference(connection, V::kPrefix, year);
  if (!reference) return Unexpected(reference.error());
  record.reference = std::move(*reference);
  record.version = kFirstVersion;
  Status saved =
      SaveVersioned(connection, sql, record, RowChange::kInsert, [&](Statement& statement) {
        statement.BindAll(record.reference, record.version);
        V::template Bind<Code>(statement, record);
      });
  if (!saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
Result<Record> UpdateVersioned(Connection& connection, Record record,
                               std::int64_t expected_version) {
  using V = Versioned<Record>;
  static const std::string sql = common::UpdateVersionedSql<Record>(ParameterMarker);
  record.version = expected_version + 1;
  Status saved =
      SaveVersioned(connection, sql, record, RowChange::kUpdate, [&](Statement& statement) {
        statement.Bind(record.version);
        V::template Bind<Code>(statement, record);
        statement.BindAll(record.reference, expected_version);
      });
  if (!saved) return Unexpected(saved.error());
  return record;
}

template <typename Record>
Result<Record> LoadVersioned(Connection& connection, std::string_view reference) {
  using V = Versioned<Record>;
  static const std::string sql = common::SelectVersionedSql<Record>() + " WHERE reference = ?";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  Result<Record> record = ReadOne(
      *statement, [](ColumnReader& r) { return V::Read(r); },
      "no " + std::string(V::kWhat) + " " + std::string(reference));
  if (!record) return record;
  if (Status loaded = LoadChildrenOf(connection, *record); !loaded)
    return Unexpected(loaded.error());
  return record;
}

// Every record, oldest first, or those whose id `filter_sql` (a "WHERE ..." with one parameter,
// bound to `value`) selects.
template <typename Record>
Result<std::vector<Record>> ListVersioned(Connection& connection,
                                          const std::string& filter_sql = "",
                                          std::string_view value = {}) {
  const std::string sql = common::SelectVersionedSql<Record>() + " " + filter_sql + " ORDER BY id";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  if (!filter_sql.empty()) statement->Bind(value);
  Result<std::vector<Record>> records =
      ReadAll(*statement, [](ColumnReader& r) { return Versioned<Record>::Read(r); });
  if (!records) return records;
  for (Record& record : *records) {
    if (Status loaded = LoadChildrenOf(connection, record); !loaded)
      return Unexpected(loaded.error());
  }
  return records;
}

}  // namespace redress::storage::sqlite
