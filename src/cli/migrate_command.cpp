#include "cli/migrate_command.hpp"

#include <fmt/format.h>

#include <chrono>
#include <ostream>
#include <string>

namespace redress::cli {
namespace {

// A SQLite database may be named as a path or as sqlite:PATH (the spelling).
std::string WithoutSqliteScheme(const std::string& database) {
  for (const std::string_view scheme : {"sqlite://", "sqlite:"}) {
    if (database.starts_with(scheme)) return database.substr(scheme.size());
  }
  return database;
}

class MigrateCommand final : public RecordCommands {
 public:
  MigrateCommand(CommandHost& host, CLI::App& app, const DatabaseCopier& copier)
      : host_(host), copier_(copier) {
    CLI::App* migrate = app.add_subcommand(
        "migrate",
        "copy a whole database from a SQLite file into an empty PostgreSQL database, or from "
        "PostgreSQL into a new SQLite file, both at this version's schema: every row with its "
        "id, the audit trail as it is; nothing is written unless all is");
    migrate
        ->add_option("--from", from_,
                     "the database copied: a SQLite path (or sqlite:PATH), or postgresql://...")
        ->required();
    migrate
        ->add_option("--to", to_,
                     "the empty PostgreSQL database (postgresql://...), or the new SQLite file")
        ->required();
    host_.Run(migrate, [this] { return Migrate(); });
  }

 private:
  core::Status Migrate() {
    const auto started = std::chrono::steady_clock::now();
    auto copies = copier_(WithoutSqliteScheme(from_), WithoutSqliteScheme(to_), host_.clock());
    if (!copies) return tl::unexpected(copies.error());
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - started;
    std::int64_t rows = 0;
    for (const CopiedTableCount& copy : *copies) {
      host_.out() << fmt::format("{:<32} {:>10}\n", copy.table, copy.rows);
      rows += copy.rows;
    }
    host_.out() << fmt::format("copied {} rows of {} tables in {:.1f} s\n", rows, copies->size(),
                               took.count());
    return {};
  }

  CommandHost& host_;
  const DatabaseCopier& copier_;
  std::string from_;
  std::string to_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterMigrateCommand(CommandHost& host, CLI::App& app,
                                                       const DatabaseCopier& copier) {
  return std::make_unique<MigrateCommand>(host, app, copier);
}

}  // namespace redress::cli
