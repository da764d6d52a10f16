#pragma once

// The repositories not yet written for PostgreSQL: each method answers kUnavailable, naming
// itself (NotYetOnPostgres), so that a command or request that needs one fails clearly rather
// than wrongly. Each class goes when its real repository (<aggregate>_repository.cpp here)
// replaces it. (None is pending today; a new aggregate's stub is added here.)

#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

inline tl::unexpected<Error> NotYetOnPostgres(std::string_view what) {
  return Fail(ErrorCode::kUnavailable, std::string(what) + " is not yet available on PostgreSQL");
}

}  // namespace redress::storage::postgres
