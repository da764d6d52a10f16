#pragma once

// The repository port (app::Store, app::Tx) on an embedded SQLite file.
//
// One writer connection, guarded by a mutex, runs every Write in a BEGIN IMMEDIATE transaction;
// a small pool of read-only connections runs each Read in its own snapshot (WAL mode lets readers
// and the writer proceed together). The database is opened with journal_mode=WAL,
// synchronous=FULL (a committed Write is on disk when it returns) and foreign keys on. Statements
// are prepared once per connection and reused.
//
// SQLite errors become core::Error values: a duplicate of a unique value is kConflict, a
// reference to a record that does not exist is kInvalidInput naming the offending field, a
// violated CHECK or NOT NULL is kInvalidInput, and everything else is kStorage with SQLite's
// message. Exceptions thrown inside a unit of work stop here and become kStorage errors.
//
// The event log is hash-chained: each row's hash is the hex SHA-256 of its canonical
// serialisation, which is the concatenation, for each of prev_hash, sequence, entity_type,
// entity_ref, type, occurred_on, stage, actor, summary, changes, recorded_at (in this order), of
// the field's UTF-8 byte length in decimal, ':', and its bytes. Integers are written in decimal,
// every other field exactly as stored. prev_hash is the previous row's hash, "" for the first.

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports.hpp"
#include "core/result.hpp"

namespace redress::storage::sqlite {

// The outcome of checking the event log's hash chain.
struct AuditVerification {
  bool intact = true;
  std::int64_t records = 0;  // rows checked before the first problem (all of them when intact)
  // The first record that was altered or removed (a missing sequence number is a removal).
  std::optional<std::int64_t> first_bad_sequence;
  std::string problem;  // one sentence when not intact, e.g. "record 12 was altered"
};

// A connection with its statement cache; defined in sqlite_store.cpp.
class Connection;

class SqliteStore final : public app::Store {
 public:
  // Opens or creates the database file at `path` (a file: each connection opens it by name, so
  // ":memory:" is not supported) and applies the migrations it lacks, each in its own
  // transaction. Refuses (kStorage) a database whose schema is newer than this binary knows.
  // `clock` stamps migrations and events and must outlive the store.
  static core::Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                         const app::Clock& clock);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  core::Status Write(const std::function<core::Status(app::Tx&)>& work) override;
  core::Status Read(const std::function<core::Status(app::Tx&)>& work) override;

  // The schema version of the database: the newest migration applied.
  int SchemaVersion() const { return schema_version_; }

  // Re-computes the event log's hash chain on a consistent snapshot.
  core::Result<AuditVerification> VerifyAuditChain();

  // The value of a PRAGMA on the writer connection (e.g. "journal_mode" → "wal"), for health
  // checks. `name` must be a bare pragma name ([a-z_]+).
  core::Result<std::string> PragmaValue(std::string_view name);

 private:
  SqliteStore(std::string path, const app::Clock& clock, std::unique_ptr<Connection> writer,
              int schema_version);

  // Runs `work` on a pooled read connection inside a read transaction.
  core::Status WithReader(const std::function<core::Status(Connection&)>& work);
  core::Result<std::unique_ptr<Connection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<Connection> reader);

  std::string path_;
  const app::Clock& clock_;
  int schema_version_;

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;  // guarded by writer_mutex_

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;  // guarded by readers_mutex_
};

}  // namespace redress::storage::sqlite
