// The list of tables `redress migrate` copies covers every table of both engines' schemas, as
// their migrations build them: a table a new migration adds must be named in tables.cpp (copied,
// or kept by the engine for itself) before this passes.

#include "storage/transfer/tables.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <string>

#include "storage/postgres/connection.hpp"
#include "storage/postgres/migrations.hpp"
#include "storage/postgres/test_database.hpp"
#include "storage/sqlite/migrations.hpp"
#include "storage/sqlite/search_functions.hpp"

namespace redress::storage::transfer {
namespace {

class FixedClock final : public app::Clock {
 public:
  core::Date Today() const override { return *core::Date::Parse("2025-01-15"); }
  std::string NowRfc3339() const override { return "2025-01-15T10:00:00.000Z"; }
  std::int64_t NowUnixSeconds() const override { return 1736935200; }
};

bool IsCopied(const std::string& table) {
  return std::ranges::any_of(CopiedTables(),
                             [&](const CopiedTable& copied) { return copied.name == table; });
}

// Every table is copied or the engine's own, and every copied table is in the schema.
void ExpectCovered(const std::set<std::string>& tables, const std::string& engine) {
  for (const std::string& table : tables) {
    EXPECT_TRUE(IsCopied(table) || IsEngineTable(table))
        << engine << "'s table " << table
        << " is neither copied nor named as the engine's own in storage/transfer/tables.cpp";
  }
  for (const CopiedTable& copied : CopiedTables()) {
    EXPECT_TRUE(tables.contains(std::string(copied.name)))
        << "the copied table " << copied.name << " is not in " << engine << "'s schema";
  }
}

TEST(CopiedTablesTest, CoverEveryTableOfTheSqliteSchema) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(":memory:", &db), SQLITE_OK);
  // As the store's writing connection has them: migration 0020 fills its columns with them.
  ASSERT_TRUE(sqlite::RegisterSearchFunctions(db));
  for (const sqlite::Migration& migration : sqlite::Migrations()) {
    const std::string sql(migration.sql);
    char* error = nullptr;
    ASSERT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error), SQLITE_OK)
        << migration.name << ": " << (error ? error : "");
  }
  std::set<std::string> tables;
  sqlite3_stmt* statement = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT name FROM sqlite_schema WHERE type = 'table'", -1,
                               &statement, nullptr),
            SQLITE_OK);
  while (sqlite3_step(statement) == SQLITE_ROW) {
    tables.insert(reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)));
  }
  sqlite3_finalize(statement);
  sqlite3_close(db);
  ExpectCovered(tables, "SQLite");
}

TEST(CopiedTablesTest, CoverEveryTableOfThePostgresSchema) {
  std::optional<postgres::TestDatabase> database = postgres::TestDatabase::Create();
  if (!database) GTEST_SKIP() << "REDRESS_TEST_POSTGRES_URL is not set";
  auto connection = postgres::Connection::Open(database->url());
  ASSERT_TRUE(connection) << connection.error().message;
  const FixedClock clock;
  ASSERT_TRUE(postgres::Migrate(**connection, clock, app::OpenMode::kCreate));
  auto rows =
      (*connection)->Query("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()");
  ASSERT_TRUE(rows) << rows.error().message;
  std::set<std::string> tables;
  for (int row = 0; row < rows->size(); ++row) tables.insert(rows->Row(row).Text());
  ExpectCovered(tables, "PostgreSQL");
}

TEST(CopiedTablesTest, EngineTablesMatchByNameOrPrefix) {
  EXPECT_TRUE(IsEngineTable("complaints_fts_data"));
  EXPECT_TRUE(IsEngineTable("sqlite_stat1"));
  EXPECT_TRUE(IsEngineTable("audit_chain_head"));
  EXPECT_FALSE(IsEngineTable("complaints"));
  EXPECT_FALSE(IsEngineTable("schema_migrations_old"));
}

}  // namespace
}  // namespace redress::storage::transfer
