#pragma once

// The command line's `sar` group: subject access requests (app/subject_access.hpp).
//
//   redress sar list|show|create|extend|complete|withdraw --db PATH ...
//
// Options are named after the API's fields (`--requester-name`, `--told-on`), so an error naming
// a field names its option. Each runs one use case as the command line's system actor; a step
// reads the request and applies the step at the version read. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "app/subject_access_bundle.hpp"
#include "cli/cli.hpp"
#include "cli/record_commands.hpp"

namespace redress::cli {

// `sar bundle` is registered only when `open_files` and `archive` are given (cli::Dependencies).
std::unique_ptr<RecordCommands> RegisterSarCommands(CommandHost& host, CLI::App& app,
                                                    const FileStoreOpener& open_files,
                                                    app::ArchiveWriter* archive);

}  // namespace redress::cli
