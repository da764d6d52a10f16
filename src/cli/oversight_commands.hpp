#pragma once

// The command line's oversight command groups and their reading commands: `ombudsman list`,
// `show`, `overdue` and `reconcile`, `learning list`, `self-assessment show` and `start` (printed
// by ombudsman_output, learning_output and self_assessment_output). The commands that record and
// change these records join the same groups (record_commands). Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

// The groups registered, for record_commands to add to, and the commands' option values, which
// must outlive parsing.
struct OversightGroups {
  CLI::App& ombudsman;
  CLI::App& learning;
  CLI::App& self_assessment;
  std::unique_ptr<RecordCommands> commands;
};

// Registers the `ombudsman`, `learning` and `self-assessment` groups on `app` with their reading
// commands, and `self-assessment start`.
OversightGroups RegisterOversightCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
