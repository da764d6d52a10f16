#pragma once

// What both directions of `redress migrate` share (database_copy.cpp, SQLite into PostgreSQL;
// copy_to_sqlite.cpp, PostgreSQL into SQLite): a SQLite file read or written through the C API
// with its values as SQLite stores them, and the PostgreSQL catalogue queries that say which
// columns a table has and of which type. Internal to redress::storage::transfer.

#include <sqlite3.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/transfer/database_copy.hpp"
#include "storage/transfer/tables.hpp"

namespace redress::storage::transfer {

inline tl::unexpected<core::Error> Unexpected(core::Error error) {
  return tl::unexpected<core::Error>(std::move(error));
}

std::string Quoted(std::string_view identifier);

// PostgreSQL's text form of bytes ("\x0a1b...").
std::string Hex(std::string_view bytes);
// The bytes of PostgreSQL's hex form, with or without its "\x"; nullopt if it is not hex.
std::optional<std::string> FromHex(std::string_view hex);

// One value of a SQLite row, as stored (SQLite's storage classes).
struct Value {
  enum class Kind { kNull, kInteger, kReal, kText, kBlob };
  Kind kind = Kind::kNull;
  std::int64_t integer = 0;
  double real = 0;
  std::string bytes;  // text or blob
};

// A PostgreSQL column: its name, its type as PostgreSQL spells it (format_type), whether it is an
// identity column.
struct Column {
  std::string name;
  std::string type;
  bool identity = false;
};

// The columns of `table` that a copy reads or writes (not those the server generates).
core::Result<std::vector<Column>> PostgresColumns(postgres::Connection& connection,
                                                  std::string_view table);
core::Result<std::vector<std::string>> PostgresTexts(postgres::Connection& connection,
                                                     const std::string& sql,
                                                     const postgres::Params& params = {});
core::Result<std::int64_t> PostgresInteger(postgres::Connection& connection,
                                           const std::string& sql);

// A SQLite file: opened read-only for a source (read in one read transaction: one snapshot,
// while a server may still be writing to it), or read-write for a target.
class SqliteFile {
 public:
  enum class Access { kRead, kWrite };

  // kRead begins the read transaction; kWrite opens a file that exists (the caller begins).
  static core::Result<SqliteFile> Open(const std::string& path, Access access);

  sqlite3* db() const { return db_.get(); }

  core::Status Execute(const std::string& sql);
  // Runs `sql` and calls `row` with each row's values.
  core::Status Scan(const std::string& sql,
                    const std::function<core::Status(std::vector<Value>&)>& row);
  // The first column of every row of `sql`, as text.
  core::Result<std::vector<std::string>> Texts(const std::string& sql);
  core::Result<std::int64_t> Integer(const std::string& sql);
  // Runs `sql` once with `values` bound to its parameters in order.
  core::Status Run(const std::string& sql, const std::vector<Value>& values);

  tl::unexpected<core::Error> Failure(std::string_view what) const;

 private:
  struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
  };
  struct Finalizer {
    void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
  };

  SqliteFile(std::unique_ptr<sqlite3, Closer> db, std::string path)
      : db_(std::move(db)), path_(std::move(path)) {}

  std::unique_ptr<sqlite3, Closer> db_;
  std::string path_;
  // Run's statements, prepared once each (finalized before db_ closes, being declared after it).
  std::map<std::string, std::unique_ptr<sqlite3_stmt, Finalizer>, std::less<>> statements_;
};

// A deferred column's values, by row id, to set once every table is copied; `type` is the
// PostgreSQL type they are cast to when PostgreSQL is the target ("" otherwise).
struct DeferredValues {
  std::string_view table;
  std::string_view column;
  std::string type;
  std::vector<std::pair<std::int64_t, Value>> values;
};

// Where a copied table's id and deferred column stand in the copy's order of its columns
// (`columns.size()` where it has none).
struct ColumnPlaces {
  std::size_t deferred;
  std::size_t id;
};
// Refuses a table whose columns differ between the two sides, or that has none; then places the
// id and the deferred column among `target_columns`, refusing a deferred column without an id to
// set it by.
core::Result<ColumnPlaces> MatchColumns(const CopiedTable& table,
                                        const std::vector<std::string>& target_columns,
                                        const std::vector<std::string>& source_columns);

// Refuses the copy unless both sides now count each table's rows as copied: a row lost anywhere
// refuses the whole copy. `count_source` and `count_target` run a "SELECT count(*)" on each side.
core::Status CheckCounts(
    const std::vector<TableCopy>& copies,
    const std::function<core::Result<std::int64_t>(const std::string&)>& count_source,
    const std::function<core::Result<std::int64_t>(const std::string&)>& count_target);

}  // namespace redress::storage::transfer
