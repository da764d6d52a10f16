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
#include <vector>

#include "core/result.hpp"
#include "storage/postgres/connection.hpp"

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

}  // namespace redress::storage::transfer
