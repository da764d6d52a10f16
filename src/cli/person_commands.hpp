#pragma once

// The command line's `person` group: the people index (app/people.hpp, issue 20).
//
//   redress person find --db PATH [--email E] [--phone P] [--name N --postcode PC]
//   redress person show --db PATH ID       (ID as `find` prints it: CMP-2025-000001.complainant)
//
// Each runs one use case as the command line's system actor, which sees every record. Internal to
// redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

std::unique_ptr<RecordCommands> RegisterPersonCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
