#pragma once

// The endpoints of retention and disposal (issue 20, docs/data-protection.md). Each handler
// parses the request, calls one use case (app/disposal.hpp) and renders its answer. All need
// core::Permission::kManageConfiguration (administrators).
//
//   GET  /api/v1/retention/rules                         every period, configured or default
//   PUT  /api/v1/retention/rules                         {record, regime, years_after_closure}
//   GET  /api/v1/complaints/{reference}/holds            the complaint's holds
//   POST /api/v1/complaints/{reference}/holds            {kind, reason} → 201
//   POST /api/v1/retention/holds/{id}/release            {reason}
//   GET  /api/v1/disposal-runs                           newest first, without items
//   POST /api/v1/disposal-runs                           a dry run as at today → 201
//   GET  /api/v1/disposal-runs/{id}                      the run with every item
//   POST /api/v1/disposal-runs/{id}/approve              by someone other than who made it
//   POST /api/v1/disposal-runs/{id}/cancel
//   POST /api/v1/complaints/{reference}/redactions       {target, reason} → 201
//   (RegisterRedactionRoutes)
//
// An approved run is run by the server's scheduled job (app::ExecuteApprovedDisposalRuns) or by
// `redress retention run`.

#include "app/attachments.hpp"
#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterRetentionRoutes(Router& router, app::Store& store, const app::Clock& clock);
// Adds the redaction endpoint, which removes a redacted file through the server's attachment
// context (its file store and content lock); `context` must outlive the router.
void RegisterRedactionRoutes(Router& router, const app::AttachmentContext& context);

}  // namespace redress::http
