#pragma once

// The SQLite repository of saved views of the case list (issue 18; migration 0021's
// `saved_views`), working through the transaction's connection.

#include "app/saved_view_repository.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

class SqliteSavedViewRepository final : public app::SavedViewRepository {
 public:
  explicit SqliteSavedViewRepository(Connection& connection) : connection_(connection) {}
  Result<std::vector<app::SavedView>> ListFor(std::string_view username,
                                              std::string_view team) override;
  Result<app::SavedView> Load(std::int64_t id) override;
  Result<app::SavedView> Insert(app::SavedView view) override;
  Status Update(const app::SavedView& view) override;
  Status Delete(std::int64_t id) override;

 private:
  Connection& connection_;
};

}  // namespace redress::storage::sqlite
