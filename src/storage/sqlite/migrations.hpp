#pragma once

// The SQLite schema as numbered migrations (migrations/NNNN_name.sql), compiled into the binary by
// cmake/embed_migrations.cmake. SqliteStore::Open applies the ones a database lacks, in order.

#include <span>
#include <string_view>

namespace redress::storage::sqlite {

struct Migration {
  int version;            // the schema version the database has once this is applied
  std::string_view name;  // from the file name, e.g. "initial"
  std::string_view sql;   // the file's text, one or more statements
};

// Every migration, ascending by version; the last one's version is the newest schema this binary
// knows.
std::span<const Migration> Migrations();

}  // namespace redress::storage::sqlite
