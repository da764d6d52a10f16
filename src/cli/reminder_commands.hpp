#pragma once

// The command line's `reminders send`: queues the staff reminder digests due at a local time
// (default now) in the outbox, as the server's schedule does, for a cron job or a test with a
// fixed clock; `redress serve` with a relay sends them. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `reminders send` on `app`; the result holds the options' values and must outlive
// parsing.
std::unique_ptr<RecordCommands> RegisterReminderCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
