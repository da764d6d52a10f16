#include "http/sso_handlers.hpp"

#include <nlohmann/json.hpp>
#include <utility>

#include "app/single_sign_on.hpp"
#include "core/identity.hpp"
#include "core/role.hpp"
#include "http/json_mapping.hpp"
#include "http/json_reader.hpp"
#include "http/problem.hpp"
#include "http/responses.hpp"

namespace redress::http {
namespace {

constexpr int kFound = 302;
constexpr core::Role kRoles[] = {core::Role::kAdmin, core::Role::kComplaintsOfficer,
                                 core::Role::kCaseHandler, core::Role::kManager,
                                 core::Role::kViewer};
constexpr core::MappedClaim kClaims[] = {core::MappedClaim::kRoles, core::MappedClaim::kGroups};
constexpr core::PasswordSignIn kPasswordSignIns[] = {core::PasswordSignIn::kEveryone,
                                                     core::PasswordSignIn::kBreakGlassOnly};
constexpr EnumDomain<core::Role> kRoleDomain{kRoles, core::ParseRole};
constexpr EnumDomain<core::MappedClaim> kClaimDomain{kClaims, core::ParseMappedClaim};
constexpr EnumDomain<core::PasswordSignIn> kPasswordSignInDomain{kPasswordSignIns,
                                                                 core::ParsePasswordSignIn};

Response Redirect(std::string location) {
  Response response{kFound, std::string(kJsonContentType), {}, {}};
  response.headers.emplace_back("Location", std::move(location));
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

std::string QueryValue(const Request& request, std::string_view name) {
  auto found = request.query.find(name);
  return found == request.query.end() ? std::string() : found->second;
}

json SettingsToJson(const app::OidcSettings& settings) {
  json mappings = json::array();
  for (const core::RoleMappingRule& rule : settings.role_mappings) {
    mappings.push_back({{"claim", core::ToString(rule.claim)},
                        {"value", rule.value},
                        {"role", core::ToString(rule.role)},
                        {"team", rule.team}});
  }
  return {{"enabled", settings.enabled},
          {"display_name", settings.display_name},
          {"issuer", settings.issuer},
          {"client_id", settings.client_id},
          {"client_secret_source", settings.client_secret_source},
          {"redirect_url", settings.redirect_url},
          {"create_users", settings.create_users},
          {"password_sign_in", core::ToString(settings.password_sign_in)},
          {"break_glass_username", settings.break_glass_username},
          {"role_mappings", std::move(mappings)}};
}

core::Result<app::OidcSettings> ParseOidcSettings(const json& body) {
  return ReadBody<app::OidcSettings>(body, [](ObjectReader& reader) {
    app::OidcSettings settings;
    settings.enabled = reader.Boolean("enabled", Presence::kRequired).value_or(false);
    settings.display_name = reader.Text("display_name");
    settings.issuer = reader.Text("issuer");
    settings.client_id = reader.Text("client_id");
    settings.client_secret_source = reader.Text("client_secret_source");
    settings.redirect_url = reader.Text("redirect_url");
    settings.create_users = reader.Boolean("create_users", Presence::kOptional).value_or(false);
    settings.password_sign_in =
        reader.Enumerated("password_sign_in", Presence::kOptional, kPasswordSignInDomain)
            .value_or(core::PasswordSignIn::kEveryone);
    settings.break_glass_username = reader.Text("break_glass_username");
    reader.EachObject("role_mappings", [&](ObjectReader& element) {
      core::RoleMappingRule rule;
      rule.claim = element.Enumerated("claim", Presence::kRequired, kClaimDomain)
                       .value_or(core::MappedClaim::kRoles);
      rule.value = element.Text("value", Presence::kRequired);
      rule.role = element.Enumerated("role", Presence::kRequired, kRoleDomain)
                      .value_or(core::Role::kViewer);
      rule.team = element.Text("team");
      settings.role_mappings.push_back(std::move(rule));
    });
    return settings;
  });
}

}  // namespace

void RegisterSsoRoutes(Router& router, app::Store& store, const app::Clock& clock,
                       app::IdentityProvider& provider, CookieSecurity cookie_security,
                       LogSink log) {
  using P = core::Permission;
  constexpr Access kAuth = Access::kAuthenticated;
  constexpr Access kPublic = Access::kPublic;

  router.Add(
      {"GET", "/api/v1/sign-in-options", kPublic, std::nullopt, [&store](const Request& request) {
         auto options = app::GetSignInOptions(store);
         if (!options) return Problem(options.error(), request);
         return JsonAnswer(
             kOk,
             {{"password_sign_in", core::ToString(options->password_sign_in)},
              {"provider_name", options->provider_name ? json(*options->provider_name) : json()}});
       }});

  router.Add({"GET", "/api/v1/oidc/start", kPublic, std::nullopt,
              [&store, &clock, &provider, log](const Request& request) {
                auto url = app::BeginProviderSignIn(store, clock, provider);
                if (!url) {
                  log(DumpJson({{"ts", clock.NowRfc3339()},
                                {"message", "sign-in with the identity provider not started"},
                                {"request_id", request.request_id},
                                {"reason", url.error().message}}));
                  return Redirect(std::string(kSignInPage) + "?refused=" +
                                  (url.error().code == core::ErrorCode::kNotFound ? "not_configured"
                                                                                  : "unavailable"));
                }
                return Redirect(std::move(*url));
              }});

  router.Add(
      {"GET", "/api/v1/oidc/callback", kPublic, std::nullopt,
       [&store, &clock, &provider, cookie_security, log](const Request& request) {
         const app::ProviderAnswer answer{QueryValue(request, "code"), QueryValue(request, "state"),
                                          QueryValue(request, "error"),
                                          QueryValue(request, "error_description")};
         auto signed_in = app::CompleteProviderSignIn(store, clock, provider, answer);
         if (!signed_in) {
           log(DumpJson({{"ts", clock.NowRfc3339()},
                         {"message", "sign-in with the identity provider refused"},
                         {"request_id", request.request_id},
                         {"reason", signed_in.error().reason},
                         {"detail", signed_in.error().detail}}));
           return Redirect(std::string(kSignInPage) + "?refused=" + signed_in.error().reason);
         }
         // The CSRF token travels in the fragment, which browsers never send to a server
         // nor keep in the Referer; the web app stores it and clears the address.
         Response response =
             Redirect(std::string(kSignedInPage) + "#csrf_token=" + signed_in->csrf_token);
         response.headers.emplace_back("Set-Cookie",
                                       SessionSetCookie(signed_in->session_token, cookie_security));
         return response;
       }});

  router.Add({"GET", "/api/v1/oidc/logout", kAuth, std::nullopt,
              [&store, &provider](const Request& request) {
                const std::string url =
                    app::ProviderLogoutUrl(store, provider, request.actor->username);
                return JsonAnswer(kOk, {{"end_session_url", url.empty() ? json() : json(url)}});
              }});

  const std::string admin = "/api/v1/admin/oidc";
  router.Add({"GET", admin, kAuth, P::kManageConfiguration, [&store](const Request& request) {
                auto settings = app::GetOidcSettings(store);
                if (!settings) return Problem(settings.error(), request);
                return JsonAnswer(kOk, SettingsToJson(settings->value_or(app::OidcSettings{})));
              }});
  router.Add(
      {"PUT", admin, kAuth, P::kManageConfiguration, [&store, &clock](const Request& request) {
         auto body = ParseJsonBody(request);
         if (!body) return Problem(body.error(), request);
         auto settings = ParseOidcSettings(*body);
         if (!settings) return Problem(settings.error(), request);
         auto saved = app::SaveOidcSettings(store, clock, *request.actor, *settings);
         if (!saved) return Problem(saved.error(), request);
         return JsonAnswer(kOk, SettingsToJson(*saved));
       }});
  router.Add({"POST", admin + "/test", kAuth, P::kManageConfiguration,
              [&store, &provider](const Request& request) {
                auto tested = app::TestProviderConnection(store, provider);
                if (!tested) return Problem(tested.error(), request);
                return JsonAnswer(
                    kOk,
                    {{"issuer", tested->provider.issuer},
                     {"authorization_endpoint", tested->provider.authorization_endpoint},
                     {"token_endpoint", tested->provider.token_endpoint},
                     {"jwks_uri", tested->provider.jwks_uri},
                     {"end_session_endpoint", tested->provider.end_session_endpoint.empty()
                                                  ? json()
                                                  : json(tested->provider.end_session_endpoint)},
                     {"signing_keys", tested->signing_keys}});
              }});
}

}  // namespace redress::http
