#pragma once

// A real SQLite database in a fresh temporary directory, removed when the test ends, with a clock
// the test sets.

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "app/manual_clock.hpp"
#include "storage/sqlite/sqlite_store.hpp"

namespace redress::testing {

class TempDatabase {
 public:
  TempDatabase() {
    std::string pattern = (std::filesystem::temp_directory_path() / "redress-test-XXXXXX").string();
    directory_ = mkdtemp(pattern.data());
  }
  ~TempDatabase() { std::filesystem::remove_all(directory_); }
  TempDatabase(const TempDatabase&) = delete;
  TempDatabase& operator=(const TempDatabase&) = delete;

  std::string path(const std::string& name = "redress.db") const {
    return (std::filesystem::path(directory_) / name).string();
  }

  std::unique_ptr<storage::sqlite::SqliteStore> Open(const app::Clock& clock,
                                                     const std::string& name = "redress.db") {
    auto store = storage::sqlite::SqliteStore::Open(path(name), clock);
    EXPECT_TRUE(store.has_value()) << (store ? "" : store.error().message);
    return store ? std::move(*store) : nullptr;
  }

 private:
  std::string directory_;
};

inline core::Date D(const char* iso) { return *core::Date::Parse(iso); }

}  // namespace redress::testing
