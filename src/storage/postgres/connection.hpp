#pragma once

// The PostgreSQL connection every repository of the adapter works through (libpq): an owned
// PGconn, query results read column by column as the SQLite adapter's ColumnReader reads them,
// parameters bound in order as text (never spliced into the SQL), and the mapping of
// PostgreSQL's errors (by SQLSTATE) to core::Error values.
//
// Every parameter is sent as text with no declared type, so the server infers each one's type
// from where it stands ($1 compared with a BIGINT column is a BIGINT); a statement whose
// parameter stands where no type can be inferred casts it ($1::bigint).

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.hpp"
#include "core/result.hpp"
#include "storage/common/code.hpp"

namespace redress::storage::postgres {

using core::Error;
using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;

inline tl::unexpected<Error> Unexpected(Error error) {
  return tl::unexpected<Error>(std::move(error));
}

// SQLSTATEs the adapter acts on (PostgreSQL's appendix A, "Error codes").
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kForeignKeyViolation = "23503";
inline constexpr std::string_view kCheckViolation = "23514";
inline constexpr std::string_view kNotNullViolation = "23502";
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlockDetected = "40P01";

// Whether a unit of work that failed with this SQLSTATE may succeed when run again from the
// start: a serialisation failure or a deadlock, where the server chose this transaction to abort.
bool IsRetryable(std::string_view sqlstate);

// The error a failed statement gives: a duplicate of a unique value is kConflict; a reference to
// a record that does not exist is kInvalidInput naming the column as the field ("unknown
// service_area 'x'"); a violated CHECK or NOT NULL is kInvalidInput; everything else is kStorage
// with the server's message. `detail` is the server's DETAIL line ("Key (col)=(value) is not
// present in table ..."), from which a foreign key's column and value are read.
Error ErrorFor(std::string_view sqlstate, std::string_view message, std::string_view detail);

using common::Code;

// The parameters of one statement, $1, $2, ... in the order bound. Text or NULL each.
class Params {
 public:
  Params& Bind(std::int64_t value) { return Add(std::to_string(value)); }
  Params& Bind(int value) { return Bind(static_cast<std::int64_t>(value)); }
  Params& Bind(double value);
  Params& Bind(bool value) { return Add(value ? "t" : "f"); }
  Params& Bind(std::string_view value) { return Add(std::string(value)); }
  Params& Bind(const char* value) { return Bind(std::string_view(value)); }
  Params& Bind(const std::string& value) { return Add(value); }
  Params& Bind(core::Date value) { return Add(value.ToIso()); }
  Params& Bind(Code code) { return code.value.empty() ? BindNull() : Bind(code.value); }
  template <typename Enum>
  requires std::is_enum_v<Enum> Params& Bind(Enum value) { return Bind(ToString(value)); }
  template <typename T>
  Params& Bind(const std::optional<T>& value) {
    return value ? Bind(*value) : BindNull();
  }
  Params& BindNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  Params& BindNulls(int count) {
    for (int i = 0; i < count; ++i) BindNull();
    return *this;
  }
  template <typename... Values>
  Params& BindAll(const Values&... values) {
    (Bind(values), ...);
    return *this;
  }

  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  Params& Add(std::string value) {
    values_.emplace_back(std::move(value));
    return *this;
  }
  std::vector<std::optional<std::string>> values_;
};

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultDeleter>;

// Reads the columns of one row in order, with the SQLite adapter's ColumnReader's interface. A
// malformed value (an unknown enum name, a bad date) does not stop the reading: the first one is
// remembered in status(), which the mapping checks once per record.
class RowReader {
 public:
  RowReader(const PGresult* result, int row) : result_(result), row_(row) {}

  bool NextIsNull() const { return PQgetisnull(result_, row_, column_) != 0; }
  void Skip(int count) { column_ += count; }

  std::string Text() { return std::string(View()); }
  // The text of the column without a copy; valid as long as the rows it was read from.
  std::string_view View() {
    const int column = column_++;
    return std::string_view(PQgetvalue(result_, row_, column),
                            static_cast<std::size_t>(PQgetlength(result_, row_, column)));
  }
  std::optional<std::string> OptionalText() {
    if (NextIsNull()) return Null<std::string>();
    return Text();
  }
  std::int64_t Int64();
  int Int() { return static_cast<int>(Int64()); }
  bool Bool();
  std::optional<double> OptionalReal();
  core::Date Date();
  std::optional<core::Date> OptionalDate() {
    if (NextIsNull()) return Null<core::Date>();
    return Date();
  }
  template <typename Enum>
  Enum Enumerator(std::optional<Enum> (*parse)(std::string_view)) {
    const std::string_view text = View();
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
  void Malformed(int column, std::string_view text);

  const PGresult* result_;
  int row_;
  int column_ = 0;
  Status status_;
};

// The rows a statement returned (none for a statement that returns none).
class Rows {
 public:
  explicit Rows(ResultHandle result) : result_(std::move(result)) {}

  int size() const { return PQntuples(result_.get()); }
  bool empty() const { return size() == 0; }
  RowReader Row(int row) const { return RowReader(result_.get(), row); }
  // How many rows an INSERT, UPDATE or DELETE touched.
  std::int64_t Affected() const;

  // Every row read with `read`; the first malformed value, if any, is the error.
  template <typename Read>
  auto ReadAll(Read read) const -> Result<std::vector<decltype(read(std::declval<RowReader&>()))>> {
    std::vector<decltype(read(std::declval<RowReader&>()))> records;
    records.reserve(static_cast<std::size_t>(size()));
    for (int row = 0; row < size(); ++row) {
      RowReader reader = Row(row);
      auto record = read(reader);
      if (!reader.status()) return Unexpected(reader.status().error());
      records.push_back(std::move(record));
    }
    return records;
  }
  // The only row read with `read`; kNotFound with `missing` when there is none.
  template <typename Read>
  auto ReadOne(Read read, std::string_view missing) const
      -> Result<decltype(read(std::declval<RowReader&>()))> {
    if (empty()) return Fail(ErrorCode::kNotFound, std::string(missing));
    RowReader reader = Row(0);
    auto record = read(reader);
    if (!reader.status()) return Unexpected(reader.status().error());
    return record;
  }

 private:
  ResultHandle result_;
};

// One connection to the server. Not thread-safe: one unit of work uses it at a time (the pool
// hands it out). Remembers the SQLSTATE of the first statement that failed in the current
// transaction: PostgreSQL refuses every further statement of a transaction once one has failed,
// and the store must then roll back, and may retry (IsRetryable).
class Connection {
 public:
  // Connects to `url` (a libpq connection URI, postgresql://...). The session is set to read and
  // write dates in ISO form and text in UTF-8, in UTC, whatever the server's defaults.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);

  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement with `params` ($1, $2, ...) and returns its rows. The statement is
  // prepared on this connection the first time its text is seen and executed by name from then
  // on, so the server parses and plans it once per connection rather than once per call (a read
  // of one case is a few dozen statements). Prepared statements are the protocol's own, which
  // PgBouncer 1.21 and later keep in transaction pooling (max_prepared_statements).
  Result<Rows> Query(std::string_view sql, const Params& params = {});
  // Runs one statement; its rows, if any, are dropped.
  Status Run(std::string_view sql, const Params& params = {});
  // Runs a script of several statements with no parameters (migrations).
  Status RunScript(std::string_view sql);

  // Transaction control. Begin starts the transaction with `mode` (e.g. "ISOLATION LEVEL READ
  // COMMITTED") and clears the failure remembered from the last one.
  Status Begin(std::string_view mode);
  Status Commit();
  // Rolls back, if a transaction is open; never fails (a broken connection is dropped instead).
  void Rollback();

  // The SQLSTATE of the first statement that failed in this transaction; "" when none did.
  const std::string& failed_sqlstate() const { return failed_sqlstate_; }
  // The error of that statement, when one failed.
  const std::optional<Error>& failure() const { return failure_; }
  // False once the connection to the server is lost; the pool drops such a connection.
  bool Healthy() const;

 private:
  explicit Connection(PGconn* connection) : connection_(connection) {}
  Result<Rows> Check(ResultHandle result);

  // The name `sql` is prepared under on this connection, preparing it if it is new; nullopt when
  // the cache is full (the statement then runs unnamed) or the preparation failed (remembered as
  // the transaction's failure, as a failed statement is).
  Result<std::optional<std::string>> Prepared(const std::string& sql, int parameters);

  PGconn* connection_;
  // Statement text → its prepared name (s1, s2, ...). Bounded: query builders make many texts.
  std::unordered_map<std::string, std::string> prepared_;
  std::string failed_sqlstate_;
  std::optional<Error> failure_;
};

}  // namespace redress::storage::postgres
