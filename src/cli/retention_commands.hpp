#pragma once

// The command line's `retention` group: retention periods, holds and disposal runs
// (app/disposal.hpp, docs/data-protection.md).
//
//   redress retention rules|set|holds|hold|release|dry-run|runs|show|approve|cancel|run --db PATH
//
// Each runs one use case as the command line's system actor. Approval needs someone other than
// who made the dry run, so a dry run made here is approved by a person in the web app or the API.
// `run` is the scheduled job once: every approved run is run (the server runs it on its own).
// Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "cli/cli.hpp"
#include "cli/record_commands.hpp"

namespace redress::cli {

// `run --files DIR` removes the disposed cases' files when `open_files` is given.
std::unique_ptr<RecordCommands> RegisterRetentionCommands(CommandHost& host, CLI::App& app,
                                                          const FileStoreOpener& open_files);

}  // namespace redress::cli
