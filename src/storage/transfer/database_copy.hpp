#pragma once

// `redress migrate`: a whole Redress database copied from a SQLite file into an empty PostgreSQL
// database, or back (docs/deployment.md, "Moving from SQLite to PostgreSQL"). Both must be at the
// schema version this program writes; the copy keeps every row as it is: ids, references, versions,
// the reference counters, the audit events with their hashes (so the chain, and the checkpoints
// signed over it, verify on the target), in one transaction on the target, which therefore holds
// the whole copy or nothing.

#include <cstdint>
#include <string>
#include <vector>

#include "app/ports.hpp"
#include "core/result.hpp"

namespace redress::storage::transfer {

// How many rows of one table were copied.
struct TableCopy {
  std::string table;
  std::int64_t rows = 0;
};

// Copies the SQLite database at `sqlite_path` (read in one read transaction, never written) into
// the PostgreSQL database at `postgres_url`, creating the target's schema when it has none. The
// tables are CopiedTables() (tables.hpp), in order; the result counts each table's rows, checked
// against the target's count before the commit. Refused, with nothing written:
// - kNotFound: no SQLite database at the path, or it holds no Redress schema;
// - kConflict: either schema at another version than this program's; the target holding any row
//   (it must be empty: a new database, or one whose schema has no rows); the source holding a
//   table the copy does not know, or a table whose columns differ between the two.
// `clock` stamps the target's migrations.
core::Result<std::vector<TableCopy>> CopySqliteToPostgres(const std::string& sqlite_path,
                                                          const std::string& postgres_url,
                                                          const app::Clock& clock);

// The way back: copies the PostgreSQL database at `postgres_url` (read in one read-only
// transaction, never written) into a new SQLite file at `sqlite_path`, made with this program's
// schema; every row as it is, the events' AUTOINCREMENT record from the chain head. Counted and
// checked as above; the file holds the whole copy or is removed. Refused, with nothing written:
// - kNotFound: the source holds no Redress schema;
// - kConflict: a file already at `sqlite_path`; the source's schema at another version; a source
//   table the copy does not know, or one whose columns differ from the target's.
core::Result<std::vector<TableCopy>> CopyPostgresToSqlite(const std::string& postgres_url,
                                                          const std::string& sqlite_path,
                                                          const app::Clock& clock);

}  // namespace redress::storage::transfer
