#include "storage/sqlite/database_file.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace redress::storage::sqlite {

core::Error NoDatabaseError(const std::string& path, const std::string& reason) {
  return core::Error{core::ErrorCode::kNotFound,
                     "no Redress database at " + path + " (" + reason +
                         "); check --db, or create one with: redress init --db " + path,
                     {}};
}

namespace {

// Whether the file at `path` holds Redress's schema (the table of applied migrations). Asked on
// a connection of its own, before the store's writer configures the file (WAL mode writes its
// header), so that a file which is refused is left exactly as it was.
core::Result<bool> HasSchema(const std::string& path) {
  sqlite3* raw = nullptr;
  int code = sqlite3_open_v2(path.c_str(), &raw, SQLITE_OPEN_READWRITE, nullptr);
  sqlite3_stmt* statement = nullptr;
  if (code == SQLITE_OK) {
    code = sqlite3_prepare_v2(
        raw,
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'",
        -1, &statement, nullptr);
  }
  bool found = false;
  if (code == SQLITE_OK) {
    code = sqlite3_step(statement);
    if (code == SQLITE_ROW) {
      found = sqlite3_column_int64(statement, 0) > 0;
      code = SQLITE_OK;
    }
  }
  const std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(code);
  sqlite3_finalize(statement);
  sqlite3_close(raw);
  if (code != SQLITE_OK) {
    return core::Fail(core::ErrorCode::kStorage,
                      "cannot open the database " + path + ": " + message);
  }
  return found;
}

}  // namespace

core::Status PrepareDatabaseFile(const std::string& path, app::OpenMode mode) {
  struct stat status {};
  if (::stat(path.c_str(), &status) == 0) {
    if (mode == app::OpenMode::kCreate) return {};
    // An empty file, or any SQLite database without Redress's schema, is not a council's data:
    // migrating would make it one, empty.
    core::Result<bool> has_schema = HasSchema(path);
    if (!has_schema) return tl::unexpected(has_schema.error());
    if (!*has_schema) {
      return tl::unexpected(NoDatabaseError(path, "the file holds no Redress schema"));
    }
    return {};
  }
  if (errno != ENOENT) {
    return core::Fail(core::ErrorCode::kStorage,
                      "cannot open the database " + path + ": " + std::strerror(errno));
  }
  if (mode == app::OpenMode::kExisting) {
    return tl::unexpected(NoDatabaseError(path, "the file does not exist"));
  }
  // O_EXCL: should another process create it meanwhile, its file and mode are kept.
  const int descriptor = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0);
  if (descriptor < 0) {
    if (errno == EEXIST) return {};
    return core::Fail(core::ErrorCode::kStorage,
                      "cannot create the database " + path + ": " + std::strerror(errno));
  }
  // Created with no permissions, then given exactly kDatabaseFileMode: fchmod ignores the umask,
  // which could otherwise take the owner's own bits away, and no one else can open the file
  // meanwhile.
  const int changed = ::fchmod(descriptor, kDatabaseFileMode);
  const int change_error = errno;
  ::close(descriptor);
  if (changed != 0) {
    return core::Fail(core::ErrorCode::kStorage, "cannot set the mode of the database " + path +
                                                     ": " + std::strerror(change_error));
  }
  return {};
}

}  // namespace redress::storage::sqlite
