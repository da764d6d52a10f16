#pragma once

// The command line's commands that record and change Ombudsman cases, Complaint Handling Failure
// Orders, the LGSCO annual letter, learning actions and the Code self-assessment (their views are
// in ombudsman_output). Each runs one use case as the command line's system actor. A change to an
// existing record reads it, applies the options given and replaces it at the version read, so a
// change made meanwhile by someone else is refused (exit 5), never overwritten. Options are named
// after the API's fields (`--information-due-on` for information_due_on), so an error naming a
// field names its option. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <functional>
#include <memory>
#include <ostream>
#include <string>

#include "app/ports.hpp"
#include "core/date.hpp"
#include "core/result.hpp"

namespace redress::cli {

// What these commands need from the command line that hosts them.
class CommandHost {
 public:
  using StoreWork = std::function<core::Status(app::Store& store)>;
  using Work = std::function<core::Status()>;

  virtual ~CommandHost() = default;
  virtual void AddDatabaseOption(CLI::App* command) = 0;
  // Makes `command` open the database when it runs, run `work` on it and report its status.
  virtual void RunWithStore(CLI::App* command, StoreWork work) = 0;
  // Makes `command` run `work` when it runs and report its status.
  virtual void Run(CLI::App* command, Work work) = 0;
  // A --db option that may be left out, described as `description`.
  virtual void AddOptionalDatabaseOption(CLI::App* command, const std::string& description) = 0;
  // The database --db names, opened (never created); null when --db was not given.
  virtual core::Result<std::unique_ptr<app::Store>> OpenNamedStore() = 0;
  virtual const app::Clock& clock() const = 0;
  virtual std::ostream& out() = 0;
};

// A date option's value: a real date YYYY-MM-DD within the calendar's years, or a field error
// naming `name`.
core::Result<core::Date> ParseDateOption(const std::string& name, const std::string& text);

// Writes a document's bytes to the file `path`, or to `out` when path is "-"; a field error naming
// "out" when the file cannot be written.
core::Status WriteDocument(std::ostream& out, const std::string& path, const std::string& bytes);

// The registered commands: they hold the values of their options, so they must outlive parsing.
class RecordCommands {
 public:
  virtual ~RecordCommands() = default;
};

// Registers the commands under the existing command groups.
std::unique_ptr<RecordCommands> RegisterRecordCommands(CommandHost& host, CLI::App& ombudsman,
                                                       CLI::App& learning,
                                                       CLI::App& self_assessment);

}  // namespace redress::cli
