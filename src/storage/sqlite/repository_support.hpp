#pragma once

// What the SQLite repositories share: the table descriptions of the configuration and account
// records (Table<Record>), and the statements every repository runs the same way (a record's
// next reference, the id of a saved row, naming the unknown reference behind a failed foreign
// key, generic list, find, insert and upsert). Each takes the transaction's connection. Internal to
// the SQLite adapter.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/records.hpp"
#include "core/routing.hpp"
#include "storage/common/record_references.hpp"
#include "storage/common/references.hpp"
#include "storage/sqlite/connection.hpp"

namespace redress::storage::sqlite {

using app::EntityType;

inline constexpr std::int64_t kFirstVersion = 1;

// The n-th parameter in SQL text built by storage/common: SQLite numbers them by position.
inline std::string ParameterMarker(int /*n*/) { return "?"; }
inline constexpr int kSettingsRowId = 1;

// ---------------------------------------------------------------------------------------------
// Reference data and accounts: one table description per record type, used by the generic list,
// find, insert and upsert of SqliteTx. Column order = binding order = reading order; kKey, where
// present, is the conflict target of an upsert.

// A record some row refers to, named by the field that holds it, to name the unknown one when a
// foreign key fails.
using common::Reference;

template <typename Record>
struct Table;

template <>
struct Table<app::Team> {
  static constexpr std::string_view kName = "teams";
  static constexpr std::string_view kKey = "code";
  static constexpr std::string_view kOrder = "code";
  static constexpr std::array<std::string_view, 2> kColumns = {"code", "name"};
  static void Bind(Statement& s, const app::Team& team) { s.BindAll(team.code, team.name); }
  static app::Team Read(ColumnReader& r) { return {r.Text(), r.Text()}; }
  static std::vector<Reference> References(const app::Team&) { return {}; }
};

template <>
struct Table<app::ServiceArea> {
  static constexpr std::string_view kName = "service_areas";
  static constexpr std::string_view kKey = "code";
  static constexpr std::string_view kOrder = "code";
  static constexpr std::array<std::string_view, 3> kColumns = {"code", "name", "team"};
  static void Bind(Statement& s, const app::ServiceArea& area) {
    s.BindAll(area.code, area.name, area.team);
  }
  static app::ServiceArea Read(ColumnReader& r) { return {r.Text(), r.Text(), r.Text()}; }
  static std::vector<Reference> References(const app::ServiceArea& area) {
    return {{"team", "team", "teams", "code", area.team}};
  }
};

// Categories and root causes share their shape.
template <typename Record, const std::string_view& kTableName>
struct TaxonomyTable {
  static constexpr std::string_view kName = kTableName;
  static constexpr std::string_view kKey = "code";
  static constexpr std::string_view kOrder = "code";
  static constexpr std::array<std::string_view, 3> kColumns = {"code", "name", "active"};
  static void Bind(Statement& s, const Record& record) {
    s.BindAll(record.code, record.name, record.active);
  }
  static Record Read(ColumnReader& r) { return {r.Text(), r.Text(), r.Bool()}; }
  static std::vector<Reference> References(const Record&) { return {}; }
};
inline constexpr std::string_view kCategoriesTable = "categories";
inline constexpr std::string_view kRootCausesTable = "root_causes";
template <>
struct Table<app::Category> : TaxonomyTable<app::Category, kCategoriesTable> {};
template <>
struct Table<app::RootCause> : TaxonomyTable<app::RootCause, kRootCausesTable> {};

template <>
struct Table<app::ClosureDay> {
  static constexpr std::string_view kName = "closure_days";
  static constexpr std::string_view kOrder = "date";
  static constexpr std::array<std::string_view, 2> kColumns = {"date", "reason"};
  static void Bind(Statement& s, const app::ClosureDay& day) { s.BindAll(day.date, day.reason); }
  static app::ClosureDay Read(ColumnReader& r) { return {r.Date(), r.Text()}; }
  static std::vector<Reference> References(const app::ClosureDay&) { return {}; }
};

template <>
struct Table<core::Designation> {
  static constexpr std::string_view kName = "designations";
  static constexpr std::string_view kOrder = "service_area, from_date, id";
  static constexpr std::array<std::string_view, 3> kColumns = {"service_area", "from_date",
                                                               "to_date"};
  static void Bind(Statement& s, const core::Designation& d) {
    s.BindAll(d.service_area, d.from, d.to);
  }
  static core::Designation Read(ColumnReader& r) { return {r.Text(), r.Date(), r.OptionalDate()}; }
  static std::vector<Reference> References(const core::Designation& d) {
    return {{"service_area", "service area", "service_areas", "code", d.service_area}};
  }
};

template <>
struct Table<app::OrganisationSettings> {
  static constexpr std::string_view kName = "settings";
  static constexpr std::string_view kKey = "id";
  static constexpr std::string_view kOrder = "id";
  static constexpr std::array<std::string_view, 5> kColumns = {"id", "name", "division",
                                                               "independent_team", "children_team"};
  static void Bind(Statement& s, const app::OrganisationSettings& settings) {
    s.BindAll(kSettingsRowId, settings.name, settings.division, Code{settings.independent_team},
              Code{settings.children_team});
  }
  static app::OrganisationSettings Read(ColumnReader& r) {
    r.Skip(1);  // id
    return {r.Text(), r.Enumerator(core::ParseDivision), r.Text(), r.Text()};
  }
  static std::vector<Reference> References(const app::OrganisationSettings& settings) {
    return {{"independent_team", "team", "teams", "code", settings.independent_team},
            {"children_team", "team", "teams", "code", settings.children_team}};
  }
};

// Records with an id assigned by the database: kColumns leave it out; it is read first.
template <>
struct Table<app::User> {
  static constexpr std::string_view kName = "users";
  static constexpr std::string_view kOrder = "username";
  static constexpr std::array<std::string_view, 8> kColumns = {
      "username",      "display_name", "role",  "team",
      "password_hash", "active",       "email", "reminder_digest"};
  static void Bind(Statement& s, const app::User& user) {
    s.BindAll(user.username, user.display_name, user.role, Code{user.team}, user.password_hash,
              user.active, user.email, user.reminder_digest == app::ReminderDigest::kDaily);
  }
  static app::User Read(ColumnReader& r) {
    app::User user;
    user.id = r.Int64();
    user.username = r.Text();
    user.display_name = r.Text();
    user.role = r.Enumerator(core::ParseRole);
    user.team = r.Text();
    user.password_hash = r.Text();
    user.active = r.Bool();
    user.email = r.Text();
    user.reminder_digest = r.Bool() ? app::ReminderDigest::kDaily : app::ReminderDigest::kOff;
    return user;
  }
  static std::vector<Reference> References(const app::User& user) {
    return {{"team", "team", "teams", "code", user.team}};
  }
};

template <>
struct Table<app::ApiToken> {
  static constexpr std::string_view kName = "api_tokens";
  static constexpr std::string_view kOrder = "id";
  static constexpr std::array<std::string_view, 6> kColumns = {
      "user_id", "token_hash", "label", "created_at", "revoked_at", "expires_on"};
  static void Bind(Statement& s, const app::ApiToken& token) {
    s.BindAll(token.user_id, token.token_hash, token.label, token.created_at, token.revoked_at,
              token.expires_on);
  }
  static app::ApiToken Read(ColumnReader& r) {
    return {r.Int64(), r.Int64(), r.Text(), r.Text(), r.Text(), r.OptionalText(), r.OptionalDate()};
  }
  static std::vector<Reference> References(const app::ApiToken& token) {
    return {{"user_id", "user", "users", "id", std::to_string(token.user_id)}};
  }
};

template <>
struct Table<app::Session> {
  static constexpr std::string_view kName = "sessions";
  static constexpr std::string_view kOrder = "id";
  static constexpr std::array<std::string_view, 5> kColumns = {
      "token_hash", "user_id", "csrf_token_hash", "created_at", "expires_at"};
  static void Bind(Statement& s, const app::Session& session) {
    s.BindAll(session.token_hash, session.user_id, session.csrf_token_hash, session.created_at,
              session.expires_at);
  }
  static app::Session Read(ColumnReader& r) {
    return {r.Int64(), r.Text(), r.Int64(), r.Text(), r.Int64(), r.Int64()};
  }
  static std::vector<Reference> References(const app::Session& session) {
    return {{"user_id", "user", "users", "id", std::to_string(session.user_id)}};
  }
};

template <typename Record>
concept HasDatabaseId = requires(Record record) {
  record.id;
};

template <typename Record>
const std::string& SelectAllSql() {
  using T = Table<Record>;
  static const std::string sql = [] {
    if constexpr (HasDatabaseId<Record>) {
      return "SELECT id, " + Join(T::kColumns) + " FROM " + std::string(T::kName);
    } else {
      return SelectSql(T::kName, T::kColumns);
    }
  }();
  return sql;
}

template <typename Record>
const std::string& InsertRecordSql() {
  using T = Table<Record>;
  // A record with a database id leaves it out of kColumns; InsertWithId reads it back.
  static const std::string sql = InsertSql(T::kName, T::kColumns);
  return sql;
}

template <typename Record>
const std::string& UpsertRecordSql() {
  using T = Table<Record>;
  static const std::string sql = UpsertSql(T::kName, T::kKey, T::kColumns);
  return sql;
}

// Whether SavedRowId follows an INSERT or an UPDATE (declared here, before its first use).
enum class RowChange { kInsert, kUpdate };

// If `status` failed on a foreign key, names the first of the references (made by
// `make_references`, called only then) that does not exist.
template <typename MakeReferences>
Status NameUnknownReference(Connection& connection, Status status, MakeReferences make_references) {
  if (status || status.error().code != ErrorCode::kInvalidInput ||
      status.error().message != kUnknownReferenceMessage) {
    return status;
  }
  for (const Reference& reference : make_references()) {
    if (reference.value.empty()) continue;
    const std::string sql = "SELECT 1 FROM " + std::string(reference.table) + " WHERE " +
                            std::string(reference.key) + " = ?";
    Result<Statement> statement = connection.Prepare(sql);
    if (!statement) return Unexpected(statement.error());
    statement->Bind(reference.value);
    Result<bool> exists = statement->Step();
    if (!exists) return Unexpected(exists.error());
    if (!*exists) {
      return core::FailField(
          reference.field, "unknown " + std::string(reference.what) + " '" + reference.value + "'");
    }
  }
  return status;
}

// Why an UPDATE ... WHERE reference = ? AND version = ? changed nothing.
inline Status VersionMismatch(Connection& connection, std::string_view table,
                              const std::string& reference, std::string_view what) {
  const std::string sql = "SELECT 1 FROM " + std::string(table) + " WHERE reference = ?";
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(reference);
  Result<bool> exists = statement->Step();
  if (!exists) return Unexpected(exists.error());
  if (!*exists) return Fail(ErrorCode::kNotFound, "no " + std::string(what) + " " + reference);
  return Fail(ErrorCode::kStaleVersion,
              "the " + std::string(what) + " changed since you loaded it");
}

// Runs `statement`, the INSERT of a row or the UPDATE ... WHERE reference = ? AND version = ?
// of the row `reference` of `table`, and returns the row's id. An UPDATE that matches no row is
// kNotFound or, when the row exists at another version, kStaleVersion. (RETURNING id would be
// shorter, but SQLite buffers RETURNING rows in a temporary table that it creates and frees on
// every run, which costs more than the write itself.)
inline Result<std::int64_t> SavedRowId(Connection& connection, Statement& statement,
                                       RowChange change, std::string_view table,
                                       const std::string& reference, std::string_view what) {
  if (Status run = statement.Run(); !run) return Unexpected(run.error());
  if (change == RowChange::kInsert) return statement.LastInsertRowid();
  if (statement.Changes() == 0) {
    Status mismatch = VersionMismatch(connection, table, reference, what);
    return Unexpected(mismatch.error());
  }
  const std::string sql = "SELECT id FROM " + std::string(table) + " WHERE reference = ?";
  Result<Statement> select = connection.Prepare(sql);
  if (!select) return Unexpected(select.error());
  select->Bind(reference);
  return ReadOne(
      *select, [](ColumnReader& r) { return r.Int64(); }, "no " + std::string(what));
}

// The next reference of the series `prefix` for `year`, consuming its number.
inline Result<std::string> NextReference(Connection& connection, std::string_view prefix,
                                         int year) {
  // Two statements rather than an upsert with RETURNING (see SavedRowId).
  Result<Statement> consume = connection.Prepare(
      "INSERT INTO reference_sequences (prefix, year, next_value) VALUES (?, ?, ?) "
      "ON CONFLICT (prefix, year) DO UPDATE SET next_value = next_value + 1");
  if (!consume) return Unexpected(consume.error());
  consume->BindAll(prefix, year, common::kFirstReferenceNumber + 1);
  if (Status consumed = consume->Run(); !consumed) return Unexpected(consumed.error());
  Result<Statement> taken = connection.Prepare(
      "SELECT next_value - 1 FROM reference_sequences WHERE prefix = ? AND year = ?");
  if (!taken) return Unexpected(taken.error());
  taken->BindAll(prefix, year);
  Result<std::int64_t> number = ReadOne(
      *taken, [](ColumnReader& r) { return r.Int64(); }, "no reference number");
  if (!number) return Unexpected(number.error());
  return common::FormatReference(prefix, year, *number);
}

template <typename Record>
Result<std::vector<Record>> ListAll(Connection& connection) {
  static const std::string sql =
      SelectAllSql<Record>() + " ORDER BY " + std::string(Table<Record>::kOrder);
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  return ReadAll(*statement, Table<Record>::Read);
}

// The record selected by `sql` (SelectAllSql + a WHERE with one parameter) for `value`.
template <typename Record, typename Value>
Result<Record> FindBy(Connection& connection, const std::string& sql, const Value& value,
                      const std::string& not_found) {
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  statement->Bind(value);
  return ReadOne(*statement, Table<Record>::Read, not_found);
}

// Runs the INSERT or upsert `sql` of a record.
template <typename Record>
Status ApplyRecord(Connection& connection, const std::string& sql, const Record& record) {
  Result<Statement> statement = connection.Prepare(sql);
  if (!statement) return Unexpected(statement.error());
  Table<Record>::Bind(*statement, record);
  return NameUnknownReference(connection, statement->Run(),
                              [&] { return Table<Record>::References(record); });
}

template <typename Record>
Status UpsertRecord(Connection& connection, const Record& record) {
  return ApplyRecord(connection, UpsertRecordSql<Record>(), record);
}

template <typename Record>
Status InsertRecord(Connection& connection, const Record& record) {
  return ApplyRecord(connection, InsertRecordSql<Record>(), record);
}

template <typename Record>
Result<std::int64_t> InsertWithId(Connection& connection, const Record& record) {
  Result<Statement> statement = connection.Prepare(InsertRecordSql<Record>());
  if (!statement) return Unexpected(statement.error());
  Table<Record>::Bind(*statement, record);
  Status inserted = statement->Run();
  if (inserted) return statement->LastInsertRowid();
  Status named = NameUnknownReference(connection, std::move(inserted),
                                      [&] { return Table<Record>::References(record); });
  return Unexpected(named.error());
}

}  // namespace redress::storage::sqlite
