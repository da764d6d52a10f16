// The store contract (src/storage/contract) on SQLite: every test on a new database file in a
// temporary directory.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "storage/contract/store_contract.hpp"
#include "storage/sqlite/sqlite_store.hpp"
#include "storage/sqlite/test_database.hpp"

namespace redress::storage::sqlite {
namespace {

class SqliteFactory final : public contract::StoreFactory {
 public:
  core::Result<std::unique_ptr<app::Store>> Open(const app::Clock& clock) override {
    core::Result<std::unique_ptr<SqliteStore>> opened = SqliteStore::Open(path_, clock);
    if (!opened) return tl::unexpected(opened.error());
    return std::unique_ptr<app::Store>(std::move(*opened));
  }
  void Execute(const std::string& sql) override { RawDatabase(path_).Execute(sql); }
  std::vector<std::string> Column(const std::string& sql) override {
    return RawDatabase(path_).Column(sql);
  }

 private:
  TempDir directory_;
  std::string path_ = (directory_.path() / "redress.db").string();
};

contract::StoreEngine SqliteEngine() {
  return {"Sqlite", [] { return std::make_unique<SqliteFactory>(); }};
}

}  // namespace
}  // namespace redress::storage::sqlite

namespace redress::storage::contract {

REDRESS_INSTANTIATE_STORE_CONTRACT(Sqlite, sqlite::SqliteEngine());

}  // namespace redress::storage::contract
