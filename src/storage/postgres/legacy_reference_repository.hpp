#pragma once

// Imported cases' legacy references on PostgreSQL (app::LegacyReferenceRepository; migration
// 0014's `legacy_references`), on the transaction's connection.

#include "app/legacy_reference_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresLegacyReferenceRepository final : public app::LegacyReferenceRepository {
 public:
  explicit PostgresLegacyReferenceRepository(Connection& connection) : connection_(connection) {}
  Result<std::optional<std::string>> Find(std::string_view system,
                                          std::string_view legacy_reference) override;
  Status Add(std::string_view system, std::string_view legacy_reference,
             std::string_view complaint_reference, std::string_view imported_at) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
