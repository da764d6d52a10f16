#pragma once

// The command line's `oidc` group: sign-in with the organisation's OpenID Connect provider
// (app/single_sign_on.hpp, docs/sso.md). `oidc configure` changes the options given and keeps
// the rest; `oidc show` prints the configuration; `oidc test` fetches the provider's discovery
// document and keys. Options are named after the API's fields (`--client-id` for client_id).
// Internal to redress::cli.

#include <CLI/CLI.hpp>
#include <memory>

#include "app/identity_provider.hpp"
#include "cli/record_commands.hpp"

namespace redress::cli {

// Registers the `oidc` group on `app`. `provider` (which `oidc test` uses) must outlive parsing
// and running; the result holds the options' values and must outlive parsing.
std::unique_ptr<RecordCommands> RegisterSsoCommands(CommandHost& host, CLI::App& app,
                                                    app::IdentityProvider& provider);

}  // namespace redress::cli
