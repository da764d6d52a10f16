#include "storage/transfer/database_copy.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string_view>
#include <utility>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/transfer/copy_support.hpp"
#include "storage/transfer/tables.hpp"

namespace redress::storage::transfer {
namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;
using postgres::Connection;
using postgres::Params;
using postgres::RowReader;
using postgres::Rows;

// Rows sent in one INSERT, at most; and parameters (PostgreSQL takes up to 65,535).
constexpr std::size_t kBatchRows = 500;
constexpr std::size_t kBatchParameters = 30000;

// The text PostgreSQL reads for `value` in a column of `type`: SQLite keeps booleans as 0 and 1
// and bytes as blobs; everything else is the same text.
std::optional<std::string> AsParameter(const Value& value, std::string_view type) {
  switch (value.kind) {
    case Value::Kind::kNull:
      return std::nullopt;
    case Value::Kind::kInteger:
      if (type == "boolean") return value.integer != 0 ? "t" : "f";
      return std::to_string(value.integer);
    case Value::Kind::kReal: {
      char buffer[32];
      const auto written = std::to_chars(buffer, buffer + sizeof buffer, value.real);
      return std::string(buffer, written.ptr);
    }
    case Value::Kind::kText:
    case Value::Kind::kBlob:
      if (type == "bytea") return Hex(value.bytes);
      return value.bytes;
  }
  return std::nullopt;
}

// Refuses unless both schemas are at the version this program writes. The target without a
// schema gets it (in the caller's transaction).
Status CheckSchemas(SqliteFile& source, Connection& target, const app::Clock& clock) {
  const int sqlite_version = sqlite::Migrations().back().version;
  auto has_schema = source.Integer(
      "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'");
  if (!has_schema) return Unexpected(has_schema.error());
  if (*has_schema == 0) {
    return Fail(ErrorCode::kNotFound, "the source holds no Redress database");
  }
  auto source_version = source.Integer("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!source_version) return Unexpected(source_version.error());
  if (*source_version != sqlite_version) {
    return Fail(ErrorCode::kConflict,
                "the source's schema is at version " + std::to_string(*source_version) +
                    ", this redress reads version " + std::to_string(sqlite_version) +
                    ": bring both to the same version of redress first");
  }
  const int postgres_version = postgres::Migrations().back().version;
  auto target_has_schema =
      PostgresInteger(target,
                      "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations' "
                      "AND schemaname = current_schema()");
  if (!target_has_schema) return Unexpected(target_has_schema.error());
  if (*target_has_schema == 0) {
    Result<int> created = postgres::MigrateIn(target, clock, app::OpenMode::kCreate);
    if (!created) return Unexpected(created.error());
    return {};
  }
  auto target_version =
      PostgresInteger(target, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!target_version) return Unexpected(target_version.error());
  if (*target_version != postgres_version) {
    return Fail(ErrorCode::kConflict,
                "the target's schema is at version " + std::to_string(*target_version) +
                    ", this redress writes version " + std::to_string(postgres_version) +
                    ": migrate into a new, empty database");
  }
  return {};
}

// Refuses a source table the copy does not know, and a target holding any row.
Status CheckTables(SqliteFile& source, Connection& target) {
  auto tables = source.Texts("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
  if (!tables) return Unexpected(tables.error());
  for (const std::string& table : *tables) {
    const bool copied = std::ranges::any_of(
        CopiedTables(), [&](const CopiedTable& known) { return known.name == table; });
    if (!copied && !IsEngineTable(table)) {
      return Fail(ErrorCode::kConflict, "the source holds the table " + table +
                                            ", which this redress does not know how to copy");
    }
  }
  for (const CopiedTable& table : CopiedTables()) {
    if (table.seeded == Seeded::kYes) continue;  // replaced by the source's row
    auto rows = PostgresInteger(
        target, "SELECT count(*) FROM (SELECT 1 FROM " + Quoted(table.name) + " LIMIT 1) any_row");
    if (!rows) return Unexpected(rows.error());
    if (*rows > 0) {
      return Fail(ErrorCode::kConflict, "the target database is not empty (the table " +
                                            std::string(table.name) +
                                            " has rows): migrate copies into an empty database");
    }
  }
  return {};
}

// The INSERT of `rows` rows of `table` into `columns`, each parameter cast to its column's type.
std::string InsertSql(std::string_view table, const std::vector<Column>& columns,
                      std::size_t rows) {
  std::string names;
  bool identity = false;
  for (const Column& column : columns) {
    if (!names.empty()) names += ", ";
    names += Quoted(column.name);
    identity = identity || column.identity;
  }
  std::string sql = "INSERT INTO " + Quoted(table) + " (" + names + ")" +
                    (identity ? " OVERRIDING SYSTEM VALUE" : "") + " VALUES ";
  std::size_t parameter = 0;
  for (std::size_t row = 0; row < rows; ++row) {
    sql += row == 0 ? "(" : ", (";
    for (std::size_t i = 0; i < columns.size(); ++i) {
      if (i > 0) sql += ", ";
      sql += "$" + std::to_string(++parameter) + "::" + columns[i].type;
    }
    sql += ")";
  }
  return sql;
}

// Copies one table; returns how many rows.
Result<std::int64_t> CopyTable(SqliteFile& source, Connection& target, const CopiedTable& table,
                               std::vector<DeferredValues>& deferred) {
  auto columns = PostgresColumns(target, table.name);
  if (!columns) return Unexpected(columns.error());
  auto source_columns =
      source.Texts("SELECT name FROM pragma_table_info('" + std::string(table.name) + "')");
  if (!source_columns) return Unexpected(source_columns.error());
  std::vector<std::string> target_names;
  for (const Column& column : *columns) target_names.push_back(column.name);
  Result<ColumnPlaces> places = MatchColumns(table, target_names, *source_columns);
  if (!places) return Unexpected(places.error());
  const std::size_t deferred_index = places->deferred;
  const std::size_t id_index = places->id;
  std::string select;
  for (const Column& column : *columns)
    select += (select.empty() ? "" : ", ") + Quoted(column.name);
  if (deferred_index < columns->size()) {
    deferred.push_back({table.name, table.deferred_column, (*columns)[deferred_index].type, {}});
  }

  if (table.seeded == Seeded::kYes) {
    if (Status cleared = target.Run("DELETE FROM " + Quoted(table.name)); !cleared) {
      return Unexpected(cleared.error());
    }
  }
  const std::size_t width = columns->size();
  const std::size_t batch =
      std::max<std::size_t>(1, std::min(kBatchRows, kBatchParameters / width));
  std::int64_t copied = 0;
  std::size_t pending = 0;
  Params params;
  const auto flush = [&]() -> Status {
    if (pending == 0) return {};
    Result<Rows> inserted = target.Query(InsertSql(table.name, *columns, pending), params);
    if (!inserted) return Unexpected(inserted.error());
    copied += inserted->Affected();
    pending = 0;
    params = Params();
    return {};
  };
  Status scanned = source.Scan(
      "SELECT " + select + " FROM " + Quoted(table.name), [&](std::vector<Value>& row) -> Status {
        for (std::size_t i = 0; i < width; ++i) {
          if (i == deferred_index && row[i].kind != Value::Kind::kNull) {
            deferred.back().values.emplace_back(row[id_index].integer, row[i]);
            params.BindNull();
            continue;
          }
          params.Bind(AsParameter(row[i], (*columns)[i].type));
        }
        if (++pending == batch) return flush();
        return {};
      });
  if (!scanned) return Unexpected(scanned.error());
  if (Status last = flush(); !last) return Unexpected(last.error());
  return copied;
}

// Sets what copying left for later: the deferred columns, each identity column's next value
// (after the highest id copied, as SQLite would hand out), and the audit chain's head.
Status FinishCopy(SqliteFile& source, Connection& target,
                  const std::vector<DeferredValues>& deferred) {
  for (const DeferredValues& values : deferred) {
    const std::string sql = "UPDATE " + Quoted(values.table) + " SET " + Quoted(values.column) +
                            " = $1::" + values.type + " WHERE id = $2";
    for (const auto& [id, value] : values.values) {
      if (Status set = target.Run(sql, Params().BindAll(AsParameter(value, values.type), id));
          !set) {
        return set;
      }
    }
  }
  Result<Rows> identities = target.Query(
      "SELECT c.relname, a.attname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
      "WHERE c.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema()) "
      "AND c.relkind = 'r' "
      "AND a.attidentity <> '' AND NOT a.attisdropped");
  if (!identities) return Unexpected(identities.error());
  auto pairs = identities->ReadAll([](RowReader& r) {
    std::string table = r.Text();
    return std::pair<std::string, std::string>(std::move(table), r.Text());
  });
  if (!pairs) return Unexpected(pairs.error());
  for (const auto& [table, column] : *pairs) {
    if (Status set = target.Run("SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(" +
                                    Quoted(column) + "), 0) + 1, false) FROM " + Quoted(table),
                                Params().BindAll(Quoted(table), column));
        !set) {
      return set;
    }
  }
  // The chain's head is the highest sequence ever handed out (SQLite's AUTOINCREMENT record,
  // which removed last events do not take back) and the hash of the last event.
  auto highest = source.Integer("SELECT seq FROM sqlite_sequence WHERE name = 'events'");
  if (!highest) return Unexpected(highest.error());
  return target.Run(
      "UPDATE audit_chain_head SET sequence = $1::bigint, hash = coalesce((SELECT hash FROM "
      "events WHERE sequence <= $1::bigint ORDER BY sequence DESC LIMIT 1), '') WHERE id = 1",
      Params().Bind(*highest));
}

Result<std::vector<TableCopy>> CopyIn(SqliteFile& source, Connection& target,
                                      const app::Clock& clock) {
  if (Status schemas = CheckSchemas(source, target, clock); !schemas) {
    return Unexpected(schemas.error());
  }
  if (Status tables = CheckTables(source, target); !tables) return Unexpected(tables.error());
  std::vector<TableCopy> copies;
  std::vector<DeferredValues> deferred;
  for (const CopiedTable& table : CopiedTables()) {
    auto rows = CopyTable(source, target, table, deferred);
    if (!rows) return Unexpected(rows.error());
    copies.push_back({std::string(table.name), *rows});
  }
  if (Status finished = FinishCopy(source, target, deferred); !finished) {
    return Unexpected(finished.error());
  }
  if (Status counted = CheckCounts(
          copies, [&source](const std::string& sql) { return source.Integer(sql); },
          [&target](const std::string& sql) { return PostgresInteger(target, sql); });
      !counted) {
    return Unexpected(counted.error());
  }
  return copies;
}

}  // namespace

Result<std::vector<TableCopy>> CopySqliteToPostgres(const std::string& sqlite_path,
                                                    const std::string& postgres_url,
                                                    const app::Clock& clock) {
  auto source = SqliteFile::Open(sqlite_path, SqliteFile::Access::kRead);
  if (!source) return Unexpected(source.error());
  auto target = Connection::Open(postgres_url);
  if (!target) return Unexpected(target.error());
  if (Status begun = (*target)->Begin("ISOLATION LEVEL READ COMMITTED"); !begun) {
    return Unexpected(begun.error());
  }
  auto copies = CopyIn(*source, **target, clock);
  if (!copies) {
    (*target)->Rollback();
    return copies;
  }
  if (Status committed = (*target)->Commit(); !committed) return Unexpected(committed.error());
  // Statistics for the planner now, not when autovacuum next passes: without them a freshly
  // copied table of a million complaints is planned as a few hundred rows, and the lists scan.
  for (const TableCopy& copy : *copies) {
    if (Status analysed = (*target)->RunScript("ANALYZE " + Quoted(copy.table)); !analysed) {
      return Unexpected(analysed.error());
    }
  }
  return copies;
}

}  // namespace redress::storage::transfer
