#include "cli/sso_commands.hpp"

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "app/organisation.hpp"
#include "app/single_sign_on.hpp"

namespace redress::cli {
namespace {

using core::Status;

// "CLAIM:VALUE=ROLE" or "CLAIM:VALUE=ROLE@TEAM", e.g. "roles:Redress.Admin=admin".
std::optional<core::RoleMappingRule> ParseMapping(const std::string& text) {
  const std::size_t colon = text.find(':');
  const std::size_t equals = text.rfind('=');
  if (colon == std::string::npos || equals == std::string::npos || equals < colon) {
    return std::nullopt;
  }
  const std::size_t at = text.find('@', equals);
  auto claim = core::ParseMappedClaim(text.substr(0, colon));
  auto role = core::ParseRole(
      text.substr(equals + 1, at == std::string::npos ? std::string::npos : at - equals - 1));
  if (!claim || !role) return std::nullopt;
  return core::RoleMappingRule{*claim, text.substr(colon + 1, equals - colon - 1), *role,
                               at == std::string::npos ? "" : text.substr(at + 1)};
}

void PrintSettings(const app::OidcSettings& settings, std::ostream& out) {
  out << "enabled " << (settings.enabled ? "yes" : "no") << '\n'
      << "display name " << settings.display_name << '\n'
      << "issuer " << settings.issuer << '\n'
      << "client id " << settings.client_id << '\n'
      << "client secret from "
      << (settings.client_secret_source.empty() ? "(none: public client)"
                                                : settings.client_secret_source)
      << '\n'
      << "redirect url " << settings.redirect_url << '\n'
      << "create users " << (settings.create_users ? "yes" : "no") << '\n'
      << "password sign-in " << core::ToString(settings.password_sign_in) << '\n'
      << "break-glass username " << settings.break_glass_username << '\n';
  for (const core::RoleMappingRule& rule : settings.role_mappings) {
    out << "map " << core::ToString(rule.claim) << ':' << rule.value << '='
        << core::ToString(rule.role) << (rule.team.empty() ? "" : "@" + rule.team) << '\n';
  }
}

class SsoCommands final : public RecordCommands {
 public:
  SsoCommands(CommandHost& host, CLI::App& app, app::IdentityProvider& provider)
      : host_(host), provider_(provider) {
    CLI::App* oidc = app.add_subcommand(
        "oidc", "sign-in with the organisation's OpenID Connect provider (docs/sso.md)");
    oidc->require_subcommand(1);

    CLI::App* configure = oidc->add_subcommand(
        "configure", "change the provider's configuration (options not given are kept)");
    host_.AddDatabaseOption(configure);
    configure->add_option("--enabled", enabled_, "true or false: offer it on the sign-in page");
    configure->add_option("--display-name", display_name_, "shown as \"Sign in with <name>\"");
    configure->add_option("--issuer", issuer_, "the issuer URL (for Entra ID, the tenant's)");
    configure->add_option("--client-id", client_id_, "Redress's application (client) id");
    auto* secret_env = configure->add_option("--client-secret-env", secret_env_,
                                             "the server's environment variable with the secret");
    configure
        ->add_option("--client-secret-file", secret_file_,
                     "a file the server reads the secret from (absolute path)")
        ->excludes(secret_env);
    configure->add_flag("--public-client", public_client_, "no secret: PKCE only");
    configure->add_option("--redirect-url", redirect_url_,
                          "https://<this server>/api/v1/oidc/callback");
    configure->add_option("--create-users", create_users_,
                          "true or false: the first sign-in creates the user");
    configure->add_option("--password-sign-in", password_sign_in_, "everyone or break_glass_only");
    configure->add_option("--break-glass-username", break_glass_,
                          "the local admin who may always sign in with a password");
    configure->add_option("--map", mappings_,
                          "CLAIM:VALUE=ROLE[@TEAM], in order, replacing the mapping; CLAIM is "
                          "roles or groups");
    host_.RunWithStore(configure, [this](app::Store& store) { return Configure(store); });

    CLI::App* show = oidc->add_subcommand("show", "print the configuration");
    host_.AddDatabaseOption(show);
    host_.RunWithStore(show, [this](app::Store& store) -> Status {
      auto settings = app::GetOidcSettings(store);
      if (!settings) return tl::unexpected(settings.error());
      if (!*settings) {
        host_.out() << "not configured\n";
        return {};
      }
      PrintSettings(**settings, host_.out());
      return {};
    });

    CLI::App* test =
        oidc->add_subcommand("test", "fetch the provider's discovery document and signing keys");
    host_.AddDatabaseOption(test);
    host_.RunWithStore(test, [this](app::Store& store) -> Status {
      auto tested = app::TestProviderConnection(store, provider_);
      if (!tested) return tl::unexpected(tested.error());
      host_.out() << "issuer " << tested->provider.issuer << '\n'
                  << "authorization endpoint " << tested->provider.authorization_endpoint << '\n'
                  << "token endpoint " << tested->provider.token_endpoint << '\n'
                  << "end session endpoint "
                  << (tested->provider.end_session_endpoint.empty()
                          ? "(none)"
                          : tested->provider.end_session_endpoint)
                  << '\n'
                  << "signing keys " << tested->signing_keys << '\n';
      return {};
    });
  }

 private:
  Status Configure(app::Store& store) {
    auto current = app::GetOidcSettings(store);
    if (!current) return tl::unexpected(current.error());
    app::OidcSettings settings = current->value_or(app::OidcSettings{});
    core::FieldErrors errors;
    const auto boolean = [&](const std::optional<std::string>& text, const char* field,
                             bool& target) {
      if (!text) return;
      if (*text == "true" || *text == "false") {
        target = *text == "true";
      } else {
        errors.Add(field, "must be true or false, got '" + *text + "'");
      }
    };
    boolean(enabled_, "enabled", settings.enabled);
    boolean(create_users_, "create_users", settings.create_users);
    if (display_name_) settings.display_name = *display_name_;
    if (issuer_) settings.issuer = *issuer_;
    if (client_id_) settings.client_id = *client_id_;
    if (secret_env_) settings.client_secret_source = "env:" + *secret_env_;
    if (secret_file_) settings.client_secret_source = "file:" + *secret_file_;
    if (public_client_) settings.client_secret_source.clear();
    if (redirect_url_) settings.redirect_url = *redirect_url_;
    if (password_sign_in_) {
      if (auto policy = core::ParsePasswordSignIn(*password_sign_in_)) {
        settings.password_sign_in = *policy;
      } else {
        errors.Add("password_sign_in",
                   "must be everyone or break_glass_only, got '" + *password_sign_in_ + "'");
      }
    }
    if (break_glass_) settings.break_glass_username = *break_glass_;
    if (!mappings_.empty()) {
      settings.role_mappings.clear();
      for (const std::string& text : mappings_) {
        if (auto rule = ParseMapping(text)) {
          settings.role_mappings.push_back(*rule);
        } else {
          errors.Add("map", "must be CLAIM:VALUE=ROLE[@TEAM] with CLAIM roles or groups, got '" +
                                text + "'");
        }
      }
    }
    if (!errors.empty()) return errors.ToError();
    auto saved = app::SaveOidcSettings(store, host_.clock(), app::SystemActor(), settings);
    if (!saved) return tl::unexpected(saved.error());
    PrintSettings(*saved, host_.out());
    return {};
  }

  CommandHost& host_;
  app::IdentityProvider& provider_;
  std::optional<std::string> enabled_;
  std::optional<std::string> display_name_;
  std::optional<std::string> issuer_;
  std::optional<std::string> client_id_;
  std::optional<std::string> secret_env_;
  std::optional<std::string> secret_file_;
  bool public_client_ = false;
  std::optional<std::string> redirect_url_;
  std::optional<std::string> create_users_;
  std::optional<std::string> password_sign_in_;
  std::optional<std::string> break_glass_;
  std::vector<std::string> mappings_;
};

}  // namespace

std::unique_ptr<RecordCommands> RegisterSsoCommands(CommandHost& host, CLI::App& app,
                                                    app::IdentityProvider& provider) {
  return std::make_unique<SsoCommands>(host, app, provider);
}

}  // namespace redress::cli
