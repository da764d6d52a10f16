#pragma once

// The command line's `letters print-batch` and `letters mark-printed` (issue 15): the post
// room's daily print batch (app/print_batches.hpp) for a date, listed, written as one PDF and as
// CSV; and the record that it was printed. They run as the command line's system actor, which
// sees every case. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `letters …` on `app`; the result holds the options' values and must outlive parsing.
std::unique_ptr<RecordCommands> RegisterLetterCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
