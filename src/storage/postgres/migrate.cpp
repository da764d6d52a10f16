#include <string>
#include <tuple>
#include <vector>

#include "core/person_search.hpp"
#include "storage/postgres/migrations.hpp"

namespace redress::storage::postgres {

namespace {

// The key of the advisory lock migrations take: any constant, the same in every instance
// ("REDRESS" in ASCII, for whoever reads pg_locks).
constexpr std::int64_t kMigrationLockKey = 0x5245445245535300;

// The migration that adds people_text and person_key (0005_finding_people.sql), and how many
// complaints its C++ step reads at a time.
constexpr int kFindingPeopleVersion = 5;
constexpr std::int64_t kFillBatch = 1000;

// Gives each stored complaint its people_text and person_key, computed by the core as the store
// computes them for a complaint it saves (storage/common/complaint_rows.hpp), a batch at a time in
// id order.
Status FillPeopleSearch(Connection& connection) {
  std::int64_t after = 0;
  for (;;) {
    Result<Rows> rows = connection.Query(
        "SELECT id, reference, complainant_name, complainant_email, complainant_phone, "
        "complainant_address, complainant_postcode, representative_name, representative_email, "
        "representative_phone, representative_address, representative_postcode FROM complaints "
        "WHERE id > $1 ORDER BY id LIMIT $2",
        Params().BindAll(after, kFillBatch));
    if (!rows) return Unexpected(rows.error());
    auto read = rows->ReadAll([](RowReader& r) {
      const std::int64_t id = r.Int64();
      core::Complaint complaint;
      complaint.reference = r.Text();
      complaint.complainant = {r.Text(), r.Text(), r.Text(), r.Text(), r.Text()};
      if (!r.NextIsNull()) {
        complaint.representative = core::Person{r.Text(), r.Text(), r.Text(), r.Text(), r.Text()};
      }
      return std::pair{id, std::move(complaint)};
    });
    if (!read) return Unexpected(read.error());
    if (read->empty()) return {};
    for (const auto& [id, complaint] : *read) {
      if (Status updated = connection.Run(
              "UPDATE complaints SET people_text = $1, person_key = $2 WHERE id = $3",
              Params().BindAll(core::PeopleSearchText(complaint),
                               core::PersonKeyOf(complaint.complainant).name_postcode, id));
          !updated) {
        return updated;
      }
      after = id;
    }
  }
}

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
    if (migration.version == kFindingPeopleVersion) {
      if (Status filled = FillPeopleSearch(connection); !filled) return Unexpected(filled.error());
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
