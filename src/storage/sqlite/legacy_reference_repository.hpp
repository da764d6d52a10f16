#pragma once

// The SQLite repository of imported cases' legacy references (issue 20; migration 0026's
// `legacy_references`), working through the transaction's connection.

#include "app/legacy_reference_repository.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

class SqliteLegacyReferenceRepository final : public app::LegacyReferenceRepository {
 public:
  explicit SqliteLegacyReferenceRepository(Connection& connection) : connection_(connection) {}
  Result<std::optional<std::string>> Find(std::string_view system,
                                          std::string_view legacy_reference) override;
  Status Add(std::string_view system, std::string_view legacy_reference,
             std::string_view complaint_reference, std::string_view imported_at) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
