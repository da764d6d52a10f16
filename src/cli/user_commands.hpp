#pragma once

// The command line's `user update`: changes a user's display name, email address (where their
// reminders go) and reminder digest, as the API's PATCH /users/{username} does; `user add` is in
// cli.cpp. Options are named after the API's fields. Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "app/password_policy.hpp"
#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers `update` under the `user` group; the result holds the options' values and must
// outlive parsing.
std::unique_ptr<RecordCommands> RegisterUserCommands(CommandHost& host, CLI::App& user,
                                                     const app::PasswordPolicy& policy);

}  // namespace redress::cli
