#pragma once

// The repositories not yet written for PostgreSQL (none today): a new aggregate's stub class
// goes here, each method answering kUnavailable, naming itself (NotYetOnPostgres), so that a
// command or request that needs one fails clearly rather than wrongly. Each class goes when its
// real repository (<aggregate>_repository.cpp here) replaces it.

#include <string>
#include <string_view>

#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

inline tl::unexpected<Error> NotYetOnPostgres(std::string_view what) {
  return Fail(ErrorCode::kUnavailable, std::string(what) + " is not yet available on PostgreSQL");
}

}  // namespace redress::storage::postgres
