#include "storage/transfer/copy_support.hpp"

#include <filesystem>
#include <set>

namespace redress::storage::transfer {
namespace {

using core::ErrorCode;
using core::Fail;
using core::Result;
using core::Status;
using postgres::Params;
using postgres::RowReader;
using postgres::Rows;

constexpr int kBusyMilliseconds = 5000;

Value Read(sqlite3_stmt* statement, int i) {
  Value value;
  switch (sqlite3_column_type(statement, i)) {
    case SQLITE_INTEGER:
      value.kind = Value::Kind::kInteger;
      value.integer = sqlite3_column_int64(statement, i);
      break;
    case SQLITE_FLOAT:
      value.kind = Value::Kind::kReal;
      value.real = sqlite3_column_double(statement, i);
      break;
    case SQLITE_TEXT:
    case SQLITE_BLOB: {
      value.kind = sqlite3_column_type(statement, i) == SQLITE_TEXT ? Value::Kind::kText
                                                                    : Value::Kind::kBlob;
      const void* bytes = sqlite3_column_blob(statement, i);
      value.bytes.assign(static_cast<const char*>(bytes),
                         static_cast<std::size_t>(sqlite3_column_bytes(statement, i)));
      break;
    }
    default:
      break;
  }
  return value;
}

}  // namespace

std::string Quoted(std::string_view identifier) { return "\"" + std::string(identifier) + "\""; }

std::string Hex(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string text = "\\x";
  text.reserve(2 + 2 * bytes.size());
  for (unsigned char byte : bytes) {
    text += kDigits[byte >> 4];
    text += kDigits[byte & 0xF];
  }
  return text;
}

std::optional<std::string> FromHex(std::string_view hex) {
  if (hex.starts_with("\\x")) hex.remove_prefix(2);
  if (hex.size() % 2 != 0) return std::nullopt;
  const auto digit = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string bytes;
  bytes.reserve(hex.size() / 2);
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int high = digit(hex[i]);
    const int low = digit(hex[i + 1]);
    if (high < 0 || low < 0) return std::nullopt;
    bytes += static_cast<char>(high * 16 + low);
  }
  return bytes;
}

Result<std::vector<Column>> PostgresColumns(postgres::Connection& connection,
                                            std::string_view table) {
  Result<Rows> rows = connection.Query(
      "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.attidentity <> '' "
      "FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 "
      "AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum",
      Params().Bind(Quoted(table)));
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return Column{r.Text(), r.Text(), r.Bool()}; });
}

Result<std::vector<std::string>> PostgresTexts(postgres::Connection& connection,
                                               const std::string& sql, const Params& params) {
  Result<Rows> rows = connection.Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadAll([](RowReader& r) { return r.Text(); });
}

Result<std::int64_t> PostgresInteger(postgres::Connection& connection, const std::string& sql) {
  Result<Rows> rows = connection.Query(sql);
  if (!rows) return Unexpected(rows.error());
  return rows->ReadOne([](RowReader& r) { return r.Int64(); }, "no value");
}

Result<SqliteFile> SqliteFile::Open(const std::string& path, Access access) {
  if (std::error_code ignored; !std::filesystem::is_regular_file(path, ignored)) {
    return Fail(ErrorCode::kNotFound, "no SQLite database at " + path);
  }
  sqlite3* raw = nullptr;
  const int opened = sqlite3_open_v2(
      path.c_str(), &raw, access == Access::kRead ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
      nullptr);
  SqliteFile file(std::unique_ptr<sqlite3, Closer>(raw), path);
  if (opened != SQLITE_OK) return file.Failure("cannot open");
  sqlite3_busy_timeout(raw, kBusyMilliseconds);
  if (access == Access::kRead) {
    if (Status begun = file.Execute("BEGIN"); !begun) return Unexpected(begun.error());
  }
  return file;
}

Status SqliteFile::Execute(const std::string& sql) {
  if (sqlite3_exec(db_.get(), sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Failure("cannot use");
  }
  return {};
}

Status SqliteFile::Scan(const std::string& sql,
                        const std::function<Status(std::vector<Value>&)>& row) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
    return Failure("cannot read");
  }
  std::unique_ptr<sqlite3_stmt, Finalizer> statement(raw);
  const int columns = sqlite3_column_count(raw);
  std::vector<Value> values(static_cast<std::size_t>(columns));
  for (;;) {
    const int step = sqlite3_step(raw);
    if (step == SQLITE_DONE) return {};
    if (step != SQLITE_ROW) return Failure("cannot read");
    for (int i = 0; i < columns; ++i) values[static_cast<std::size_t>(i)] = Read(raw, i);
    if (Status done = row(values); !done) return done;
  }
}

Result<std::vector<std::string>> SqliteFile::Texts(const std::string& sql) {
  std::vector<std::string> texts;
  Status read = Scan(sql, [&texts](std::vector<Value>& values) -> Status {
    texts.push_back(values.front().kind == Value::Kind::kInteger
                        ? std::to_string(values.front().integer)
                        : values.front().bytes);
    return {};
  });
  if (!read) return Unexpected(read.error());
  return texts;
}

Result<std::int64_t> SqliteFile::Integer(const std::string& sql) {
  auto texts = Texts(sql);
  if (!texts) return Unexpected(texts.error());
  if (texts->empty()) return std::int64_t{0};
  return std::stoll(texts->front());
}

Status SqliteFile::Run(const std::string& sql, const std::vector<Value>& values) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    sqlite3_stmt* raw = nullptr;
    if (sqlite3_prepare_v2(db_.get(), sql.c_str(), -1, &raw, nullptr) != SQLITE_OK) {
      return Failure("cannot write");
    }
    found = statements_.emplace(sql, std::unique_ptr<sqlite3_stmt, Finalizer>(raw)).first;
  }
  sqlite3_stmt* statement = found->second.get();
  sqlite3_reset(statement);
  sqlite3_clear_bindings(statement);
  for (std::size_t i = 0; i < values.size(); ++i) {
    const Value& value = values[i];
    const int at = static_cast<int>(i) + 1;
    switch (value.kind) {
      case Value::Kind::kNull:
        sqlite3_bind_null(statement, at);
        break;
      case Value::Kind::kInteger:
        sqlite3_bind_int64(statement, at, value.integer);
        break;
      case Value::Kind::kReal:
        sqlite3_bind_double(statement, at, value.real);
        break;
      case Value::Kind::kText:
        sqlite3_bind_text(statement, at, value.bytes.data(), static_cast<int>(value.bytes.size()),
                          SQLITE_STATIC);
        break;
      case Value::Kind::kBlob:
        sqlite3_bind_blob(statement, at, value.bytes.data(), static_cast<int>(value.bytes.size()),
                          SQLITE_STATIC);
        break;
    }
  }
  const int step = sqlite3_step(statement);
  sqlite3_reset(statement);
  if (step != SQLITE_DONE && step != SQLITE_ROW) return Failure("cannot write");
  return {};
}

tl::unexpected<core::Error> SqliteFile::Failure(std::string_view what) const {
  return Fail(ErrorCode::kStorage, std::string(what) + " the SQLite database " + path_ + ": " +
                                       (db_ ? sqlite3_errmsg(db_.get()) : "out of memory"));
}

Result<ColumnPlaces> MatchColumns(const CopiedTable& table,
                                  const std::vector<std::string>& target_columns,
                                  const std::vector<std::string>& source_columns) {
  if (std::set<std::string>(target_columns.begin(), target_columns.end()) !=
          std::set<std::string>(source_columns.begin(), source_columns.end()) ||
      target_columns.empty()) {
    return Fail(ErrorCode::kConflict, "the table " + std::string(table.name) +
                                          " has other columns in the source than in the target");
  }
  ColumnPlaces places{target_columns.size(), target_columns.size()};
  for (std::size_t i = 0; i < target_columns.size(); ++i) {
    if (target_columns[i] == table.deferred_column) places.deferred = i;
    if (target_columns[i] == "id") places.id = i;
  }
  if (places.deferred < target_columns.size() && places.id == target_columns.size()) {
    return Fail(ErrorCode::kInternal, "a deferred column needs the table's id");
  }
  return places;
}

Status CheckCounts(const std::vector<TableCopy>& copies,
                   const std::function<Result<std::int64_t>(const std::string&)>& count_source,
                   const std::function<Result<std::int64_t>(const std::string&)>& count_target) {
  for (const TableCopy& copy : copies) {
    const std::string sql = "SELECT count(*) FROM " + Quoted(copy.table);
    Result<std::int64_t> in_source = count_source(sql);
    if (!in_source) return Unexpected(in_source.error());
    Result<std::int64_t> in_target = count_target(sql);
    if (!in_target) return Unexpected(in_target.error());
    if (*in_source != copy.rows || *in_target != copy.rows) {
      return Fail(ErrorCode::kStorage, "the table " + copy.table + " has " +
                                           std::to_string(*in_source) + " rows in the source and " +
                                           std::to_string(*in_target) + " in the target");
    }
  }
  return {};
}

}  // namespace redress::storage::transfer
