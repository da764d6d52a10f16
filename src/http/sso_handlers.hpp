#pragma once

// Sign-in with the organisation's OpenID Connect provider (app/single_sign_on.hpp; docs/sso.md):
//
//   GET  /api/v1/sign-in-options      public: what the sign-in page offers
//   GET  /api/v1/oidc/start           public: 302 to the provider's authorisation page
//   GET  /api/v1/oidc/callback        public: the provider's answer → 302 to the web app, signed
//                                     in (session cookie; the CSRF token in the fragment,
//                                     /sign-in/complete#csrf_token=…) or refused
//                                     (/sign-in?refused=<reason>); the technical reason is logged
//   GET  /api/v1/oidc/logout          signed in: the provider's logout URL for the caller, if any
//   GET  /api/v1/admin/oidc           the configuration (kManageConfiguration)
//   PUT  /api/v1/admin/oidc           save it
//   POST /api/v1/admin/oidc/test      fetch the discovery document and the keys

#include "app/identity_provider.hpp"
#include "app/ports.hpp"
#include "http/application.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"

namespace redress::http {

// The web app's page a finished sign-in lands on, and the one a refusal goes back to.
inline constexpr std::string_view kSignedInPage = "/sign-in/complete";
inline constexpr std::string_view kSignInPage = "/sign-in";

// Adds the routes above; `store`, `clock`, `provider` and `log` must outlive the router.
void RegisterSsoRoutes(Router& router, app::Store& store, const app::Clock& clock,
                       app::IdentityProvider& provider, CookieSecurity cookie_security,
                       LogSink log);

}  // namespace redress::http
