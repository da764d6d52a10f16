#pragma once

// `redress serve`: the API assembled from its parts and served until SIGTERM or SIGINT.

#include "app/ports.hpp"
#include "core/result.hpp"
#include "http/server.hpp"

namespace redress::http {

// Serves the API on `store` until a signal stops it; logs to standard output a line when it
// listens ({"ts", "message": "listening", "address"}), one per request and one when it stops.
// Fails when the address cannot be bound (see Server::Listen).
core::Status Serve(const ServerOptions& options, app::Store& store, const app::Clock& clock);

}  // namespace redress::http
