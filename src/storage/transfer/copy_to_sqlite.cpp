// `redress migrate --from postgresql://... --to sqlite:PATH`: the way back (database_copy.hpp).
// The source is read in one read-only, repeatable-read transaction (one snapshot, while servers
// may still be writing), a table at a time through a cursor so that a million complaints never sit
// in memory at once; the target is a new file that holds the whole copy or is removed.

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

#include "storage/postgres/migrations.hpp"
#include "storage/sqlite/search_functions.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/transfer/copy_support.hpp"
#include "storage/transfer/database_copy.hpp"
#include "storage/transfer/tables.hpp"

namespace redress::storage::transfer {
namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;
using postgres::Connection;
using postgres::RowReader;
using postgres::Rows;

// Rows fetched from the cursor at a time.
constexpr int kFetchRows = 2000;

// A column of the target, with its SQLite type (STRICT tables: INTEGER, REAL, TEXT, BLOB, ANY)
// and the source's PostgreSQL type, which say how the source's text becomes the stored value.
struct TargetColumn {
  std::string name;
  std::string sqlite_type;
  std::string postgres_type;
};

// The value SQLite stores for the text PostgreSQL sent: booleans as 0 and 1, bytes as blobs.
Result<Value> AsSqliteValue(std::string_view text, const TargetColumn& column) {
  Value value;
  if (column.postgres_type == "boolean") {
    value.kind = Value::Kind::kInteger;
    value.integer = text == "t" ? 1 : 0;
    return value;
  }
  if (column.postgres_type == "bytea") {
    std::optional<std::string> bytes = FromHex(text);
    if (!bytes) return Fail(ErrorCode::kStorage, "the column " + column.name + " is not hex");
    value.kind = Value::Kind::kBlob;
    value.bytes = std::move(*bytes);
    return value;
  }
  const std::string text_copy(text);
  if (column.sqlite_type == "INTEGER" || column.sqlite_type == "INT") {
    char* end = nullptr;
    value.kind = Value::Kind::kInteger;
    value.integer = std::strtoll(text_copy.c_str(), &end, 10);
    if (end == text_copy.c_str() || *end != '\0') {
      return Fail(ErrorCode::kStorage,
                  "the column " + column.name + " holds '" + text_copy + "', not an integer");
    }
    return value;
  }
  if (column.sqlite_type == "REAL") {
    char* end = nullptr;
    value.kind = Value::Kind::kReal;
    value.real = std::strtod(text_copy.c_str(), &end);
    if (end == text_copy.c_str() || *end != '\0') {
      return Fail(ErrorCode::kStorage,
                  "the column " + column.name + " holds '" + text_copy + "', not a number");
    }
    return value;
  }
  value.kind = column.sqlite_type == "BLOB" ? Value::Kind::kBlob : Value::Kind::kText;
  value.bytes = text_copy;
  return value;
}

// Refuses unless the source holds a Redress schema at the version this program reads, and only
// tables the copy knows.
Status CheckSource(Connection& source) {
  auto has_schema = PostgresInteger(source,
                                    "SELECT count(*) FROM pg_tables WHERE tablename = "
                                    "'schema_migrations' AND schemaname = current_schema()");
  if (!has_schema) return Unexpected(has_schema.error());
  if (*has_schema == 0) return Fail(ErrorCode::kNotFound, "the source holds no Redress database");
  const int postgres_version = postgres::Migrations().back().version;
  auto version = PostgresInteger(source, "SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!version) return Unexpected(version.error());
  if (*version != postgres_version) {
    return Fail(ErrorCode::kConflict,
                "the source's schema is at version " + std::to_string(*version) +
                    ", this redress reads version " + std::to_string(postgres_version) +
                    ": bring both to the same version of redress first");
  }
  auto tables = PostgresTexts(
      source, "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1");
  if (!tables) return Unexpected(tables.error());
  for (const std::string& table : *tables) {
    const bool copied = std::ranges::any_of(
        CopiedTables(), [&](const CopiedTable& known) { return known.name == table; });
    if (!copied && !IsEngineTable(table)) {
      return Fail(ErrorCode::kConflict, "the source holds the table " + table +
                                            ", which this redress does not know how to copy");
    }
  }
  return {};
}

Result<std::int64_t> CopyTable(Connection& source, SqliteFile& target, const CopiedTable& table,
                               std::vector<DeferredValues>& deferred) {
  auto postgres_columns = PostgresColumns(source, table.name);
  if (!postgres_columns) return Unexpected(postgres_columns.error());
  std::vector<TargetColumn> columns;
  Status listed = target.Scan(
      "SELECT name, upper(type) FROM pragma_table_info('" + std::string(table.name) + "')",
      [&columns](std::vector<Value>& row) -> Status {
        columns.push_back({row[0].bytes, row[1].bytes, ""});
        return {};
      });
  if (!listed) return Unexpected(listed.error());
  std::vector<std::string> target_names;
  for (TargetColumn& target_column : columns) {
    target_names.push_back(target_column.name);
    for (const Column& column : *postgres_columns) {
      if (target_column.name == column.name) target_column.postgres_type = column.type;
    }
  }
  std::vector<std::string> source_names;
  for (const Column& column : *postgres_columns) source_names.push_back(column.name);
  Result<ColumnPlaces> places = MatchColumns(table, target_names, source_names);
  if (!places) return Unexpected(places.error());
  const std::size_t deferred_index = places->deferred;
  const std::size_t id_index = places->id;
  std::string names;
  std::string placeholders;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    names += (i == 0 ? "" : ", ") + Quoted(columns[i].name);
    placeholders += i == 0 ? "?" : ", ?";
  }
  if (deferred_index < columns.size())
    deferred.push_back({table.name, table.deferred_column, "", {}});
  const std::string insert =
      "INSERT INTO " + Quoted(table.name) + " (" + names + ") VALUES (" + placeholders + ")";
  if (Status declared = source.Run("DECLARE copy_rows NO SCROLL CURSOR FOR SELECT " + names +
                                   " FROM " + Quoted(table.name));
      !declared) {
    return Unexpected(declared.error());
  }
  std::int64_t copied = 0;
  std::vector<Value> values(columns.size());
  for (;;) {
    Result<Rows> rows =
        source.Query("FETCH FORWARD " + std::to_string(kFetchRows) + " FROM copy_rows");
    if (!rows) return Unexpected(rows.error());
    if (rows->empty()) break;
    for (int row = 0; row < rows->size(); ++row) {
      RowReader reader = rows->Row(row);
      for (std::size_t i = 0; i < columns.size(); ++i) {
        if (reader.NextIsNull()) {
          reader.Skip(1);
          values[i] = Value{};
          continue;
        }
        Result<Value> value = AsSqliteValue(reader.View(), columns[i]);
        if (!value) return Unexpected(value.error());
        values[i] = std::move(*value);
      }
      if (deferred_index < columns.size() && values[deferred_index].kind != Value::Kind::kNull) {
        deferred.back().values.emplace_back(values[id_index].integer,
                                            std::move(values[deferred_index]));
        values[deferred_index] = Value{};
      }
      if (Status inserted = target.Run(insert, values); !inserted) {
        return Unexpected(inserted.error());
      }
      ++copied;
    }
  }
  if (Status closed = source.Run("CLOSE copy_rows"); !closed) return Unexpected(closed.error());
  return copied;
}

// Sets what copying left for later: the deferred columns, and the events' AUTOINCREMENT record
// from the chain head (the highest sequence ever handed out, which removed last events do not take
// back), so that the next event follows the chain as it would have on PostgreSQL.
Status FinishCopy(Connection& source, SqliteFile& target,
                  const std::vector<DeferredValues>& deferred) {
  for (const DeferredValues& values : deferred) {
    const std::string sql =
        "UPDATE " + Quoted(values.table) + " SET " + Quoted(values.column) + " = ? WHERE id = ?";
    for (const auto& [id, value] : values.values) {
      Value key;
      key.kind = Value::Kind::kInteger;
      key.integer = id;
      if (Status set = target.Run(sql, {value, key}); !set) return set;
    }
  }
  auto highest = PostgresInteger(source, "SELECT sequence FROM audit_chain_head WHERE id = 1");
  if (!highest) return Unexpected(highest.error());
  Value sequence;
  sequence.kind = Value::Kind::kInteger;
  sequence.integer = *highest;
  if (Status removed = target.Execute("DELETE FROM sqlite_sequence WHERE name = 'events'");
      !removed) {
    return removed;
  }
  return target.Run("INSERT INTO sqlite_sequence (name, seq) VALUES ('events', ?)", {sequence});
}

Result<std::vector<TableCopy>> CopyIn(Connection& source, SqliteFile& target) {
  if (Status checked = CheckSource(source); !checked) return Unexpected(checked.error());
  // The new file's migrations wrote the organisation's first row; the source's replaces it.
  const auto tables = CopiedTables();
  for (auto table = tables.rbegin(); table != tables.rend(); ++table) {
    if (Status cleared = target.Execute("DELETE FROM " + Quoted(table->name)); !cleared) {
      return Unexpected(cleared.error());
    }
  }
  std::vector<TableCopy> copies;
  std::vector<DeferredValues> deferred;
  for (const CopiedTable& table : tables) {
    auto rows = CopyTable(source, target, table, deferred);
    if (!rows) return Unexpected(rows.error());
    copies.push_back({std::string(table.name), *rows});
  }
  if (Status finished = FinishCopy(source, target, deferred); !finished) {
    return Unexpected(finished.error());
  }
  if (Status counted = CheckCounts(
          copies, [&source](const std::string& sql) { return PostgresInteger(source, sql); },
          [&target](const std::string& sql) { return target.Integer(sql); });
      !counted) {
    return Unexpected(counted.error());
  }
  // The foreign keys hold in the copy as they did in the source.
  auto broken = target.Integer("SELECT count(*) FROM pragma_foreign_key_check");
  if (!broken) return Unexpected(broken.error());
  if (*broken > 0) {
    return Fail(ErrorCode::kStorage,
                std::to_string(*broken) + " rows of the copy name a row that is not there");
  }
  return copies;
}

// The new file and the files SQLite keeps beside it.
void RemoveDatabaseFile(const std::string& path) {
  for (const std::string_view suffix : {"", "-wal", "-shm", "-journal"}) {
    std::error_code ignored;
    std::filesystem::remove(path + std::string(suffix), ignored);
  }
}

}  // namespace

Result<std::vector<TableCopy>> CopyPostgresToSqlite(const std::string& postgres_url,
                                                    const std::string& sqlite_path,
                                                    const app::Clock& clock) {
  if (std::error_code ignored; std::filesystem::exists(sqlite_path, ignored)) {
    return Fail(ErrorCode::kConflict, "there is already a file at " + sqlite_path +
                                          ": migrate writes a new SQLite database");
  }
  auto source = Connection::Open(postgres_url);
  if (!source) return Unexpected(source.error());
  if (Status begun = (*source)->Begin("ISOLATION LEVEL REPEATABLE READ READ ONLY"); !begun) {
    return Unexpected(begun.error());
  }
  // The schema as the store makes it (its migrations, with the functions they call).
  {
    sqlite::SqliteOptions options;
    options.open_mode = app::OpenMode::kCreate;
    auto created = sqlite::SqliteStore::Open(sqlite_path, clock, options);
    if (!created) {
      RemoveDatabaseFile(sqlite_path);
      return Unexpected(created.error());
    }
  }
  auto copies = [&]() -> Result<std::vector<TableCopy>> {
    auto target = SqliteFile::Open(sqlite_path, SqliteFile::Access::kWrite);
    if (!target) return Unexpected(target.error());
    if (Status registered = sqlite::RegisterSearchFunctions(target->db()); !registered) {
      return Unexpected(registered.error());
    }
    if (Status begun = target->Execute("BEGIN IMMEDIATE"); !begun) {
      return Unexpected(begun.error());
    }
    auto copied = CopyIn(**source, *target);
    if (!copied) return copied;
    if (Status committed = target->Execute("COMMIT"); !committed) {
      return Unexpected(committed.error());
    }
    return copied;
  }();
  (*source)->Rollback();  // read only: nothing to keep
  if (!copies) RemoveDatabaseFile(sqlite_path);
  return copies;
}

}  // namespace redress::storage::transfer
