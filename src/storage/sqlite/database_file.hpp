#pragma once

// The database file itself, before SQLite opens it: whether it may be created, and with what
// mode. Internal to the SQLite adapter.

#include <sys/types.h>

#include <string>

#include "app/ports.hpp"
#include "core/result.hpp"

namespace redress::storage::sqlite {

// Owner read and write only: the database holds residents' names, addresses and complaints, which
// other accounts on the machine have no business reading. SQLite gives the -wal and -shm files it
// creates the database file's mode, so they follow.
inline constexpr mode_t kDatabaseFileMode = 0600;

// kCreate: creates an empty file at `path` with kDatabaseFileMode, whatever the umask, unless one
// exists (its mode is then left as the operator set it). kExisting: kNotFound, naming the path and
// `redress init`, when there is no file at `path` or it holds no Redress schema (an empty file),
// the file then left untouched. kStorage when the file cannot be created or read.
core::Status PrepareDatabaseFile(const std::string& path, app::OpenMode mode);

// The error for a database that does not exist, or exists without a schema (`reason`).
core::Error NoDatabaseError(const std::string& path, const std::string& reason);

}  // namespace redress::storage::sqlite
