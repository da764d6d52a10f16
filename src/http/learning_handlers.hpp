#pragma once

// The endpoints of learning actions. Each handler parses the request (learning_mapping), calls one
// use case (app/learning.hpp) and renders its answer.
//
//   GET  /api/v1/learning                           the lessons-learned view (filters)
//   POST /api/v1/learning                           raise an action → 201
//   GET  /api/v1/learning/{reference}               one; ETag
//   PUT  /api/v1/learning/{reference}               replace; If-Match required
//
// Reading needs core::Permission::kViewCases; changing needs kManageLearning.

#include "app/ports.hpp"
#include "http/router.hpp"

namespace redress::http {

// Adds the endpoints above to `router`; `store` and `clock` must outlive it.
void RegisterLearningRoutes(Router& router, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
