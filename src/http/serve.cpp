#include "http/serve.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <shared_mutex>

#include "app/disposal.hpp"
#include "app/periodic_loop.hpp"
#include "http/admin_handlers.hpp"
#include "http/application.hpp"
#include "http/attachment_handlers.hpp"
#include "http/auth.hpp"
#include "http/handlers.hpp"
#include "http/json_mapping.hpp"
#include "http/metrics.hpp"
#include "http/retention_handlers.hpp"
#include "http/router.hpp"
#include "http/sso_handlers.hpp"
#include "http/subject_access_bundle_handlers.hpp"

namespace redress::http {

core::Status Serve(const ServerOptions& options, CookieSecurity cookie_security,
                   TransportSecurity transport, const std::filesystem::path& web_root,
                   const LogSink& log, app::Store& store, const app::Clock& clock,
                   const app::PasswordPolicy& password_policy, const AttachmentPorts& attachments,
                   app::IdentityProvider& identity_provider, const RouteAdder& more_routes) {
  Metrics metrics;
  // Shared by every sign-in of the server: the bounded password checks and per-address rates.
  app::SignInGuard sign_in_guard;
  Authenticator authenticator(store, clock, sign_in_guard);
  Handlers handlers(store, clock, metrics, sign_in_guard, cookie_security);
  AdminHandlers admin_handlers(store, clock, password_policy);
  Router router;
  handlers.Register(router);
  admin_handlers.Register(router);
  RegisterSsoRoutes(router, store, clock, identity_provider, cookie_security, log);
  // Held while content is committed or deleted (app::AttachmentContext).
  std::shared_mutex attachment_content_mutex;
  const app::AttachmentContext attachment_context{
      store, *attachments.files,      *attachments.detector, attachments.scanner,
      clock, attachment_content_mutex};
  // An engine that cannot hold attachments yet (kUnavailable) has no files to sweep: the server
  // still serves everything else, and attachment requests answer 503.
  auto swept = app::SweepOrphanFiles(attachment_context);
  if (!swept && swept.error().code != core::ErrorCode::kUnavailable) {
    return tl::unexpected(swept.error());
  }
  log(DumpJson({{"ts", clock.NowRfc3339()},
                {"message", swept ? "attached files checked"
                                  : "attached files not checked: " + swept.error().message},
                {"removed_unfinished_or_unreferenced", swept ? *swept : 0},
                {"virus_scanner", attachments.scanner != nullptr ? "clamd" : "none"}}));
  RegisterAttachmentRoutes(router, attachment_context);
  RegisterSubjectAccessBundleRoutes(router, attachment_context, *attachments.archive);
  RegisterRedactionRoutes(router, attachment_context);
  if (more_routes) more_routes(router, attachment_context);
  // The scheduled job of disposal (issue 20): an approved disposal run is run here, with the
  // server's content lock. Declared after the attachment context, so it stops before it goes.
  app::PeriodicLoop disposals(
      options.disposal_poll,
      [&store, &clock, &attachments, &attachment_content_mutex]() -> core::Result<bool> {
        return app::ExecuteApprovedDisposalRuns(store, clock,
                                                {attachments.files, &attachment_content_mutex});
      },
      [&log, &clock](const core::Error& error) {
        log(DumpJson({{"ts", clock.NowRfc3339()},
                      {"message", "the disposal run failed: " + error.message}}));
      });
  std::optional<WebApp> web_app;
  if (auto loaded = WebApp::Load(web_root)) {
    web_app = std::move(*loaded);
    log(DumpJson({{"ts", clock.NowRfc3339()},
                  {"message", "serving the web application"},
                  {"web_root", web_root.string()},
                  {"files", web_app->file_count()}}));
  } else {
    log(DumpJson({{"ts", clock.NowRfc3339()},
                  {"message", "no web application: serving the API only"},
                  {"reason", loaded.error().message}}));
  }
  Application application(std::move(router), authenticator, metrics, clock, log,
                          web_app ? &*web_app : nullptr, transport);

  Server server(options, application);
  auto port = server.Listen();
  if (!port) return tl::unexpected(port.error());
  // An IPv6 literal is bracketed in a URL.
  const std::string host =
      options.host.find(':') == std::string::npos ? options.host : "[" + options.host + "]";
  log(DumpJson({{"ts", clock.NowRfc3339()},
                {"message", "listening"},
                {"address", "http://" + host + ":" + std::to_string(*port)}}));
  auto served = server.Run();
  log(DumpJson({{"ts", clock.NowRfc3339()}, {"message", "stopped"}}));
  return served;
}

}  // namespace redress::http
