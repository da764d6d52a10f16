#include "storage/postgres/test_database.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <stdexcept>
#include <utility>

#include "storage/postgres/connection.hpp"

namespace redress::storage::postgres {

namespace {

std::string UniqueSchemaName() {
  static std::atomic<int> counter{0};
  const auto now = std::chrono::steady_clock::now().time_since_epoch().count();
  return "test_" + std::to_string(getpid()) + "_" + std::to_string(now % 1000000007) + "_" +
         std::to_string(counter++);
}

void RunOrThrow(const std::string& url, const std::string& sql) {
  Result<std::unique_ptr<Connection>> connection = Connection::Open(url);
  if (!connection) throw std::runtime_error(connection.error().message);
  if (Status ran = (*connection)->RunScript(sql); !ran) {
    throw std::runtime_error(ran.error().message);
  }
}

}  // namespace

std::optional<TestDatabase> TestDatabase::Create() {
  const char* url = std::getenv("REDRESS_TEST_POSTGRES_URL");
  if (url == nullptr || *url == '\0') return std::nullopt;
  std::string schema = UniqueSchemaName();
  RunOrThrow(url, "CREATE SCHEMA " + schema);
  return TestDatabase(url, std::move(schema));
}

TestDatabase::TestDatabase(std::string base_url, std::string schema)
    : base_url_(std::move(base_url)), schema_(std::move(schema)) {
  const char separator = base_url_.find('?') == std::string::npos ? '?' : '&';
  url_ = base_url_ + separator + "options=-csearch_path%3D" + schema_;
}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : base_url_(std::move(other.base_url_)),
      schema_(std::exchange(other.schema_, std::string())),
      url_(std::move(other.url_)) {}

TestDatabase::~TestDatabase() {
  if (schema_.empty()) return;
  try {
    RunOrThrow(base_url_, "DROP SCHEMA " + schema_ + " CASCADE");
  } catch (const std::exception&) {
    // The cluster is thrown away after the run: a schema left behind costs nothing.
  }
}

}  // namespace redress::storage::postgres
