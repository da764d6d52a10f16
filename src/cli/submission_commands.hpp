#pragma once

// The command line's `submission` group: the Housing Ombudsman annual submission of a financial
// year (app/annual_submissions.hpp) from draft to submitted, and its exports.
//
//   redress submission list|show|create|details|approve|publish|submit|form|report --db PATH ...
//
// Options are named after the API's fields (`--approved-on`, `--complaints-officer-email`), so an
// error naming a field names its option. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

std::unique_ptr<RecordCommands> RegisterSubmissionCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
