#include "storage/transfer/database_copy.hpp"

#include <sqlite3.h>

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

tl::unexpected<core::Error> Unexpected(core::Error error) {
  return tl::unexpected<core::Error>(std::move(error));
}

std::string Quoted(std::string_view identifier) { return "\"" + std::string(identifier) + "\""; }

// One value of a SQLite row, as stored (SQLite's storage classes).
struct Value {
  enum class Kind { kNull, kInteger, kReal, kText, kBlob };
  Kind kind = Kind::kNull;
  std::int64_t integer = 0;
  double real = 0;
  std::string bytes;  // text or blob
};

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "\\x";
  text.reserve(2 + 2 * bytes.size());
  for (unsigned char byte : bytes) {
    text += kDigits[byte >> 4];
    text += kDigits[byte & 0xF];
  }
  return text;
}

// A target column: its name, its type as PostgreSQL spells it (format_type), whether it is an
// identity column.
struct Column {
  std::string name;
  std::string type;
  bool identity = false;
};

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

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// The source: a SQLite file opened read-only, read in one read transaction (one snapshot, while a
// server may still be writing to it).
class SqliteSource {
 public:
  static Result<SqliteSource> Open(const std::string& path) {
    if (std::error_code ignored; !std::filesystem::is_regular_file(path, ignored)) {
      return Fail(ErrorCode::kNotFound, "no SQLite database at " + path);
    }
    sqlite3* raw = nullptr;
    const int opened = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
    SqliteSource source(std::unique_ptr<sqlite3, SqliteCloser>(raw), path);
    if (opened != SQLITE_OK) return source.Failure("cannot open");
    sqlite3_busy_timeout(raw, kBusyMilliseconds);
    if (Status begun = source.Execute("BEGIN"); !begun) return Unexpected(begun.error());
    return source;
  }

  // Runs `sql` and calls `row` with each row's values.
  Status Scan(const std::string& sql, const std::function<Status(std::vector<Value>&)>& row) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      return Failure("cannot read");
    }
    StatementHandle statement(raw);
    const int columns = sqlite3_column_count(raw);
    std::vector<Value> values(static_cast<std::size_t>(columns));
    for (;;) {
      const int step = sqlite3_step(raw);
      if (step == SQLITE_DONE) return {};
      if (step != SQLITE_ROW) return Failure("cannot read");
      for (int i = 0; i < columns; ++i) values[static_cast<std::size_t>(i)] = Read(raw, i);
      if (Status done = row(values); !done) return done;
    }
  }

  // The first column of every row of `sql`, as text.
  Result<std::vector<std::string>> Texts(const std::string& sql) {
    std::vector<std::string> texts;
    Status read = Scan(sql, [&texts](std::vector<Value>& values) -> Status {
      texts.push_back(values.front().kind == Value::Kind::kInteger
                          ? std::to_string(values.front().integer)
                          : values.front().bytes);
      return {};
    });
    if (!read) return Unexpected(read.error());
    return texts;
  }

  Result<std::int64_t> Integer(const std::string& sql) {
    auto texts = Texts(sql);
    if (!texts) return Unexpected(texts.error());
    if (texts->empty()) return std::int64_t{0};
    return std::stoll(texts->front());
  }

 private:
  static constexpr int kBusyMilliseconds = 5000;

  SqliteSource(std::unique_ptr<sqlite3, SqliteCloser> db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  static Value Read(sqlite3_stmt* statement, int i) {
    Value value;
    switch (sqlite3_column_type(statement, i)) {
      case SQLITE_INTEGER:
        value.kind = Value::Kind::kInteger;
        value.integer = sqlite3_column_int64(statement, i);
        break;
      case SQLITE_FLOAT:
        value.kind = Value::Kind::kReal;
        value.real = sqlite3_column_double(statement, i);
        break;
      case SQLITE_TEXT:
      case SQLITE_BLOB: {
        value.kind = sqlite3_column_type(statement, i) == SQLITE_TEXT ? Value::Kind::kText
                                                                      : Value::Kind::kBlob;
        const void* bytes = sqlite3_column_blob(statement, i);
        value.bytes.assign(static_cast<const char*>(bytes),
                           static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
        break;
      }
      default:
        break;
    }
    return value;
  }

  Status Execute(const std::string& sql) {
    if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      return Failure("cannot read");
    }
    return {};
  }

  tl::unexpected<core::Error> Failure(std::string_view what) const {
    return Fail(ErrorCode::kStorage, std::string(what) + " the SQLite database " + path_ + ": " +
                                         (db_ ? sqlite3_errmsg(db_.get()) : "out of memory"));
  }

  std::unique_ptr<sqlite3, SqliteCloser> db_;
  std::string path_;
};

Result<std::vector<std::string>> TextsOf(Connection& connection, const std::string& sql,
                                         const Params& params = {}) {
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return r.Text(); });
}

Result<std::int64_t> IntegerOf(Connection& connection, const std::string& sql) {
  Result<Rows> rows = connection.Query(sql);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no value");
}

// The target's columns of `table` that a copy writes (not those the server generates).
Result<std::vector<Column>> TargetColumns(Connection& connection, std::string_view table) {
  Result<Rows> rows = connection.Query(
      "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> '' "
      "FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
      "AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum",
      Params().Bind(Quoted(table)));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return Column{r.Text(), r.Text(), r.Bool()}; });
}

// Refuses unless both schemas are at the version this program writes. The target without a
// schema gets it (in the caller's transaction).
Status CheckSchemas(SqliteSource& source, Connection& target, const app::Clock& clock) {
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
      IntegerOf(target,
                "SELECT count(*) FROM pg_tables WHERE tablename = 'schema_migrations' "
                "AND schemaname = current_schema()");
  if (!target_has_schema) return Unexpected(target_has_schema.error());
  if (*target_has_schema == 0) {
    Result<int> created = postgres::MigrateIn(target, clock, app::OpenMode::kCreate);
    if (!created) return Unexpected(created.error());
    return {};
  }
  auto target_version =
      IntegerOf(target, "SELECT coalesce(max(version), 0) FROM schema_migrations");
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
Status CheckTables(SqliteSource& source, Connection& target) {
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
    auto rows = IntegerOf(
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

// A deferred column's values, by row id, to set once every table is copied.
struct DeferredValues {
  std::string_view table;
  std::string_view column;
  std::string type;
  std::vector<std::pair<std::int64_t, Value>> values;
};

// Copies one table; returns how many rows.
Result<std::int64_t> CopyTable(SqliteSource& source, Connection& target, const CopiedTable& table,
                               std::vector<DeferredValues>& deferred) {
  auto columns = TargetColumns(target, table.name);
  if (!columns) return Unexpected(columns.error());
  auto source_columns =
      source.Texts("SELECT name FROM pragma_table_info('" + std::string(table.name) + "')");
  if (!source_columns) return Unexpected(source_columns.error());
  std::set<std::string> source_names(source_columns->begin(), source_columns->end());
  std::set<std::string> target_names;
  for (const Column& column : *columns) target_names.insert(column.name);
  if (source_names != target_names || columns->empty()) {
    return Fail(ErrorCode::kConflict, "the table " + std::string(table.name) +
                                          " has other columns in the source than in the target");
  }
  std::string select;
  std::size_t deferred_index = columns->size();
  std::size_t id_index = columns->size();
  for (std::size_t i = 0; i < columns->size(); ++i) {
    if (!select.empty()) select += ", ";
    select += Quoted((*columns)[i].name);
    if ((*columns)[i].name == table.deferred_column) deferred_index = i;
    if ((*columns)[i].name == "id") id_index = i;
  }
  if (deferred_index < columns->size()) {
    if (id_index == columns->size()) {
      return Fail(ErrorCode::kInternal, "a deferred column needs the table's id");
    }
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
Status FinishCopy(SqliteSource& source, Connection& target,
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

Result<std::vector<TableCopy>> CopyIn(SqliteSource& source, Connection& target,
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
  // Counted again on both sides before the commit: a row lost anywhere refuses the whole copy.
  for (const TableCopy& copy : copies) {
    auto in_source = source.Integer("SELECT count(*) FROM " + Quoted(copy.table));
    if (!in_source) return Unexpected(in_source.error());
    auto in_target = IntegerOf(target, "SELECT count(*) FROM " + Quoted(copy.table));
    if (!in_target) return Unexpected(in_target.error());
    if (*in_source != copy.rows || *in_target != copy.rows) {
      return Fail(ErrorCode::kStorage, "the table " + copy.table + " has " +
                                           std::to_string(*in_source) + " rows in the source and " +
                                           std::to_string(*in_target) + " in the target");
    }
  }
  return copies;
}

}  // namespace

Result<std::vector<TableCopy>> CopySqliteToPostgres(const std::string& sqlite_path,
                                                    const std::string& postgres_url,
                                                    const app::Clock& clock) {
  auto source = SqliteSource::Open(sqlite_path);
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
  return copies;
}

}  // namespace redress::storage::transfer
