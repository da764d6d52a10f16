#pragma once

// The endpoints of saved views of the case list (issue 18). Each handler parses the request,
// calls one use case (app/saved_views.hpp) and renders its answer.
//
//   GET    /api/v1/saved-views        the user's views, then those their team shares
//   POST   /api/v1/saved-views        {name, query, shared?} → 201
//   PUT    /api/v1/saved-views/{id}   {name, query, shared?}: rename, new filters, sharing
//   DELETE /api/v1/saved-views/{id}   → 204
//
// `query` is the case list's query string (GET /api/v1/complaints's parameters, no cursor or
// limit), checked here by the list's own parser so that a saved view always opens. Every
// signed-in member of staff who may view cases has views; only a view's owner changes it.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterSavedViewRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
