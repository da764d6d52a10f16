#include "storage/postgres/connection.hpp"

#include <charconv>
#include <cstdio>

namespace redress::storage::postgres {

namespace {

// What every session is set to, whatever the server's or the role's defaults: dates read back as
// ISO "YYYY-MM-DD" (the adapter's text dates compare as strings), UTF-8, UTC.
// No JIT: Redress's statements are short, and compiling one whose estimate crosses
// jit_above_cost took longer than running it (330 ms of 530 ms for a list at 300,000 complaints).
constexpr std::string_view kSessionSettings =
    "SET DateStyle = 'ISO, YMD'; SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; "
    "SET client_min_messages = 'warning'; SET jit = off";

// Statements prepared per connection at most; those beyond run unnamed (parsed every time). The
// adapter's fixed statements are a few hundred; lists and searches built from filters vary.
constexpr std::size_t kMaxPreparedStatements = 512;

std::string_view Field(const PGresult* result, int field) {
  const char* value = PQresultErrorField(result, field);
  return value != nullptr ? std::string_view(value) : std::string_view();
}

// "Key (service_area)=(nowhere) is not present in table ..." -> {"service_area", "nowhere"}.
// Empty when the detail does not have that form (a composite key is named as written).
std::pair<std::string, std::string> KeyOfDetail(std::string_view detail) {
  constexpr std::string_view kKey = "Key (";
  constexpr std::string_view kBetween = ")=(";
  if (!detail.starts_with(kKey)) return {};
  const std::size_t between = detail.find(kBetween);
  if (between == std::string_view::npos) return {};
  std::string column(detail.substr(kKey.size(), between - kKey.size()));
  const std::size_t value_start = between + kBetween.size();
  const std::size_t value_end = detail.find(") ", value_start);
  if (value_end == std::string_view::npos) return {};
  return {std::move(column), std::string(detail.substr(value_start, value_end - value_start))};
}

}  // namespace

bool IsRetryable(std::string_view sqlstate) {
  return sqlstate == kSerializationFailure || sqlstate == kDeadlockDetected;
}

Error ErrorFor(std::string_view sqlstate, std::string_view message, std::string_view detail) {
  std::string text(message);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  if (sqlstate == kUniqueViolation) {
    return Error{ErrorCode::kConflict, "already exists (" + text + ")", {}};
  }
  if (sqlstate == kForeignKeyViolation) {
    auto [column, value] = KeyOfDetail(detail);
    if (!column.empty() && column.find(',') == std::string::npos) {
      std::string why = "unknown " + column + " '" + value + "'";
      return Error{ErrorCode::kInvalidInput,
                   column + ": " + why,
                   {{column, why, core::FieldErrorCode::kInvalid}}};
    }
    return Error{ErrorCode::kInvalidInput, "refers to a record that does not exist", {}};
  }
  if (sqlstate == kCheckViolation || sqlstate == kNotNullViolation) {
    return Error{ErrorCode::kInvalidInput, "invalid value (" + text + ")", {}};
  }
  return Error{ErrorCode::kStorage, "database error: " + text, {}};
}

Params& Params::Bind(double value) {
  char buffer[32];
  // Shortest text that reads back as the same double.
  auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  return Add(std::string(buffer, error == std::errc() ? end : buffer));
}

std::int64_t RowReader::Int64() {
  const int column = column_;
  const std::string_view text = View();
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) Malformed(column, text);
  return value;
}

bool RowReader::Bool() {
  const int column = column_;
  const std::string_view text = View();
  if (text == "t" || text == "true" || text == "1") return true;
  if (text != "f" && text != "false" && text != "0") Malformed(column, text);
  return false;
}

std::optional<double> RowReader::OptionalReal() {
  if (NextIsNull()) return Null<double>();
  const int column = column_;
  const std::string_view text = View();
  double value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size()) Malformed(column, text);
  return value;
}

core::Date RowReader::Date() {
  const int column = column_;
  const std::string_view text = View();
  std::optional<core::Date> date = core::Date::Parse(text);
  if (!date) Malformed(column, text);
  return date.value_or(core::Date());
}

void RowReader::Malformed(int column, std::string_view text) {
  if (!status_) return;
  const char* name = PQfname(result_, column);
  status_ = Fail(ErrorCode::kStorage, "malformed value '" + std::string(text) + "' in column " +
                                          (name != nullptr ? name : "?"));
}

std::int64_t Rows::Affected() const {
  const char* tuples = PQcmdTuples(result_.get());
  std::int64_t value = 0;
  if (tuples != nullptr)
    std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), value);
  return value;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  PGconn* raw = PQconnectdb(url.c_str());
  if (raw == nullptr) return Fail(ErrorCode::kStorage, "cannot connect to PostgreSQL: no memory");
  std::unique_ptr<Connection> connection(new Connection(raw));
  if (PQstatus(raw) != CONNECTION_OK) {
    std::string message = PQerrorMessage(raw);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Fail(ErrorCode::kStorage, "cannot connect to PostgreSQL: " + message);
  }
  if (Status set = connection->RunScript(kSessionSettings); !set) return Unexpected(set.error());
  return connection;
}

Connection::~Connection() { PQfinish(connection_); }

bool Connection::Healthy() const { return PQstatus(connection_) == CONNECTION_OK; }

Result<Rows> Connection::Check(ResultHandle result) {
  if (!result) {
    std::string message = PQerrorMessage(connection_);
    Error error{ErrorCode::kStorage, "database error: " + message, {}};
    if (!failure_) failure_ = error;
    return Unexpected(std::move(error));
  }
  const ExecStatusType status = PQresultStatus(result.get());
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return Rows(std::move(result));
  const std::string_view sqlstate = Field(result.get(), PG_DIAG_SQLSTATE);
  std::string_view message = Field(result.get(), PG_DIAG_MESSAGE_PRIMARY);
  if (message.empty()) message = PQresultErrorMessage(result.get());
  Error error = ErrorFor(sqlstate, message, Field(result.get(), PG_DIAG_MESSAGE_DETAIL));
  if (!failure_) {
    failed_sqlstate_ = std::string(sqlstate);
    failure_ = error;
  }
  return Unexpected(std::move(error));
}

Result<Rows> Connection::Query(std::string_view sql, const Params& params) {
  const auto& values = params.values();
  std::vector<const char*> pointers;
  pointers.reserve(values.size());
  for (const auto& value : values) pointers.push_back(value ? value->c_str() : nullptr);
  const std::string text(sql);
  const int count = static_cast<int>(values.size());
  auto name = Prepared(text, count);
  if (!name) return Unexpected(name.error());
  if (*name) {
    return Check(ResultHandle(PQexecPrepared(connection_, (*name)->c_str(), count, pointers.data(),
                                             /*paramLengths=*/nullptr, /*paramFormats=*/nullptr,
                                             /*resultFormat=*/0)));
  }
  return Check(ResultHandle(PQexecParams(connection_, text.c_str(), count,
                                         /*paramTypes=*/nullptr, pointers.data(),
                                         /*paramLengths=*/nullptr, /*paramFormats=*/nullptr,
                                         /*resultFormat=*/0)));
}

Result<std::optional<std::string>> Connection::Prepared(const std::string& sql, int parameters) {
  if (auto found = prepared_.find(sql); found != prepared_.end()) return found->second;
  if (prepared_.size() >= kMaxPreparedStatements) return std::optional<std::string>();
  std::string name = "s" + std::to_string(prepared_.size() + 1);
  // A statement prepared inside a transaction outlives its rollback: the name is kept only once
  // the server has it.
  auto made = Check(ResultHandle(
      PQprepare(connection_, name.c_str(), sql.c_str(), parameters, /*paramTypes=*/nullptr)));
  if (!made) return Unexpected(made.error());
  prepared_.emplace(sql, name);
  return std::optional<std::string>(std::move(name));
}

Status Connection::Run(std::string_view sql, const Params& params) {
  Result<Rows> rows = Query(sql, params);
  if (!rows) return Unexpected(rows.error());
  return {};
}

Status Connection::RunScript(std::string_view sql) {
  const std::string text(sql);
  Result<Rows> rows = Check(ResultHandle(PQexec(connection_, text.c_str())));
  if (!rows) return Unexpected(rows.error());
  return {};
}

Status Connection::Begin(std::string_view mode) {
  failed_sqlstate_.clear();
  failure_.reset();
  return RunScript("BEGIN " + std::string(mode));
}

Status Connection::Commit() {
  // COMMIT of a transaction in which a statement failed answers ROLLBACK without an error: the
  // failure remembered is the answer then.
  if (failure_) {
    Rollback();
    return Unexpected(*failure_);
  }
  return RunScript("COMMIT");
}

void Connection::Rollback() {
  if (PQtransactionStatus(connection_) == PQTRANS_IDLE) return;
  ResultHandle result(PQexec(connection_, "ROLLBACK"));
  (void)result;  // a failed ROLLBACK leaves the connection unhealthy, which the pool checks
}

}  // namespace redress::storage::postgres
