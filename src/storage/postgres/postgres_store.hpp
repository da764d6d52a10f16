#pragma once

// The repository port (app::Store, app::Tx) on a PostgreSQL 15 database, for one or several
// instances of Redress serving the same database.
//
// Transactions. Every Write runs in its own READ COMMITTED transaction on a pooled connection:
// - every invariant that spans rows is held by a lock or a constraint, not by the snapshot: a
//   record's version by `UPDATE ... WHERE version = $expected` (a concurrent update waits for the
//   first to commit, then finds the version changed: kStaleVersion, never a lost update), the
//   audit chain by its head row's lock (audit_log.hpp), references by their counter row's lock
//   (references.hpp), uniqueness by unique indexes;
// - under REPEATABLE READ, each of those waits would instead end in a serialisation failure and
//   a retry of the whole Write: every Write moves the one chain head, so every pair of
//   concurrent Writes would collide.
// A Write that fails anyway with a serialisation failure or a deadlock (40001, 40P01) is run
// again from the start, up to kMaxWriteAttempts times. Each Read runs in a REPEATABLE READ READ
// ONLY transaction: one snapshot for all it reads, and any write in it fails.
//
// Errors. A statement that fails ends its transaction on PostgreSQL (unlike SQLite, where the
// transaction goes on): a Write whose work carries on after a failed statement and returns
// success still fails, with that statement's error, and keeps nothing. Exceptions thrown inside
// a unit of work stop here and become kStorage errors.
//
// Free-text search uses a stored tsvector (complaints.search) kept by the server inside the same
// transaction, so a search inside a Write sees that Write's own changes.
//
// Durability: a Write has committed when it returns success, with the server's
// synchronous_commit (on by default: the commit is flushed to its WAL; with a synchronous
// standby, there too).

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "app/ports.hpp"
#include "core/result.hpp"
#include "storage/common/checkpointer.hpp"
#include "storage/postgres/pool.hpp"

namespace redress::storage::postgres {

// How many times a Write is run when the server aborts it as a serialisation failure or a
// deadlock (it was chosen as the victim of a conflict: running it again normally succeeds).
inline constexpr int kMaxWriteAttempts = 5;

struct PostgresOptions {
  // kExisting: Open refuses (kNotFound, naming `redress init`) a database without the schema.
  app::OpenMode open_mode = app::OpenMode::kCreate;
  std::size_t max_connections = kDefaultMaxConnections;
};

// Where the audit chain is anchored outside the database (as the SQLite adapter's AuditAnchor):
// VerifyAudit checks the checkpoints there and, unless read_only, the store writes them.
struct PostgresAuditAnchor {
  common::CheckpointerOptions checkpointer;
  bool read_only = false;
};

class PostgresStore final : public app::Store {
 public:
  // Connects to `url` (postgresql://...) and applies the migrations the database lacks (see
  // migrations.hpp). `clock` stamps migrations and events and must outlive the store.
  static core::Result<std::unique_ptr<PostgresStore>> Open(
      const std::string& url, const app::Clock& clock, PostgresOptions options = {},
      std::optional<PostgresAuditAnchor> audit_anchor = std::nullopt);

  ~PostgresStore() override;
  PostgresStore(const PostgresStore&) = delete;
  PostgresStore& operator=(const PostgresStore&) = delete;

  core::Status Write(const std::function<core::Status(app::Tx&)>& work) override;
  core::Status Read(const std::function<core::Status(app::Tx&)>& work) override;
  core::Result<app::AuditReport> VerifyAudit() override;
  // Writes and commits one row (readiness_probe), so it fails as users' changes would.
  core::Status CheckWritable() override;
  // VACUUMs the tables that hold personal data (kPersonalTables in the .cpp), outside any
  // transaction: the row versions an erasure or deletion left dead go, so that no reader of the
  // tables' tuples finds them. It takes no lock that stops users. What it does not reach (bytes in
  // a page's free space, WAL segments, backups) is in docs/audit-trail.md, "Erasable content".
  core::Status PurgeErasedTraces() override;
  // The head of the audit chain now, on a consistent snapshot.
  core::Result<common::ChainHead> ReadChainHead();

  int SchemaVersion() const { return schema_version_; }

 private:
  PostgresStore(std::string url, const app::Clock& clock, PostgresOptions options,
                std::optional<PostgresAuditAnchor> audit_anchor, int schema_version);

  // Runs `work` on a pooled connection inside a transaction begun with `mode`, committing it
  // when `work` succeeds; the SQLSTATE of a failure that may be retried goes to `retryable`.
  core::Status RunTransaction(std::string_view mode, bool& retryable,
                              const std::function<core::Status(Connection&)>& work);

  const app::Clock& clock_;
  const std::optional<PostgresAuditAnchor> audit_anchor_;
  int schema_version_;
  ConnectionPool pool_;
  // Last, so that it is destroyed first and its final checkpoint can still read the head.
  std::unique_ptr<common::Checkpointer> checkpointer_;
};

}  // namespace redress::storage::postgres
