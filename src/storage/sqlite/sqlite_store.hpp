#pragma once

// The repository port (app::Store, app::Tx) on an embedded SQLite file.
//
// One writer connection runs every Write; a small pool of read-only connections runs each Read in
// its own snapshot (WAL mode lets readers and the writer proceed together). The database is
// opened with journal_mode=WAL, synchronous=FULL (a committed Write is on disk when it returns)
// and foreign keys on. Statements are prepared once per connection and reused.
//
// Group commit: an fsync costs far more than a Write's own work, so concurrent Writes share one.
// Each Write joins a queue and waits. One caller at a time (the leader) takes up to
// max_writes_per_commit queued Writes, runs them in one BEGIN IMMEDIATE transaction, each inside
// its own SAVEPOINT (a Write that fails or throws is rolled back to its savepoint, so only it
// fails and the reference numbers and event sequence numbers it took are not used up), commits
// once and wakes each caller with its own result. If the COMMIT fails, every Write of the batch
// fails with that error. Should SQLite abandon the whole transaction after a Write's error (disk
// full, I/O error), the Writes of the batch that had succeeded fail too and the rest are run in a
// new transaction. The queue's storage is reused: a Write allocates nothing of its own.
//
// Free-text search (ComplaintQuery::text) uses an FTS5 index that is brought up to date once per
// transaction, just before COMMIT, from the list of changed complaints that triggers keep
// (migration 0002). So a Read sees every committed complaint, but text search inside a Write
// does not see the complaints changed in its own transaction. The same step keeps a dictionary of
// the indexed words (migration 0005), by which the last word of a search, a prefix, is searched
// as the whole words it begins.
//
// Lists at a million complaints: Open gathers the statistics SQLite plans lists by (ANALYZE) when
// the complaints have none or their number has changed much since (see RefreshStatistics in
// sqlite_store.cpp: a second or two per million complaints, rarely).
//
// SQLite errors become core::Error values: a duplicate of a unique value is kConflict, a
// reference to a record that does not exist is kInvalidInput naming the offending field, a
// violated CHECK or NOT NULL is kInvalidInput, and everything else is kStorage with SQLite's
// message. Exceptions thrown inside a unit of work stop here and become kStorage errors.
//
// The event log is hash-chained in the form storage/common/audit_chain.hpp describes, and
// anchored outside the database by signed checkpoints of its head (audit_checkpoint.hpp) when
// opened with an AuditAnchor.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "app/ports.hpp"
#include "core/result.hpp"
#include "storage/common/checkpointer.hpp"

namespace redress::storage::sqlite {

// How many Writes may share one commit by default: enough for the API's 32 concurrent writers to
// share one fsync, while bounding how long the first Write of a batch waits for the last (see
// bench/RESULTS.md).
inline constexpr std::size_t kDefaultMaxWritesPerCommit = 64;

struct SqliteOptions {
  // The most Writes one commit takes (at least 1; 1 = a commit, and an fsync, per Write).
  std::size_t max_writes_per_commit = kDefaultMaxWritesPerCommit;
  // kExisting: Open refuses (kNotFound, naming the path and `redress init`) a file that does not
  // exist or holds no schema. kCreate creates a missing file, readable by its owner only.
  app::OpenMode open_mode = app::OpenMode::kCreate;
};

// Where the audit chain is anchored outside the database: VerifyAudit checks the checkpoints
// there and, unless read_only, the store writes them (when it is let go and the head moved, and
// at the interval while open).
struct AuditAnchor {
  common::CheckpointerOptions checkpointer;
  bool read_only = false;  // audit verify: reads the checkpoints, writes none
};

// Counters of the writer since the store was opened, for metrics and tests.
struct WriteStatistics {
  std::int64_t commits = 0;        // transactions committed (each one fsync)
  std::int64_t writes = 0;         // Writes that succeeded
  std::int64_t failed_writes = 0;  // Writes that returned an error (or threw)
  std::int64_t largest_batch = 0;  // the most Writes one transaction has taken
};

// A connection with its statement cache; defined in connection.hpp.
class Connection;

class SqliteStore final : public app::Store {
 public:
  // Opens or creates the database file at `path` (a file: each connection opens it by name, so
  // ":memory:" is not supported) and applies the migrations it lacks, each in its own
  // transaction. Refuses (kStorage) a database whose schema is newer than this binary knows.
  // `clock` stamps migrations and events and must outlive the store.
  // Without `audit_anchor` (tests, tools) the audit chain is checked in the database only.
  static core::Result<std::unique_ptr<SqliteStore>> Open(
      const std::string& path, const app::Clock& clock, SqliteOptions options = {},
      std::optional<AuditAnchor> audit_anchor = std::nullopt);

  ~SqliteStore() override;
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  core::Status Write(const std::function<core::Status(app::Tx&)>& work) override;
  core::Status Read(const std::function<core::Status(app::Tx&)>& work) override;
  core::Result<app::AuditReport> VerifyAudit() override;
  // Writes and commits one row (readiness_probe), so it fails as users' changes would: a full
  // disk, a file that cannot be written, a file-size limit. Costs one commit (an fsync).
  core::Status CheckWritable() override;
  // Brings the full-text index up to date, rewrites it in one segment ('optimize') and drops the
  // dictionary's words it no longer holds, all in one transaction, then checkpoints and truncates
  // the WAL: with secure_delete on every connection, the file then keeps no trace of erased or
  // deleted text. Fails (kStorage) when readers kept the WAL from being truncated.
  core::Status PurgeErasedTraces() override;
  // The head of the audit chain now, on a consistent snapshot.
  core::Result<common::ChainHead> ReadChainHead();

  // The schema version of the database: the newest migration applied.
  int SchemaVersion() const { return schema_version_; }

  // The value of a PRAGMA on the writer connection (e.g. "journal_mode" → "wal"), for health
  // checks. `name` must be a bare pragma name ([a-z_]+).
  core::Result<std::string> PragmaValue(std::string_view name);

  // SQLite's query plan for the list `query` (EXPLAIN QUERY PLAN, one step a line), to check
  // that a filter uses an index. A list read in several SELECTs gives the plan of each in turn; a
  // search read in chunks of references says so first, then gives the plan of its last resort.
  core::Result<std::string> ExplainComplaintList(const app::ComplaintQuery& query);

  WriteStatistics Statistics() const;
  // Writes waiting for a leader to take them (not counting the batch being committed).
  std::size_t QueuedWrites() const;

 private:
  // A Write waiting in the queue; lives on its caller's stack.
  struct PendingWrite;

  SqliteStore(std::string path, const app::Clock& clock, SqliteOptions options,
              std::optional<AuditAnchor> audit_anchor, std::unique_ptr<Connection> writer,
              int schema_version);

  // Runs the Writes of `batch` (the leader's) and sets each one's result; see the class comment.
  // Returns the number of transactions committed.
  int CommitBatch(std::span<PendingWrite* const> batch);
  // Runs batch[first..] in one transaction until all ran or SQLite abandoned the transaction;
  // returns the index of the first Write not run and counts a successful COMMIT in `commits`.
  std::size_t CommitSome(std::span<PendingWrite* const> batch, std::size_t first, int& commits);

  // Runs `work` on a pooled read connection inside a read transaction.
  core::Status WithReader(const std::function<core::Status(Connection&)>& work);
  core::Result<std::unique_ptr<Connection>> AcquireReader();
  void ReleaseReader(std::unique_ptr<Connection> reader);

  std::string path_;
  const app::Clock& clock_;
  const SqliteOptions options_;
  const std::optional<AuditAnchor> audit_anchor_;
  int schema_version_;

  // The write queue. queue_ and batch_ keep their capacity, so queueing allocates nothing once
  // they have grown to the number of concurrent writers.
  mutable std::mutex queue_mutex_;
  std::vector<PendingWrite*> queue_;  // guarded by queue_mutex_; oldest first
  bool leader_active_ = false;        // guarded by queue_mutex_
  std::vector<PendingWrite*> batch_;  // used only by the current leader
  WriteStatistics statistics_;        // guarded by queue_mutex_

  std::mutex writer_mutex_;
  std::unique_ptr<Connection> writer_;  // guarded by writer_mutex_

  std::mutex readers_mutex_;
  std::vector<std::unique_ptr<Connection>> idle_readers_;  // guarded by readers_mutex_

  // Last, so that it is destroyed first and its final checkpoint can still read the head.
  std::unique_ptr<common::Checkpointer> checkpointer_;
};

}  // namespace redress::storage::sqlite
