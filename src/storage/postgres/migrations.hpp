#pragma once

// The PostgreSQL schema as numbered migrations (migrations/NNNN_name.sql), compiled into the
// binary by cmake/embed_migrations.cmake. Migrate applies the ones a database lacks, in order.

#include <span>
#include <string_view>

#include "app/ports.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

struct Migration {
  int version;            // the schema version the database has once this is applied
  std::string_view name;  // from the file name, e.g. "initial"
  std::string_view sql;   // the file's text, one or more statements
};

// Every migration, ascending by version; the last one's version is the newest schema this binary
// knows.
std::span<const Migration> Migrations();

// Brings the database's schema (its search_path's first schema) to the newest version, in one
// transaction that first takes a transaction-level advisory lock: instances starting together
// queue on it, and each after the first finds nothing left to do. The lock ends with the
// transaction, so it never outlives the migration, even behind a connection pooler. kExisting
// refuses (kNotFound) a database without the schema; a schema newer than this binary knows is
// refused (kStorage). Returns the schema version.
Result<int> Migrate(Connection& connection, const app::Clock& clock, app::OpenMode mode);

// The same inside the caller's transaction on `connection` (redress migrate creates the schema
// and copies the rows in one).
Result<int> MigrateIn(Connection& connection, const app::Clock& clock, app::OpenMode mode);

}  // namespace redress::storage::postgres
