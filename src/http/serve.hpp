#pragma once

// `redress serve`: the API assembled from its parts and served until SIGTERM or SIGINT.

#include <filesystem>
#include <functional>

#include "app/attachments.hpp"
#include "app/file_store.hpp"
#include "app/identity_provider.hpp"
#include "app/password_policy.hpp"
#include "app/ports.hpp"
#include "app/subject_access_bundle.hpp"
#include "core/result.hpp"
#include "http/application.hpp"
#include "http/auth.hpp"
#include "http/router.hpp"
#include "http/server.hpp"

namespace redress::http {

// Serves the API on `store` until a signal stops it; logs to `log` (standard output unless told
// otherwise: StdoutLogSink, FileLogSink) a line when it listens ({"ts", "message": "listening",
// "address"}), one per request and one when it stops. Fails when the address cannot be bound (see
// Server::Listen). `cookie_security` decides whether the session cookie is marked Secure,
// `transport` whether answers carry HSTS. The web application is served from `web_root` when it
// holds a build (index.html); without one only the API is served, and the log says so.
// `password_policy` decides which new passwords the API accepts. Sign-ins share one
// app::SignInGuard for the life of the server (bounded password checks, per-address allowance).
// Staff may sign in with the organisation's OpenID Connect provider through `identity_provider`
// (http/sso_handlers.hpp) when it is configured.
//
// Attached files go to `attachments.files`, typed by `attachments.detector` and scanned by
// `attachments.scanner` (null: not scanned); before serving, what an interrupted process left in
// the file store is swept (app::SweepOrphanFiles) and the count logged.
// A subject access bundle is written by `attachments.archive` (files/zip_archive.hpp), given by
// the composition root like the other adapters.
struct AttachmentPorts {
  app::FileStore* files = nullptr;
  const app::MediaTypeDetector* detector = nullptr;
  app::VirusScanner* scanner = nullptr;
  app::ArchiveWriter* archive = nullptr;
};
//
// `more_routes`, when given, adds routes of layers above http (the resident's portal) to the
// router before it serves; it is given the server's attachment context (the one content lock of
// the process), which outlives the router.
using RouteAdder = std::function<void(Router&, const app::AttachmentContext&)>;
core::Status Serve(const ServerOptions& options, CookieSecurity cookie_security,
                   TransportSecurity transport, const std::filesystem::path& web_root,
                   const LogSink& log, app::Store& store, const app::Clock& clock,
                   const app::PasswordPolicy& password_policy, const AttachmentPorts& attachments,
                   app::IdentityProvider& identity_provider,
                   const RouteAdder& more_routes = nullptr);

}  // namespace redress::http
