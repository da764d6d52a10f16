#pragma once

// The import from a legacy system through the API (app/legacy_import.hpp; docs/legacy-import.md):
//
//   POST /api/v1/imports/complaints   {"mapping": TOML text, "csv": CSV text, "file_name": "…",
//                                      "dry_run": true|false}
//
// answers the import's report (200): rows read, cases imported (a dry run: that would be),
// references imported before and skipped, and every problem by row and column; a run with
// problems imported nothing. A mapping that is not one is a 422 naming each of its problems
// ("mapping" fields by TOML key). Needs core::Permission::kManageConfiguration (administrators).
// For exports beyond the request size limit, `redress import complaints` reads files of any size.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoint above to `router`; `store` and `clock` must outlive it.
void RegisterImportRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
