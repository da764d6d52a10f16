#pragma once

// The command line's `migrate`: copies a whole database into an empty database of the other
// engine (docs/deployment.md, "Moving from SQLite to PostgreSQL"), printing each table's rows,
// the total and the time taken. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/cli.hpp"
#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `migrate --from --to` on `app`, running `copier` (which must outlive parsing); the
// result holds the options' values and must outlive parsing.
std::unique_ptr<RecordCommands> RegisterMigrateCommand(CommandHost& host, CLI::App& app,
                                                       const DatabaseCopier& copier);

}  // namespace redress::cli
