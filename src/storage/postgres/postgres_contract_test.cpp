// The store contract (src/storage/contract) on PostgreSQL: every test in a schema of its own on
// the test cluster (REDRESS_TEST_POSTGRES_URL); skipped without one.

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "storage/contract/store_contract.hpp"
#include "storage/postgres/connection.hpp"
#include "storage/postgres/postgres_store.hpp"
#include "storage/postgres/test_database.hpp"

namespace redress::storage::postgres {
namespace {

class PostgresFactory final : public contract::StoreFactory {
 public:
  PostgresFactory() {
    std::optional<TestDatabase> created = TestDatabase::Create();
    if (!created) throw std::runtime_error("REDRESS_TEST_POSTGRES_URL is not set");
    database_.emplace(std::move(*created));
  }

  core::Result<std::unique_ptr<app::Store>> Open(const app::Clock& clock) override {
    core::Result<std::unique_ptr<PostgresStore>> opened =
        PostgresStore::Open(database_->url(), clock);
    if (!opened) return tl::unexpected(opened.error());
    return std::unique_ptr<app::Store>(std::move(*opened));
  }
  void Execute(const std::string& sql) override {
    if (Status ran = Connect().RunScript(sql); !ran) throw std::runtime_error(ran.error().message);
  }
  std::vector<std::string> Column(const std::string& sql) override {
    std::unique_ptr<Connection> connection = ConnectOwned();
    Result<Rows> rows = connection->Query(sql);
    if (!rows) throw std::runtime_error(rows.error().message);
    std::vector<std::string> values;
    for (int row = 0; row < rows->size(); ++row) values.push_back(rows->Row(row).Text());
    return values;
  }

 private:
  std::unique_ptr<Connection> ConnectOwned() {
    Result<std::unique_ptr<Connection>> connection = Connection::Open(database_->url());
    if (!connection) throw std::runtime_error(connection.error().message);
    return std::move(*connection);
  }
  Connection& Connect() {
    connection_ = ConnectOwned();
    return *connection_;
  }

  std::optional<TestDatabase> database_;
  std::unique_ptr<Connection> connection_;
};

contract::StoreEngine PostgresEngine() {
  return {"Postgres", [] { return std::make_unique<PostgresFactory>(); }};
}

}  // namespace
}  // namespace redress::storage::postgres

namespace redress::storage::contract {

REDRESS_INSTANTIATE_STORE_CONTRACT(Postgres, postgres::PostgresEngine());

}  // namespace redress::storage::contract
