#pragma once

// The command line's calendar commands: working-day arithmetic (`calendar add-working-days`,
// `calendar working-days-between`, `calendar holidays`) on the organisation's calendar or one
// given by options, and the organisation's closure days (`closure-day add`, `remove`, `list`).
// Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `calendar` and `closure-day` on `app`; the result holds the options' values and must
// outlive parsing.
std::unique_ptr<RecordCommands> RegisterCalendarCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
