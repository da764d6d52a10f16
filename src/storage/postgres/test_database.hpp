#pragma once

// For tests: a schema of its own on the test cluster (REDRESS_TEST_POSTGRES_URL, set by ctest's
// `postgres` fixture), so that tests run in parallel on one database without seeing each other.
// Dropped with everything in it when the object goes.

#include <optional>
#include <string>

namespace redress::storage::postgres {

class TestDatabase {
 public:
  // nullopt when REDRESS_TEST_POSTGRES_URL is not set (the caller skips its test).
  static std::optional<TestDatabase> Create();

  TestDatabase(TestDatabase&& other) noexcept;
  TestDatabase& operator=(TestDatabase&&) = delete;
  TestDatabase(const TestDatabase&) = delete;
  ~TestDatabase();

  // A libpq URL whose connections work in the schema (search_path).
  const std::string& url() const { return url_; }
  const std::string& schema() const { return schema_; }

 private:
  TestDatabase(std::string base_url, std::string schema);

  std::string base_url_;
  std::string schema_;
  std::string url_;
};

}  // namespace redress::storage::postgres
