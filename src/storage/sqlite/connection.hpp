#pragma once

// The SQLite connection every repository of the adapter works through: a connection with its
// statement cache, prepared statements bound parameter by parameter, column readers that remember
// the first malformed value, the mapping of SQLite's errors to core::Error, the full-text
// tokenizer, and helpers that build SQL text from one column list per table. Shared by the store
// (transactions, group commit, migrations) and by the per-aggregate repositories.

#include <sqlite3.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "storage/common/code.hpp"

namespace redress::storage::sqlite {

using core::Error;
using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;

// How long a connection waits for a lock held by another process before giving up.
inline constexpr int kBusyTimeoutMilliseconds = 5000;

// The message of a foreign key failure, recognised to name the unknown reference afterwards.
inline constexpr std::string_view kUnknownReferenceMessage =
    "refers to a record that does not exist";

inline tl::unexpected<Error> Unexpected(Error error) {
  return tl::unexpected<Error>(std::move(error));
}

// ---------------------------------------------------------------------------------------------
// SQL text helpers: statements are built from one column list per table, so a column is named once.

using Columns = std::span<const std::string_view>;

inline std::string Join(Columns columns) {
  std::string text;
  for (std::string_view column : columns) {
    if (!text.empty()) text += ", ";
    text += column;
  }
  return text;
}

inline std::string Placeholders(std::size_t count) {
  std::string text;
  for (std::size_t i = 0; i < count; ++i) text += i == 0 ? "?" : ", ?";
  return text;
}

inline std::string InsertSql(std::string_view table, Columns columns) {
  return "INSERT INTO " + std::string(table) + " (" + Join(columns) + ") VALUES (" +
         Placeholders(columns.size()) + ")";
}

// INSERT that replaces the non-key columns of an existing row with the same key.
inline std::string UpsertSql(std::string_view table, std::string_view key, Columns columns) {
  std::string sql =
      InsertSql(table, columns) + " ON CONFLICT (" + std::string(key) + ") DO UPDATE SET ";
  bool first = true;
  for (std::string_view column : columns) {
    if (column == key) continue;
    if (!first) sql += ", ";
    first = false;
    sql += std::string(column) + " = excluded." + std::string(column);
  }
  return sql;
}

inline std::string SelectSql(std::string_view table, Columns columns) {
  return "SELECT " + Join(columns) + " FROM " + std::string(table);
}

// ---------------------------------------------------------------------------------------------
// Errors.

// The extended result code `code` of a failed call on `db`, as a core::Error.
inline Error SqliteError(sqlite3* db, int code) {
  std::string message = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
  switch (code) {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return Error{ErrorCode::kConflict, "already exists (" + message + ")", {}};
    case SQLITE_CONSTRAINT_FOREIGNKEY:
      return Error{ErrorCode::kInvalidInput, std::string(kUnknownReferenceMessage), {}};
    case SQLITE_CONSTRAINT_CHECK:
    case SQLITE_CONSTRAINT_NOTNULL:
      return Error{ErrorCode::kInvalidInput, "invalid value (" + message + ")", {}};
    default:
      return Error{ErrorCode::kStorage, "database error: " + message, {}};
  }
}

// ---------------------------------------------------------------------------------------------
// RAII handles.

struct DatabaseCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct StatementFinalizer {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using DatabaseHandle = std::unique_ptr<sqlite3, DatabaseCloser>;
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

using common::Code;

using SqlValue = std::variant<std::int64_t, std::string>;

// Reads the columns of the current row in order. A malformed value (an unknown enum name, a bad
// date) does not stop the reading: the first one is remembered in status(), which the mapping
// checks once per record.
class ColumnReader {
 public:
  explicit ColumnReader(sqlite3_stmt* statement) : statement_(statement) {}

  bool NextIsNull() const { return sqlite3_column_type(statement_, column_) == SQLITE_NULL; }
  void Skip(int count) { column_ += count; }

  std::string Text() {
    const int column = column_++;
    const auto* text = sqlite3_column_text(statement_, column);
    const int size = sqlite3_column_bytes(statement_, column);
    return text == nullptr
               ? std::string()
               : std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  }
  // The text of the column without a copy; valid until the statement steps or is reset.
  std::string_view View() {
    const int column = column_++;
    const auto* text = sqlite3_column_text(statement_, column);
    const int size = sqlite3_column_bytes(statement_, column);
    return text == nullptr ? std::string_view()
                           : std::string_view(reinterpret_cast<const char*>(text),
                                              static_cast<std::size_t>(size));
  }
  std::optional<std::string> OptionalText() {
    if (NextIsNull()) return Null<std::string>();
    return Text();
  }
  std::int64_t Int64() { return sqlite3_column_int64(statement_, column_++); }
  std::optional<double> OptionalReal() {
    if (NextIsNull()) return Null<double>();
    return sqlite3_column_double(statement_, column_++);
  }
  int Int() { return static_cast<int>(Int64()); }
  bool Bool() { return Int64() != 0; }

  core::Date Date() {
    std::string text = Text();
    std::optional<core::Date> date = core::Date::Parse(text);
    if (!date) Malformed(column_ - 1, text);
    return date.value_or(core::Date());
  }
  std::optional<core::Date> OptionalDate() {
    if (NextIsNull()) return Null<core::Date>();
    return Date();
  }

  template <typename Enum>
  Enum Enumerator(std::optional<Enum> (*parse)(std::string_view)) {
    std::string text = Text();
    std::optional<Enum> value = parse(text);
    if (!value) Malformed(column_ - 1, text);
    return value.value_or(Enum{});
  }

  const Status& status() const { return status_; }

 private:
  template <typename T>
  std::optional<T> Null() {
    ++column_;
    return std::nullopt;
  }
  void Malformed(int column, const std::string& text) {
    if (!status_) return;
    status_ = Fail(ErrorCode::kStorage, std::string("malformed value '") + text + "' in column " +
                                            sqlite3_column_name(statement_, column));
  }

  sqlite3_stmt* statement_;
  int column_ = 0;
  Status status_;
};

// A prepared statement borrowed from a connection's cache, bound parameter by parameter in order.
// Resets itself when it goes out of scope, so the cached statement is ready for its next use.
class Statement {
 public:
  Statement(sqlite3* db, sqlite3_stmt* statement, bool* in_use, StatementHandle owned)
      : db_(db), statement_(statement), in_use_(in_use), owned_(std::move(owned)) {}
  Statement(Statement&& other) noexcept
      : db_(other.db_),
        statement_(std::exchange(other.statement_, nullptr)),
        in_use_(std::exchange(other.in_use_, nullptr)),
        owned_(std::move(other.owned_)),
        parameter_(other.parameter_),
        bind_code_(other.bind_code_) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement() {
    if (statement_ == nullptr) return;
    sqlite3_reset(statement_);
    sqlite3_clear_bindings(statement_);
    if (in_use_ != nullptr) *in_use_ = false;
  }

  Statement& Bind(std::int64_t value) {
    return Check(sqlite3_bind_int64(statement_, ++parameter_, value));
  }
  Statement& Bind(int value) { return Bind(static_cast<std::int64_t>(value)); }
  Statement& Bind(double value) {
    return Check(sqlite3_bind_double(statement_, ++parameter_, value));
  }
  Statement& Bind(bool value) { return Bind(static_cast<std::int64_t>(value ? 1 : 0)); }
  Statement& Bind(std::string_view value) {
    // SQLite binds NULL for a null pointer; an empty view may have one, and means ''.
    const char* text = value.data() != nullptr ? value.data() : "";
    return Check(sqlite3_bind_text64(statement_, ++parameter_, text, value.size(), SQLITE_TRANSIENT,
                                     SQLITE_UTF8));
  }
  Statement& Bind(const char* value) { return Bind(std::string_view(value)); }
  Statement& Bind(const std::string& value) { return Bind(std::string_view(value)); }
  Statement& Bind(core::Date value) { return Bind(value.ToIso()); }
  Statement& Bind(Code code) { return code.value.empty() ? BindNull() : Bind(code.value); }
  Statement& Bind(const SqlValue& value) {
    return std::visit([this](const auto& alternative) -> Statement& { return Bind(alternative); },
                      value);
  }
  template <typename Enum>
  requires std::is_enum_v<Enum> Statement& Bind(Enum value) { return Bind(ToString(value)); }
  template <typename T>
  Statement& Bind(const std::optional<T>& value) {
    return value ? Bind(*value) : BindNull();
  }
  Statement& BindNull() { return Check(sqlite3_bind_null(statement_, ++parameter_)); }
  Statement& BindNulls(int count) {
    for (int i = 0; i < count; ++i) BindNull();
    return *this;
  }

  template <typename... Values>
  Statement& BindAll(const Values&... values) {
    (Bind(values), ...);
    return *this;
  }

  // True when a row is ready to be read, false when the statement is done.
  Result<bool> Step() {
    if (bind_code_ != SQLITE_OK) return Unexpected(SqliteError(db_, bind_code_));
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW) return true;
    if (code == SQLITE_DONE) return false;
    return Unexpected(SqliteError(db_, sqlite3_extended_errcode(db_)));
  }
  // Runs a statement to completion, ignoring any rows.
  Status Run() {
    for (;;) {
      Result<bool> row = Step();
      if (!row) return Unexpected(row.error());
      if (!*row) return {};
    }
  }

  ColumnReader Columns() const { return ColumnReader(statement_); }
  int Changes() const { return sqlite3_changes(db_); }
  std::int64_t LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

 private:
  Statement& Check(int code) {
    if (code != SQLITE_OK && bind_code_ == SQLITE_OK) bind_code_ = code;
    return *this;
  }

  sqlite3* db_;
  sqlite3_stmt* statement_;
  bool* in_use_;           // the cache entry's flag; null for a statement outside the cache
  StatementHandle owned_;  // set when the cached one was busy and this one was prepared aside
  int parameter_ = 0;
  int bind_code_ = SQLITE_OK;
};

// Reads the current row of `statement` with `read`; the reader's first malformed value, if any,
// is the error.
template <typename Read>
auto ReadRow(const Statement& statement, Read read)
    -> Result<decltype(read(std::declval<ColumnReader&>()))> {
  ColumnReader reader = statement.Columns();
  auto record = read(reader);
  if (!reader.status()) return Unexpected(reader.status().error());
  return record;
}

// Steps through every row of `statement`, reading each with `read`.
template <typename Read>
auto ReadAll(Statement& statement, Read read)
    -> Result<std::vector<decltype(read(std::declval<ColumnReader&>()))>> {
  std::vector<decltype(read(std::declval<ColumnReader&>()))> records;
  for (;;) {
    Result<bool> row = statement.Step();
    if (!row) return Unexpected(row.error());
    if (!*row) return records;
    auto record = ReadRow(statement, read);
    if (!record) return Unexpected(record.error());
    records.push_back(std::move(*record));
  }
}

// Steps `statement` to its single row and reads it; kNotFound with `not_found` when it has none.
template <typename Read>
auto ReadOne(Statement& statement, Read read, std::string_view not_found)
    -> Result<decltype(read(std::declval<ColumnReader&>()))> {
  Result<bool> row = statement.Step();
  if (!row) return Unexpected(row.error());
  if (!*row) return Fail(ErrorCode::kNotFound, std::string(not_found));
  return ReadRow(statement, read);
}

// Runs an UPDATE or DELETE of one row; kNotFound with `not_found` when it changed none.
inline Status RunOnExistingRow(Statement& statement, std::string_view not_found) {
  if (Status run = statement.Run(); !run) return run;
  if (statement.Changes() == 0) return Fail(ErrorCode::kNotFound, std::string(not_found));
  return {};
}

// Hash and equality that let the statement cache be searched by string_view.
struct TextHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const {
    return std::hash<std::string_view>{}(text);
  }
};

// The tokenizer of complaints_fts as migration 0002 declares it ("unicode61 remove_diacritics 2"),
// so that the store splits text into exactly the words the index holds: to keep the dictionary of
// indexed words (complaints_fts_terms, migration 0005) and to look a search's last word up in it.
inline constexpr const char* kTextTokenizerName = "unicode61";
inline constexpr std::array<const char*, 2> kTextTokenizerArguments = {"remove_diacritics", "2"};

// An FTS5 tokenizer of one connection (FTS5 hands its tokenizers out per connection).
class TextTokenizer {
 public:
  static Result<std::unique_ptr<TextTokenizer>> Create(sqlite3* db) {
    const auto failed = [db](std::string_view what) {
      return Fail(ErrorCode::kStorage, std::string("cannot load the full-text tokenizer: ") +
                                           std::string(what) + " (" + sqlite3_errmsg(db) + ")");
    };
    // FTS5 gives its API out through a pointer bound to this SELECT (sqlite.org/fts5.html).
    fts5_api* api = nullptr;
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK) {
      return failed("no FTS5");
    }
    StatementHandle statement(raw);
    sqlite3_bind_pointer(raw, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(raw);
    if (api == nullptr) return failed("no FTS5 API");
    void* context = nullptr;
    fts5_tokenizer methods{};
    if (api->xFindTokenizer(api, kTextTokenizerName, &context, &methods) != SQLITE_OK) {
      return failed(kTextTokenizerName);
    }
    std::array<const char*, kTextTokenizerArguments.size()> arguments = kTextTokenizerArguments;
    Fts5Tokenizer* tokenizer = nullptr;
    if (methods.xCreate(context, arguments.data(), static_cast<int>(arguments.size()),
                        &tokenizer) != SQLITE_OK) {
      return failed("its arguments");
    }
    return std::unique_ptr<TextTokenizer>(new TextTokenizer(methods, tokenizer));
  }
  ~TextTokenizer() { methods_.xDelete(tokenizer_); }
  TextTokenizer(const TextTokenizer&) = delete;
  TextTokenizer& operator=(const TextTokenizer&) = delete;

  // Calls `on_token` with each word of `text`, in order, as the index would hold it (folded case
  // and accents). `flags` are FTS5's: FTS5_TOKENIZE_DOCUMENT for indexed text,
  // FTS5_TOKENIZE_QUERY for a search.
  template <typename OnToken>
  Status Tokenize(std::string_view text, int flags, OnToken on_token) const {
    const auto callback = [](void* context, int /*token_flags*/, const char* token, int size,
                             int /*start*/, int /*end*/) -> int {
      (*static_cast<OnToken*>(context))(std::string_view(token, static_cast<std::size_t>(size)));
      return SQLITE_OK;
    };
    const int code = methods_.xTokenize(tokenizer_, &on_token, flags, text.data(),
                                        static_cast<int>(text.size()), callback);
    if (code != SQLITE_OK) return Fail(ErrorCode::kStorage, "the full-text tokenizer failed");
    return {};
  }

 private:
  TextTokenizer(fts5_tokenizer methods, Fts5Tokenizer* tokenizer)
      : methods_(methods), tokenizer_(tokenizer) {}

  fts5_tokenizer methods_;
  Fts5Tokenizer* tokenizer_;
};

// ---------------------------------------------------------------------------------------------
// A connection and its statement cache. Used by one thread at a time (the store's mutex or pool
// sees to that), so it needs no locking of its own.
class Connection {
 public:
  enum class Role { kWriter, kReader };

  static Result<std::unique_ptr<Connection>> Open(const std::string& path, Role role) {
    const int flags = role == Role::kWriter
                          ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                          : SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
    sqlite3* raw = nullptr;
    const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    DatabaseHandle db(raw);  // closed on every path, including a failed open
    if (code != SQLITE_OK) {
      return Fail(ErrorCode::kStorage,
                  "cannot open the database " + path + ": " +
                      (raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(code)));
    }
    sqlite3_extended_result_codes(db.get(), 1);
    sqlite3_busy_timeout(db.get(), kBusyTimeoutMilliseconds);
    auto connection = std::unique_ptr<Connection>(new Connection(std::move(db)));
    // secure_delete: SQLite otherwise leaves deleted and overwritten text in free pages and
    // free space of pages, where it outlives an erasure of personal data (issue 20) until the
    // space is reused; on, it zeroes the bytes as it frees them. It costs writes of the freed
    // space, small beside a commit's fsync. Every connection, as any may free pages.
    Status configured = connection->Execute("PRAGMA secure_delete = ON");
    if (configured) {
      configured = role == Role::kWriter ? connection->ConfigureWriter()
                                         : connection->Execute("PRAGMA query_only = ON");
    }
    if (!configured) return Unexpected(configured.error());
    return connection;
  }

  sqlite3* db() const { return db_.get(); }

  // The cached statement for `sql`, prepared on first use. Should the cached one be in use
  // already (a statement run while iterating another run of itself), a separate one is prepared.
  Result<Statement> Prepare(std::string_view sql) {
    if (Status usable = CheckTransaction(); !usable) return Unexpected(usable.error());
    auto entry = cache_.find(sql);
    if (entry == cache_.end()) {
      Result<StatementHandle> prepared = PrepareNew(sql, SQLITE_PREPARE_PERSISTENT);
      if (!prepared) return Unexpected(prepared.error());
      entry = cache_.emplace(std::string(sql), CachedStatement{std::move(*prepared), false}).first;
    }
    CachedStatement& cached = entry->second;
    if (cached.in_use) {
      Result<StatementHandle> aside = PrepareNew(sql, 0);
      if (!aside) return Unexpected(aside.error());
      sqlite3_stmt* statement = aside->get();
      return Statement(db(), statement, nullptr, std::move(*aside));
    }
    cached.in_use = true;
    return Statement(db(), cached.handle.get(), &cached.in_use, nullptr);
  }

  // Runs `sql`, which may hold several statements, without caching (migrations, pragmas).
  Status Execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db(), sql.c_str(), nullptr, nullptr, &message);
    std::string text = message != nullptr ? message : "";
    sqlite3_free(message);
    if (code == SQLITE_OK) return {};
    Error error = SqliteError(db(), sqlite3_extended_errcode(db()));
    if (!text.empty()) error.message = "database error: " + text;
    return Unexpected(std::move(error));
  }

  Status Begin(std::string_view sql) {
    Result<Statement> begin = Prepare(sql);
    if (!begin) return Unexpected(begin.error());
    Status started = begin->Run();
    if (started) transaction_open_ = true;
    return started;
  }
  Status Commit() {
    Result<Statement> commit = Prepare("COMMIT");
    if (!commit) return Unexpected(commit.error());
    Status committed = commit->Run();
    if (committed) transaction_open_ = false;
    return committed;
  }
  // Ends the transaction, whatever state SQLite left it in; nothing of it is kept.
  void Rollback() {
    transaction_open_ = false;
    if (sqlite3_get_autocommit(db()) != 0) return;
    if (Result<Statement> rollback = Prepare("ROLLBACK"); rollback) {
      // A failed ROLLBACK leaves nothing to do: SQLite has then abandoned the transaction itself.
      static_cast<void>(rollback->Run());
    }
  }

  // One Write's part of a group commit, inside the open transaction: Savepoint before it, then
  // ReleaseSavepoint to keep its changes or RollbackToSavepoint to drop them.
  Status Savepoint() { return RunCached("SAVEPOINT write"); }
  Status ReleaseSavepoint() { return RunCached("RELEASE write"); }
  Status RollbackToSavepoint() {
    if (Status undone = RunCached("ROLLBACK TO write"); !undone) return undone;
    return ReleaseSavepoint();
  }

  // True when SQLite rolled back the open transaction by itself after an error (disk full, I/O
  // error): everything done in it since BEGIN is lost.
  bool TransactionAbandoned() const {
    return transaction_open_ && sqlite3_get_autocommit(db()) != 0;
  }

  // The full-text tokenizer of this connection, loaded on first use.
  Result<const TextTokenizer*> Tokenizer() {
    if (tokenizer_ == nullptr) {
      Result<std::unique_ptr<TextTokenizer>> created = TextTokenizer::Create(db());
      if (!created) return Unexpected(created.error());
      tokenizer_ = std::move(*created);
    }
    return tokenizer_.get();
  }

 private:
  struct CachedStatement {
    StatementHandle handle;
    bool in_use;
  };

  explicit Connection(DatabaseHandle db) : db_(std::move(db)) {}

  Status ConfigureWriter() {
    // journal_mode answers with the mode in force, which stays "delete" when WAL is refused.
    Result<Statement> journal = Prepare("PRAGMA journal_mode = WAL");
    if (!journal) return Unexpected(journal.error());
    Result<std::string> mode = ReadOne(
        *journal, [](ColumnReader& r) { return r.Text(); }, "");
    if (!mode) return Unexpected(mode.error());
    if (*mode != "wal") {
      return Fail(ErrorCode::kStorage,
                  "the database cannot use WAL journaling (mode " + *mode + ")");
    }
    // temp_store: SQLite checks each `x IN (...)` CHECK constraint of a written row with a
    // temporary b-tree; in memory it costs a fraction of one backed by a temporary file.
    return Execute(
        "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA temp_store = MEMORY;");
  }

  Status RunCached(std::string_view sql) {
    Result<Statement> statement = Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    return statement->Run();
  }

  Result<StatementHandle> PrepareNew(std::string_view sql, unsigned int flags) {
    sqlite3_stmt* raw = nullptr;
    const int code =
        sqlite3_prepare_v3(db(), sql.data(), static_cast<int>(sql.size()), flags, &raw, nullptr);
    StatementHandle handle(raw);
    if (code != SQLITE_OK) return Unexpected(SqliteError(db(), sqlite3_extended_errcode(db())));
    return handle;
  }

  // SQLite rolls a whole transaction back by itself after some errors (disk full, I/O error);
  // statements run after that would each commit on their own, so they are refused instead.
  Status CheckTransaction() const {
    if (TransactionAbandoned()) {
      return Fail(ErrorCode::kStorage,
                  "the database abandoned the transaction after an earlier error");
    }
    return {};
  }

  DatabaseHandle db_;  // declared first: closed after the statements below are finalised
  std::unordered_map<std::string, CachedStatement, TextHash, std::equal_to<>> cache_;
  std::unique_ptr<TextTokenizer> tokenizer_;  // null until first used; deleted before db_ closes
  bool transaction_open_ = false;
};

}  // namespace redress::storage::sqlite
