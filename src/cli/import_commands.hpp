#pragma once

// `redress import complaints`: a legacy system's CSV export imported with its mapping
// (app::ImportComplaints; docs/legacy-import.md). --dry-run reports every problem and writes
// nothing; without it the file is imported whole or not at all. Problems are printed by row and
// column, and the command then fails. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `import complaints` on `app`; the result holds the options' values and must outlive
// parsing.
std::unique_ptr<RecordCommands> RegisterImportCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
