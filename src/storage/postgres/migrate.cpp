#include <string>

#include "storage/postgres/migrations.hpp"

namespace redress::storage::postgres {

namespace {

// The key of the advisory lock migrations take: any constant, the same in every instance
// ("REDRESS" in ASCII, for whoever reads pg_locks).
constexpr std::int64_t kMigrationLockKey = 0x5245445245535300;

Result<int> CurrentVersion(Connection& connection) {
  Result<Rows> rows = connection.Query("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int(); }, "no schema version");
}

}  // namespace

Result<int> MigrateIn(Connection& connection, const app::Clock& clock, app::OpenMode mode) {
  if (Status locked = connection.Run("SELECT pg_advisory_xact_lock($1::bigint)",
                                     Params().Bind(static_cast<std::int64_t>(kMigrationLockKey)));
      !locked) {
    return Unexpected(locked.error());
  }
  Result<Rows> exists = connection.Query("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists) return Unexpected(exists.error());
  Result<bool> has_schema = exists->ReadOne([](RowReader& r) { return r.Bool(); }, "");
  if (!has_schema) return Unexpected(has_schema.error());
  if (!*has_schema) {
    if (mode == app::OpenMode::kExisting) {
      return Fail(ErrorCode::kNotFound,
                  "the PostgreSQL database holds no Redress schema: create it with "
                  "`redress init --db <url>`");
    }
    if (Status created =
            connection.RunScript("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                                 "name TEXT NOT NULL, applied_at TEXT NOT NULL)");
        !created) {
      return Unexpected(created.error());
    }
  }
  Result<int> version = CurrentVersion(connection);
  if (!version) return Unexpected(version.error());
  const std::span<const Migration> migrations = Migrations();
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (*version > known) {
    return Fail(ErrorCode::kStorage, "the database's schema (version " + std::to_string(*version) +
                                         ") is newer than this program knows (" +
                                         std::to_string(known) + ")");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    Status applied = connection.RunScript(migration.sql);
    if (applied) {
      applied = connection.Run(
          "INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
          Params().BindAll(migration.version, migration.name, clock.NowRfc3339()));
    }
    if (!applied) {
      return Fail(ErrorCode::kStorage, "migration " + std::to_string(migration.version) + " (" +
                                           std::string(migration.name) +
                                           ") failed: " + applied.error().message);
    }
  }
  return known;
}

Result<int> Migrate(Connection& connection, const app::Clock& clock, app::OpenMode mode) {
  if (Status begun = connection.Begin("ISOLATION LEVEL READ COMMITTED"); !begun) {
    return Unexpected(begun.error());
  }
  Result<int> version = MigrateIn(connection, clock, mode);
  if (!version) {
    connection.Rollback();
    return version;
  }
  if (Status committed = connection.Commit(); !committed) return Unexpected(committed.error());
  return version;
}

}  // namespace redress::storage::postgres
