#pragma once

// Reference numbers on PostgreSQL: gap-free and unique per prefix and year with any number of
// writers. A counter row per prefix and year (reference_sequences) is created or advanced by one
// INSERT ... ON CONFLICT DO UPDATE ... RETURNING inside the transaction that uses the number. The
// row stays locked until that transaction ends: a concurrent writer of the same series waits,
// then (READ COMMITTED) advances the committed value, so no number is taken twice; a rolled-back
// transaction takes its increment with it, so none is skipped. Not a SEQUENCE, which leaves a
// gap at every rollback.

#include <cstdint>
#include <string>
#include <string_view>

#include "storage/common/references.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

using common::FormatReference;
using common::kFirstReferenceNumber;

// Takes the next number of the series `prefix` for `year` inside the open transaction and returns
// its reference.
Result<std::string> NextReference(Connection& connection, std::string_view prefix, int year);

// Takes the next number of the series `prefix` for `year` inside the open transaction.
Result<std::int64_t> NextReferenceNumber(Connection& connection, std::string_view prefix, int year);

}  // namespace redress::storage::postgres
