#pragma once

// The PostgreSQL repository of saved views of the case list (issue 18; migration 0009's
// `saved_views`), working through the transaction's connection.

#include "app/saved_view_repository.hpp"
#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

class PostgresSavedViewRepository final : public app::SavedViewRepository {
 public:
  explicit PostgresSavedViewRepository(Connection& connection) : connection_(connection) {}
  Result<std::vector<app::SavedView>> ListFor(std::string_view username,
                                              std::string_view team) override;
  Result<app::SavedView> Load(std::int64_t id) override;
  Result<app::SavedView> Insert(app::SavedView view) override;
  Status Update(const app::SavedView& view) override;
  Status Delete(std::int64_t id) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::postgres
