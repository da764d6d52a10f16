#pragma once

// The command line's complaint commands: `complaint show` prints a case's facts, the Code version
// it is judged on and where it stands against the time limit for complaining; `complaint refuse`
// records a refusal (not accepted), with the date the matter arose when refusing as older than
// the time limit, and prints the evidence; `complaint export` writes the complaint list, with its
// filters, as CSV or XLSX (app::ExportComplaints, recorded in the audit trail). Options are named
// after the API's fields
// (`--matter-arose-on` for matter_arose_on). Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `complaint show`, `complaint refuse` and `complaint export` on `app`; the result holds
// the options' values and must outlive parsing.
std::unique_ptr<RecordCommands> RegisterComplaintCommands(CommandHost& host, CLI::App& app);

}  // namespace redress::cli
